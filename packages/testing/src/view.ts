/**
 * The widget as `<threadkit-chat>` renders it, without a DOM: a tree of the elements that matter to
 * a user (forms, buttons, fields, clickable list rows, labels and text), built with the element's
 * rules from `@threadkit/core` (`opensForm`, `formSubmission`, `controlType`, `fieldOptions`,
 * `fieldDefaultValue`) and the
 * same structure as its renderers (collapsed Cards, ListView limits, Card footers, nested Forms).
 */
import {
  controlType,
  type FormNodeLike,
  fieldDefaultValue,
  fieldOptions,
  formSubmission,
  opensForm,
} from "@threadkit/core";
import { sanitizeValue } from "./native.js";

/** A widget node as read leniently (the element trusts no prop's type). */
export interface WNode {
  type: string;
  [prop: string]: unknown;
}

/** What an element of the view is. */
export type ElKind =
  | "root"
  | "form"
  | "group"
  | "button"
  | "listItem"
  | "field"
  | "radiogroup"
  | "radio"
  | "label"
  | "text";

/** Where a button's click goes. */
export type ButtonRole =
  | { kind: "click"; action: unknown; site: "button" | "confirm" | "cancel" }
  | { kind: "submit"; action: unknown }
  | { kind: "toggle"; target: string };

/** One element of the view; `parent` links give the DOM's ancestor chain. */
export interface El {
  kind: ElKind;
  parent: El | undefined;
  children: El[];
  /** Stable id of the element within the widget (the element's render path). */
  path: string;
  node: WNode;
  /** Visible text of a `text`, `label` or `button` element. */
  text?: string;
  /** A form: what its submission runs. */
  submission?: { action: unknown; site: "submit" | "confirm" };
  /** A button's behaviour. */
  button?: ButtonRole;
  /** Accessible name given by `aria-label` (buttons without a label, unlabelled fields). */
  ariaLabel?: string;
  disabled?: boolean;
  /** A field: its `name` attribute, HTML type and DOM id (`for` target of Label widgets). */
  name?: string;
  type?: string;
  domId?: string;
  /** A RadioGroup (`field` of type radio) or one of its radios. */
  group?: El;
  /** A radio's value, or a select's options. */
  value?: string;
  options?: { value: string; label: string; disabled: boolean }[];
  /** A Label widget: the field name it points at (its `for`). */
  forName?: string;
  /** A Checkbox or radio wrapped in its `<label>` (this element is that label). */
  wraps?: El;
}

const str = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);
const num = (v: unknown): number | undefined =>
  typeof v === "number" && Number.isFinite(v) ? v : undefined;
const flag = (v: unknown): boolean => v === true;
const obj = (v: unknown): Record<string, unknown> | undefined =>
  typeof v === "object" && v !== null && !Array.isArray(v)
    ? (v as Record<string, unknown>)
    : undefined;

/** `value` as a widget node when it is an object with a string `type`. */
export function asNode(value: unknown): WNode | undefined {
  const o = obj(value);
  return o && typeof o.type === "string" ? (o as WNode) : undefined;
}

function childNodes(node: WNode): WNode[] {
  const c = node.children;
  if (Array.isArray(c)) return c.map(asNode).filter((n): n is WNode => n !== undefined);
  const single = asNode(c);
  return single ? [single] : [];
}

function nodeKey(node: WNode, index: number): string {
  if (typeof node.key === "string" || typeof node.key === "number") return `k:${node.key}`;
  if (typeof node.id === "string") return `i:${node.id}`;
  return `${node.type}:${index}`;
}

/** Human-readable fallback name of a field, as the element derives it: `todo.due_date` → "Todo due date". */
export function humanize(name: string): string {
  const words = name.replace(/[._-]+/g, " ").trim();
  return words ? (words[0] as string).toUpperCase() + words.slice(1) : name;
}

/** The DOM id the element gives the control named `name` (so `<label for>` finds it). */
function fieldId(name: string): string {
  return `f-${name.replace(/[^\w-]/g, "_")}`;
}

// The element's ListView cut for `limit: "auto"`.
const AUTO_LIMIT = 5;

function labelledFields(root: WNode): Set<string> {
  const out = new Set<string>();
  const walk = (n: WNode, depth: number) => {
    if (depth > 64) return;
    if (n.type === "Label") {
      const f = str(n.fieldName);
      if (f) out.add(f);
    }
    for (const c of childNodes(n)) walk(c, depth + 1);
  };
  walk(root, 0);
  return out;
}

/**
 * The text a reader sees of a Markdown value (an approximation of its rendered HTML's text: markup
 * for emphasis, code, links, images, headings, quotes and list items is dropped).
 *
 * @example
 * ```ts
 * markdownText("1. Made **progress** on [docs](https://x.y)"); // "Made progress on docs"
 * ```
 */
export function markdownText(markdown: string): string {
  return markdown
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/^\s{0,3}(#{1,6}\s+|>\s?|[-*+]\s+|\d+[.)]\s+)/gm, "")
    .replace(/(\*\*|__|~~|`)(.+?)\1/g, "$2")
    .replace(/(^|[^\w*])[*_]([^*_\s][^*_]*?)[*_](?=[^\w*]|$)/g, "$1$2")
    .replace(/\s+/g, " ")
    .trim();
}

/** The view of a widget plus the initial values of its fields (by field path). */
export interface View {
  root: El;
  /** Every element in document order. */
  all: El[];
  /** Initial value of each field (`field` path → value; a RadioGroup's is its checked value). */
  defaults: Map<string, string | boolean>;
}

/**
 * Builds the view of `widget` given which Cards/ListViews the user expanded (by path).
 *
 * @example
 * ```ts
 * const view = buildView(card, new Set());
 * view.all.filter((el) => el.kind === "button").map((el) => el.text);
 * ```
 */
export function buildView(widget: unknown, expanded: ReadonlySet<string>): View {
  const rootNode = asNode(widget) ?? { type: "Unknown" };
  const labelled = labelledFields(rootNode);
  const root: El = { kind: "root", parent: undefined, children: [], path: "root", node: rootNode };
  const all: El[] = [];
  const defaults = new Map<string, string | boolean>();

  const add = (parent: El, el: Omit<El, "parent" | "children">): El => {
    const full: El = { ...el, parent, children: [] };
    parent.children.push(full);
    all.push(full);
    return full;
  };
  const ariaFor = (name: string, placeholder?: string) =>
    labelled.has(name) ? undefined : (placeholder ?? humanize(name));

  const children = (node: WNode, parent: El, path: string, inForm: boolean) => {
    const kids = childNodes(node);
    const seen = new Set<string>();
    kids.forEach((c, i) => {
      let k = nodeKey(c, i);
      if (seen.has(k)) k = `${k}#${i}`;
      seen.add(k);
      render(c, parent, `${path}/${k}`, inForm);
    });
  };

  const field = (node: WNode, parent: El, path: string, name: string, extra: Partial<El>) => {
    const type = controlType(node as FormNodeLike) ?? "text";
    return add(parent, {
      kind: "field",
      path,
      node,
      name,
      type,
      domId: fieldId(name),
      disabled: flag(node.disabled),
      ...extra,
    });
  };

  const footer = (node: WNode, parent: El, path: string, asForm: boolean) => {
    const cancel = obj(node.cancel);
    const confirm = obj(node.confirm);
    if (cancel) {
      add(parent, {
        kind: "button",
        path: `${path}/cancel`,
        node,
        text: str(cancel.label) ?? "OK",
        button: { kind: "click", action: cancel.action, site: "cancel" },
      });
    }
    if (confirm) {
      add(parent, {
        kind: "button",
        path: `${path}/confirm`,
        node,
        text: str(confirm.label) ?? "OK",
        button: asForm
          ? { kind: "submit", action: undefined }
          : { kind: "click", action: confirm.action, site: "confirm" },
      });
    }
  };

  const render = (node: WNode, parent: El, path: string, inForm: boolean): void => {
    switch (node.type) {
      case "Form": {
        if (!opensForm(node as FormNodeLike, inForm)) {
          children(node, add(parent, { kind: "group", path, node }), path, inForm);
          return;
        }
        const submission = formSubmission(node as FormNodeLike);
        const form = add(parent, {
          kind: "form",
          path,
          node,
          submission: { action: submission.action, site: "submit" },
        });
        children(node, form, path, true);
        return;
      }
      case "Card": {
        const asForm = opensForm(node as FormNodeLike, inForm);
        let host = parent;
        if (asForm) {
          const submission = formSubmission(node as FormNodeLike);
          host = add(parent, {
            kind: "form",
            path,
            node,
            submission: { action: submission.action, site: "confirm" },
          });
        }
        const status = obj(node.status);
        const statusText = str(status?.text);
        if (status && statusText)
          add(host, { kind: "text", path: `${path}/status`, node, text: statusText });
        if (flag(node.collapsed) && !expanded.has(path)) {
          add(host, {
            kind: "button",
            path: `${path}/toggle`,
            node,
            text: "Show details",
            button: { kind: "toggle", target: path },
          });
          return;
        }
        children(node, host, path, inForm || asForm);
        footer(node, host, path, asForm);
        return;
      }
      case "ListView": {
        const status = obj(node.status);
        const statusText = str(status?.text);
        if (status && statusText)
          add(parent, { kind: "text", path: `${path}/status`, node, text: statusText });
        const items = childNodes(node);
        const limit = node.limit === "auto" ? AUTO_LIMIT : num(node.limit);
        const cut =
          limit !== undefined && limit >= 0 && items.length > limit && !expanded.has(path);
        const shown = cut ? { ...node, children: items.slice(0, limit) } : node;
        children(shown, parent, path, inForm);
        if (cut) {
          add(parent, {
            kind: "button",
            path: `${path}/more`,
            node,
            text: `Show more (${items.length - (limit ?? 0)})`,
            button: { kind: "toggle", target: path },
          });
        }
        return;
      }
      case "ListViewItem": {
        if (!node.onClickAction) {
          children(node, parent, path, inForm);
          return;
        }
        children(node, add(parent, { kind: "listItem", path, node }), path, inForm);
        return;
      }
      case "Text": {
        const editable = obj(node.editable);
        if (!editable) {
          add(parent, { kind: "text", path, node, text: str(node.value) ?? "" });
          return;
        }
        const name = str(editable.name) ?? "";
        const placeholder = str(editable.placeholder);
        const el = field(node, parent, path, name, {
          disabled: flag(editable.disabled),
          ariaLabel: ariaFor(name, placeholder),
        });
        defaults.set(el.path, sanitizeValue("text", str(node.value) ?? ""));
        return;
      }
      case "Title":
      case "Caption":
      case "Markdown":
        add(parent, { kind: "text", path, node, text: markdownText(str(node.value) ?? "") });
        return;
      case "Badge":
        add(parent, { kind: "text", path, node, text: str(node.value) ?? str(node.label) ?? "" });
        return;
      case "Label": {
        const forName = str(node.fieldName);
        add(parent, {
          kind: "label",
          path,
          node,
          text: str(node.value) ?? "",
          ...(forName ? { forName } : {}),
        });
        return;
      }
      case "Button": {
        const label = str(node.label);
        add(parent, {
          kind: "button",
          path,
          node,
          text: label ?? "",
          disabled: flag(node.disabled),
          button:
            flag(node.submit) && inForm
              ? { kind: "submit", action: node.onClickAction }
              : { kind: "click", action: node.onClickAction, site: "button" },
          ...(label ? {} : { ariaLabel: str(node.iconStart) ?? str(node.iconEnd) ?? "button" }),
        });
        return;
      }
      case "Input":
      case "Textarea": {
        const name = str(node.name) ?? "";
        const el = field(node, parent, path, name, {
          ariaLabel: ariaFor(name, str(node.placeholder)),
        });
        defaults.set(el.path, sanitizeValue(el.type ?? "text", str(node.defaultValue) ?? ""));
        return;
      }
      case "DatePicker": {
        const name = str(node.name) ?? "";
        const el = field(node, parent, path, name, {
          ariaLabel: ariaFor(name, str(node.placeholder)),
        });
        defaults.set(el.path, fieldDefaultValue(node as FormNodeLike) ?? "");
        return;
      }
      case "Select": {
        const name = str(node.name) ?? "";
        const placeholder = str(node.placeholder);
        const opts = fieldOptions(node as FormNodeLike);
        const all =
          placeholder !== undefined
            ? [{ value: "", label: placeholder, disabled: true }, ...opts]
            : opts;
        const el = field(node, parent, path, name, {
          ariaLabel: ariaFor(name, placeholder),
          options: all,
        });
        defaults.set(el.path, fieldDefaultValue(node as FormNodeLike) ?? "");
        return;
      }
      case "Checkbox": {
        const name = str(node.name) ?? "";
        const label = str(node.label);
        const wrap = add(parent, { kind: "label", path: `${path}/label`, node, text: label ?? "" });
        const el = field(node, wrap, path, name, label ? {} : { ariaLabel: ariaFor(name) });
        wrap.wraps = el;
        defaults.set(el.path, fieldDefaultValue(node as FormNodeLike) ?? false);
        return;
      }
      case "RadioGroup": {
        const name = str(node.name) ?? "";
        const group = field(node, parent, path, name, {
          kind: "radiogroup",
          ariaLabel: str(node.ariaLabel) ?? humanize(name),
          options: fieldOptions(node as FormNodeLike),
        });
        (group.options ?? []).forEach((o, i) => {
          const wrap = add(group, {
            kind: "label",
            path: `${path}/${i}/label`,
            node,
            text: o.label,
          });
          const radio = add(wrap, {
            kind: "radio",
            path: `${path}/${i}`,
            node,
            name,
            type: "radio",
            group,
            value: o.value,
            disabled: flag(node.disabled) || o.disabled,
            ...(i === 0 ? { domId: fieldId(name) } : {}),
          });
          wrap.wraps = radio;
        });
        delete group.domId;
        defaults.set(group.path, fieldDefaultValue(node as FormNodeLike) ?? "");
        return;
      }
      case "Table": {
        childNodes(node).forEach((row, r) => {
          childNodes(row).forEach((cell, c) => {
            children(cell, parent, `${path}/${r}/${c}`, inForm);
          });
        });
        return;
      }
      case "Image":
      case "Icon":
      case "Divider":
      case "Spacer":
      case "Chart":
        return;
      default:
        // Box, Row, Col, Basic, Transition and unknown types: their children.
        children(node, parent, path, inForm);
    }
  };

  render(rootNode, root, "root", false);
  return { root, all, defaults };
}
