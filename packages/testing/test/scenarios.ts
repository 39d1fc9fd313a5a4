/**
 * Forms and interaction scripts run through the harness (packages/testing/test) and, in the parity
 * browser test (tests/e2e/testing-parity.test.ts), through the real element too: both must send
 * identical actions and block identical submissions.
 */

/** How a step finds its control (the browser test has a Playwright equivalent of each). */
export type Target =
  | { name: string; value?: string }
  | { button: string }
  | { text: string }
  | { label: string };

/** One user interaction. */
export type Step =
  | { fill: Target; text: string }
  | { select: Target; value: string }
  | { check: Target; checked?: boolean }
  | { pickDate: Target; date: string }
  | { click: Target }
  | { submit: Target }
  /** The server updates the widget in place (`thread.item.updated`). */
  | { update: unknown };

/** A widget and what the user does with it. */
export interface Scenario {
  name: string;
  widget: unknown;
  steps: Step[];
}

import type { Control, InteractionResult, MountedWidget } from "@threadkit/testing";

const SAVE = { type: "Button", label: "Save", submit: true };

/** The scenarios, each exercising a rule of forms, validation, collisions or loading. */
export const SCENARIOS: Scenario[] = [
  {
    name: "edit form with editable Text (required), submitted by a submit Button",
    widget: {
      type: "Card",
      children: [
        {
          type: "Form",
          onSubmitAction: { type: "todo.update", payload: { id: "td_1" } },
          children: [
            {
              type: "Text",
              value: "",
              editable: { name: "title", required: true, placeholder: "Title" },
            },
            {
              type: "Text",
              value: "Old notes",
              editable: { name: "description", placeholder: "Notes" },
            },
            SAVE,
          ],
        },
      ],
    },
    steps: [
      { click: { button: "Save" } },
      { fill: { name: "title" }, text: "Buy milk" },
      { click: { button: "Save" } },
      { fill: { name: "description" }, text: "two\r\nlitres" },
      { submit: { name: "title" } },
    ],
  },
  {
    name: "dotted names nest; date bounds, select, checkbox and radio values",
    widget: {
      type: "Card",
      children: [
        {
          type: "Form",
          onSubmitAction: { type: "todo.add", loadingBehavior: "self" },
          children: [
            { type: "Label", value: "Title", fieldName: "todo.title" },
            { type: "Input", name: "todo.title", required: true },
            {
              type: "DatePicker",
              name: "todo.due",
              min: "2026-01-01T00:00:00Z",
              max: "2026-12-31",
              defaultValue: "2026-06-01",
            },
            {
              type: "Select",
              name: "todo.priority",
              placeholder: "Priority",
              options: [
                { value: "low", label: "Low" },
                { value: "high", label: "High" },
                { value: "x", label: "Unavailable", disabled: true },
              ],
            },
            { type: "Checkbox", name: "todo.done", label: "Done" },
            {
              type: "RadioGroup",
              name: "size",
              ariaLabel: "Size",
              options: [
                { value: "s", label: "Small" },
                { value: "m", label: "Medium" },
              ],
            },
            { type: "Button", label: "Add", submit: true },
          ],
        },
      ],
    },
    steps: [
      { fill: { label: "Title" }, text: "Milk" },
      { pickDate: { name: "todo.due" }, date: "2025-12-31" },
      { click: { button: "Add" } },
      { pickDate: { name: "todo.due" }, date: "2027-01-01" },
      { submit: { name: "todo.title" } },
      { pickDate: { name: "todo.due" }, date: "2026-02-28" },
      { submit: { name: "todo.title" } },
      { select: { name: "todo.priority" }, value: "high" },
      { check: { label: "Done" } },
      { check: { name: "size", value: "m" } },
      { click: { button: "Add" } },
      { click: { text: "Done" } },
      { click: { text: "Small" } },
      { submit: { name: "todo.title" } },
    ],
  },
  {
    name: "type, pattern and step rules block in document order",
    widget: {
      type: "Card",
      children: [
        {
          type: "Form",
          onSubmitAction: { type: "contact.save", payload: { source: "form" } },
          children: [
            { type: "Input", name: "email", inputType: "email", placeholder: "Email" },
            { type: "Input", name: "site", inputType: "url", placeholder: "Site" },
            { type: "Input", name: "count", inputType: "number", placeholder: "Count" },
            { type: "Input", name: "zip", pattern: "[0-9]{5}", placeholder: "Zip" },
            {
              type: "Input",
              name: "code",
              inputType: "search",
              pattern: "[A-Z]+",
              placeholder: "Code",
            },
            { type: "Textarea", name: "notes", pattern: "[a-z ]*", placeholder: "Notes" },
            { type: "Input", name: "tel", inputType: "tel", required: true, placeholder: "Phone" },
            SAVE,
          ],
        },
      ],
    },
    steps: [
      { fill: { name: "email" }, text: "not-an-email" },
      { submit: { name: "email" } },
      { fill: { name: "email" }, text: "  ada@example.com " },
      { fill: { name: "site" }, text: "example.com" },
      { click: { button: "Save" } },
      { fill: { name: "site" }, text: "https://example.com/x" },
      { fill: { name: "count" }, text: "1.5" },
      { click: { button: "Save" } },
      { fill: { name: "count" }, text: "-3" },
      { fill: { name: "zip" }, text: "1234" },
      { click: { button: "Save" } },
      { fill: { name: "zip" }, text: "12345" },
      { fill: { name: "code" }, text: "abc" },
      { click: { button: "Save" } },
      { fill: { name: "code" }, text: "ABC" },
      { fill: { name: "notes" }, text: "Hello" },
      { click: { button: "Save" } },
      { fill: { name: "notes" }, text: "hello there" },
      { click: { button: "Save" } },
      { fill: { name: "tel" }, text: "555 0100" },
      { click: { button: "Save" } },
    ],
  },
  {
    name: "Card asForm: cancel sends the fields unvalidated, confirm validates",
    widget: {
      type: "Card",
      asForm: true,
      confirm: { label: "Book", action: { type: "trip.book", payload: { trip: 4 } } },
      cancel: { label: "Discard", action: { type: "trip.discard" } },
      children: [
        { type: "Input", name: "traveller.name", required: true, placeholder: "Name" },
        { type: "Checkbox", name: "traveller.insured", label: "Insured", required: true },
      ],
    },
    steps: [
      { click: { button: "Discard" } },
      { click: { button: "Book" } },
      { fill: { name: "traveller.name" }, text: "Ada" },
      { submit: { name: "traveller.name" } },
      { check: { name: "traveller.insured" } },
      { submit: { name: "traveller.name" } },
      { click: { button: "Book" } },
    ],
  },
  {
    name: "Card without asForm: confirm and cancel send their actions as declared",
    widget: {
      type: "Card",
      confirm: { label: "Yes", action: { type: "confirm.yes", payload: { n: 1 } } },
      cancel: { label: "No", action: { type: "confirm.no", loadingBehavior: "none" } },
      children: [
        { type: "Text", value: "Delete it?" },
        { type: "Input", name: "reason", placeholder: "Reason" },
      ],
    },
    steps: [
      { fill: { name: "reason" }, text: "stale" },
      { click: { button: "No" } },
      { click: { button: "Yes" } },
    ],
  },
  {
    name: "collisions: static keys win, earlier fields win, bad names are dropped",
    widget: {
      type: "Card",
      children: [
        {
          type: "Form",
          onSubmitAction: { type: "collide", payload: { id: 1, todo: { id: 9 } } },
          children: [
            { type: "Input", name: "id", defaultValue: "2", placeholder: "Id" },
            { type: "Input", name: "todo.title", defaultValue: "T", placeholder: "Todo title" },
            { type: "Input", name: "a", defaultValue: "A", placeholder: "A" },
            { type: "Input", name: "a.b", defaultValue: "B", placeholder: "A b" },
            { type: "Input", name: "a", defaultValue: "again", placeholder: "A again" },
            { type: "Input", name: "x..y", defaultValue: "bad", placeholder: "Bad" },
            { type: "Input", name: "ok", defaultValue: "yes", placeholder: "Ok" },
            SAVE,
          ],
        },
      ],
    },
    steps: [{ click: { button: "Save" } }],
  },
  {
    name: "change actions inside and outside a form, with loading behaviours",
    widget: {
      type: "Basic",
      children: [
        {
          type: "Select",
          name: "view",
          defaultValue: "list",
          onChangeAction: { type: "view.set" },
          options: [
            { value: "list", label: "List" },
            { value: "board", label: "Board" },
          ],
        },
        {
          type: "Form",
          onSubmitAction: { type: "filter.apply" },
          children: [
            { type: "Input", name: "q", defaultValue: "milk", placeholder: "Search" },
            {
              type: "Checkbox",
              name: "open",
              label: "Open only",
              onChangeAction: { type: "filter.open", loadingBehavior: "container" },
            },
            {
              type: "RadioGroup",
              name: "sort",
              ariaLabel: "Sort",
              defaultValue: "new",
              onChangeAction: { type: "filter.sort", payload: { keep: true } },
              options: [
                { value: "new", label: "Newest" },
                { value: "old", label: "Oldest" },
              ],
            },
            {
              type: "DatePicker",
              name: "since",
              onChangeAction: { type: "filter.since", loadingBehavior: "self" },
            },
            {
              type: "Button",
              label: "Reset",
              onClickAction: { type: "filter.reset", loadingBehavior: "none" },
            },
          ],
        },
      ],
    },
    steps: [
      { select: { name: "view" }, value: "board" },
      { check: { name: "open" } },
      { check: { name: "open" }, checked: false },
      { check: { name: "sort", value: "old" } },
      { pickDate: { name: "since" }, date: "2026-03-04" },
      { click: { button: "Reset" } },
      { submit: { name: "q" } },
    ],
  },
  {
    name: "clickable rows: text clicks run the row, a Button in a row sends both",
    widget: {
      type: "ListView",
      limit: 2,
      children: [
        {
          type: "ListViewItem",
          onClickAction: { type: "row.open", payload: { id: 1 } },
          children: [
            { type: "Text", value: "First row" },
            {
              type: "Button",
              label: "Star",
              onClickAction: { type: "row.star", payload: { id: 1 } },
            },
          ],
        },
        {
          type: "ListViewItem",
          onClickAction: { type: "row.open", payload: { id: 2 }, loadingBehavior: "container" },
          children: [
            { type: "Text", value: "Second row" },
            {
              type: "Button",
              label: "Pin",
              onClickAction: { type: "row.pin", payload: { id: 2 } },
            },
          ],
        },
        {
          type: "ListViewItem",
          onClickAction: { type: "row.open", payload: { id: 3 } },
          children: [
            {
              type: "Checkbox",
              name: "pick",
              label: "Pick third",
              onChangeAction: { type: "row.pick" },
            },
          ],
        },
        { type: "ListViewItem", children: [{ type: "Text", value: "Plain row" }] },
      ],
    },
    steps: [
      { click: { text: "First row" } },
      { click: { button: "Star" } },
      { click: { button: "Pin" } },
      { click: { button: "Show more (2)" } },
      { click: { text: "Pick third" } },
      { click: { text: "Plain row" } },
    ],
  },
  {
    name: "nested Form is a group; a submit Button with its own action; labels and collapsed cards",
    widget: {
      type: "Card",
      collapsed: true,
      children: [
        {
          type: "Form",
          onSubmitAction: { type: "outer.submit", payload: { level: "outer" } },
          children: [
            { type: "Label", value: "Agree to terms", fieldName: "agree" },
            { type: "Checkbox", name: "agree", required: true },
            {
              type: "Form",
              onSubmitAction: { type: "inner.submit" },
              children: [
                { type: "Input", name: "inner.note", placeholder: "Inner note" },
                { type: "Button", label: "Inner save", submit: true },
              ],
            },
            {
              type: "Button",
              label: "Save draft",
              submit: true,
              onClickAction: { type: "draft.save", loadingBehavior: "container" },
            },
            {
              type: "Input",
              name: "locked",
              defaultValue: "x",
              disabled: true,
              required: true,
              placeholder: "Locked",
            },
            {
              type: "Text",
              value: "",
              editable: { name: "frozen", required: true, disabled: true },
            },
            { type: "Button", label: "Off", disabled: true, onClickAction: { type: "never" } },
          ],
        },
      ],
    },
    steps: [
      { click: { button: "Show details" } },
      { click: { button: "Inner save" } },
      { click: { text: "Agree to terms" } },
      { fill: { name: "inner.note" }, text: "hi" },
      { click: { button: "Inner save" } },
      { click: { button: "Save draft" } },
      { submit: { name: "inner.note" } },
    ],
  },
  {
    name: "widget updates keep typed values unless the default changed or the field went away",
    widget: updatable("a", "b", true),
    steps: [
      { fill: { name: "keep" }, text: "typed keep" },
      { fill: { name: "reset" }, text: "typed reset" },
      { fill: { name: "gone" }, text: "typed gone" },
      { update: updatable("a", "B", false) },
      { click: { button: "Save" } },
      { update: updatable("a", "B", true) },
      { click: { button: "Save" } },
      // The field moves into a Row (a new control): what was typed follows it by name.
      { fill: { name: "keep" }, text: "typed again" },
      { update: updatable("a", "B", true, true) },
      { click: { button: "Save" } },
    ],
  },
  {
    name: "edge cases: required select and radios, odd input types, forms without actions",
    widget: {
      type: "Basic",
      children: [
        { type: "Input", name: "loose", placeholder: "Loose" },
        {
          type: "Button",
          label: "Outside submit",
          submit: true,
          onClickAction: { type: "outside" },
        },
        {
          type: "Form",
          children: [
            { type: "Textarea", name: "bio", required: true, placeholder: "Bio" },
            {
              type: "Input",
              name: "when",
              inputType: "date",
              pattern: "[0-9]+",
              placeholder: "When",
            },
          ],
        },
        {
          type: "Card",
          asForm: true,
          confirm: { label: "Go", action: { type: "go", payload: { n: 1 } } },
          cancel: { label: "Stop", action: { type: "stop", loadingBehavior: "self" } },
          children: [
            {
              type: "Select",
              name: "pick",
              placeholder: "Pick",
              required: true,
              options: [{ value: "a", label: "Alpha" }],
            },
            {
              type: "Select",
              name: "ghost",
              defaultValue: "zzz",
              options: [{ value: "b", label: "Beta" }],
            },
            {
              type: "RadioGroup",
              name: "tier",
              ariaLabel: "Tier",
              required: true,
              options: [
                { value: "1", label: "One", disabled: true },
                { value: "2", label: "Two" },
              ],
            },
            {
              type: "Input",
              name: "amount",
              inputType: "number",
              defaultValue: "abc",
              placeholder: "Amount",
            },
            { type: "Label", value: "Bio label", fieldName: "loose" },
          ],
        },
      ],
    },
    steps: [
      { submit: { name: "loose" } },
      { click: { button: "Outside submit" } },
      { submit: { name: "when" } },
      { fill: { name: "bio" }, text: "Hi" },
      { fill: { name: "when" }, text: "2026" },
      { submit: { name: "when" } },
      { click: { text: "Bio label" } },
      { click: { button: "Stop" } },
      { click: { button: "Go" } },
      { select: { name: "pick" }, value: "a" },
      { submit: { name: "amount" } },
      { click: { text: "Two" } },
      { fill: { name: "amount" }, text: "1e2" },
      { click: { button: "Go" } },
    ],
  },
];

/** A form whose field defaults the server changes between updates. */
function updatable(keep: string, reset: string, withGone: boolean, moved = false) {
  const keepField = {
    type: "Input",
    key: "keep",
    name: "keep",
    defaultValue: keep,
    placeholder: "Keep",
  };
  return {
    type: "Card",
    children: [
      {
        type: "Form",
        key: "form",
        onSubmitAction: { type: "save" },
        children: [
          moved ? { type: "Row", key: "moved", children: [keepField] } : keepField,
          { type: "Input", key: "reset", name: "reset", defaultValue: reset, placeholder: "Reset" },
          ...(withGone ? [{ type: "Input", key: "gone", name: "gone", placeholder: "Gone" }] : []),
          { type: "Button", key: "save", label: "Save", submit: true },
        ],
      },
      { type: "Text", key: "note", value: "Edit and save" },
    ],
  };
}

/** The harness control a target names. */
export function locate(w: MountedWidget, target: Target): Control {
  if ("button" in target) return w.getByRole("button", { name: target.button, exact: true });
  if ("text" in target) return w.getByText(target.text, { exact: true });
  if ("label" in target) return w.getByLabel(target.label, { exact: true });
  const field = w.getByName(target.name);
  if (target.value === undefined) return field;
  const radio = w
    .getAllByRole("radio")
    .find((r) => r.fieldName === target.name && r.el.value === target.value);
  if (!radio) throw new Error(`no radio ${target.name}=${target.value}`);
  return radio;
}

/** Runs one step in the harness. */
export function runStep(w: MountedWidget, step: Step): InteractionResult {
  if ("fill" in step) return locate(w, step.fill).fill(step.text);
  if ("select" in step) return locate(w, step.select).select(step.value);
  if ("check" in step) return locate(w, step.check).check(step.checked ?? true);
  if ("pickDate" in step) return locate(w, step.pickDate).pickDate(step.date);
  if ("click" in step) return locate(w, step.click).click();
  if ("update" in step) {
    w.update(step.update);
    return { actions: [], errors: [], loading: "none" };
  }
  return locate(w, step.submit).submit();
}
