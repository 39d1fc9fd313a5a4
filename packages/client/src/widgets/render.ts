/**
 * The component registry: widget `type` → renderer. Unknown types render their children (or
 * nothing), and a renderer that throws on malformed props renders nothing instead of breaking
 * the whole widget.
 */
import { html, nothing } from "lit";
import type { RenderCtx } from "./context.js";
import { asNode, childNodes, str, type WNode } from "./node.js";
import {
  renderButton,
  renderCheckbox,
  renderDatePicker,
  renderInput,
  renderRadioGroup,
  renderSelect,
  renderTextarea,
} from "./render-controls.js";
import {
  renderBasic,
  renderBox,
  renderCard,
  renderForm,
  renderListView,
  renderListViewItem,
  renderPassThrough,
} from "./render-layout.js";
import { renderTable } from "./render-table.js";
import {
  renderBadge,
  renderCaption,
  renderDivider,
  renderIcon,
  renderImage,
  renderLabel,
  renderMarkdownNode,
  renderSpacer,
  renderText,
  renderTitle,
} from "./render-text.js";

/** Renders one node of a given type. */
export type Renderer = (node: WNode, ctx: RenderCtx, path: string) => unknown;

/** Every component this renderer knows, by `type`. */
export const RENDERERS: Record<string, Renderer> = {
  Card: renderCard,
  ListView: renderListView,
  ListViewItem: renderListViewItem,
  Basic: renderBasic,
  Box: renderBox,
  Row: renderBox,
  Col: renderBox,
  Form: renderForm,
  Transition: renderPassThrough,
  Text: renderText,
  Title: renderTitle,
  Caption: renderCaption,
  Markdown: renderMarkdownNode,
  Label: renderLabel,
  Badge: renderBadge,
  Icon: renderIcon,
  Image: renderImage,
  Divider: renderDivider,
  Spacer: renderSpacer,
  Button: renderButton,
  Input: renderInput,
  Textarea: renderTextarea,
  Select: renderSelect,
  Checkbox: renderCheckbox,
  RadioGroup: renderRadioGroup,
  DatePicker: renderDatePicker,
  Table: renderTable,
  Chart: (node, ctx) => {
    defineChart();
    return html`<tk-chart .node=${node} .i18n=${ctx.i18n}></tk-chart>`;
  },
};

let chartRequested = false;
/**
 * `<tk-chart>` (with d3-shape) is loaded on the first Chart, from the same origin as the bundle:
 * few threads show one. The element upgrades when its module has run (Lit keeps `.node` set
 * before that). The module is requested once; after a failed load, the next Chart asks again.
 */
function defineChart(): void {
  if (chartRequested) return;
  chartRequested = true;
  import("./chart.js").catch(() => {
    chartRequested = false;
  });
}

/**
 * Renders `node` with its registered renderer (children only for unknown types).
 *
 * @example
 * ```ts
 * renderNode({ type: "Text", value: "Hi" }, ctx, "root");
 * ```
 */
export function renderNode(node: WNode, ctx: RenderCtx, path: string): unknown {
  const renderer = RENDERERS[node.type] ?? renderPassThrough;
  try {
    return renderer(node, ctx, path);
  } catch {
    return nothing;
  }
}

/**
 * The field names that some `Label` widget in the tree points at (`fieldName`).
 *
 * @example
 * ```ts
 * labelledFields({ type: "Form", children: [{ type: "Label", value: "Email", fieldName: "email" }] });
 * // Set { "email" }
 * ```
 */
export function labelledFields(root: unknown): Set<string> {
  const out = new Set<string>();
  const walk = (n: WNode | null, depth: number) => {
    if (!n || depth > 64) return;
    if (n.type === "Label") {
      const f = str(n.fieldName);
      if (f) out.add(f);
    }
    for (const c of childNodes(n)) walk(c, depth + 1);
  };
  walk(asNode(root), 0);
  return out;
}
