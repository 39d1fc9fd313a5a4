import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { mountWidget } from "@threadkit/testing";
import { describe, expect, it } from "vitest";
import { runStep, SCENARIOS } from "./scenarios.js";

const FIXTURES = fileURLToPath(new URL("../../../../shared/fixtures/widgets", import.meta.url));
const fixtures = readdirSync(FIXTURES)
  .filter((f) => f.endsWith(".json"))
  .map((f) => ({ name: f, widget: JSON.parse(readFileSync(`${FIXTURES}/${f}`, "utf8")) }));

const scenario = (prefix: string) => {
  const found = SCENARIOS.find((s) => s.name.startsWith(prefix));
  if (!found) throw new Error(prefix);
  return found;
};

/** Runs a scenario's steps and returns each result. */
const play = (prefix: string) => {
  const s = scenario(prefix);
  const w = mountWidget(s.widget);
  return s.steps.map((step) => runStep(w, step));
};

describe("mountWidget over the shared fixtures", () => {
  it("has fixtures", () => expect(fixtures.length).toBeGreaterThan(5));

  it("every clickable row and button sends its declared action unchanged (no form around it)", () => {
    let sent = 0;
    for (const { name, widget } of fixtures) {
      const w = mountWidget(widget);
      for (const control of w.controls().filter((c) => c.role === "button")) {
        const result = control.click();
        const declared = control.el.node.onClickAction;
        if (!declared) continue;
        expect(result.action, `${name}: ${control.name}`).toEqual(declared);
        expect(result.errors).toEqual([]);
        expect(result.loading).toBe(
          (declared as { loadingBehavior?: string }).loadingBehavior === "container"
            ? "container"
            : "self",
        );
        sent++;
      }
    }
    expect(sent).toBeGreaterThan(10);
  });

  it("clicking a row's text runs the row's action", () => {
    const cats = fixtures.find((f) => f.name === "sample-cat_name_suggestions.json")!;
    const w = mountWidget(cats.widget);
    const result = w.getByText("Calm, playful vibes").click();
    expect(result.action).toMatchObject({ type: "cats.select_name", payload: { name: "Willow" } });
    expect(result.loading).toBe("self");
    expect(w.getByRole("button", { name: /Pixel/ }).click().action).toMatchObject({
      payload: { name: "Pixel" },
    });
  });

  it("text outside any clickable row sends nothing", () => {
    const card = fixtures.find((f) => f.name === "sdk-card_no_data.json")!;
    const w = mountWidget(card.widget);
    expect(w.getByText("Enable notification").click()).toEqual({
      actions: [],
      errors: [],
      loading: "none",
    });
    expect(w.getAllByRole("button").map((b) => b.name)).toEqual(["Yes", "No"]);
  });
});

describe("forms", () => {
  it("edit form: blocked while the required title is empty, then sends title and description", () => {
    const [first, , saved, , entered] = play("edit form");
    expect(first).toMatchObject({ blocked: { name: "title", rule: "required" }, actions: [] });
    expect(first?.action).toBeUndefined();
    expect(saved).toMatchObject({
      action: {
        type: "todo.update",
        payload: { id: "td_1", title: "Buy milk", description: "Old notes" },
      },
      loading: "container",
    });
    // A pasted line break becomes a space in a single-line field; Enter submits.
    expect(entered?.action?.payload).toEqual({
      id: "td_1",
      title: "Buy milk",
      description: "two litres",
    });
  });

  it("dotted names nest and date bounds block with min / max", () => {
    const results = play("dotted names");
    expect(results[2]?.blocked).toMatchObject({ name: "todo.due", rule: "min" });
    expect(results[4]?.blocked).toMatchObject({ name: "todo.due", rule: "max" });
    expect(results[6]?.action).toEqual({
      type: "todo.add",
      loadingBehavior: "self",
      payload: { todo: { title: "Milk", due: "2026-02-28", priority: "", done: false }, size: "" },
    });
    expect(results[6]?.loading).toBe("self");
    expect(results[10]?.action?.payload).toEqual({
      todo: { title: "Milk", due: "2026-02-28", priority: "high", done: true },
      size: "m",
    });
    // Clicking the label texts toggles the checkbox off and picks "Small".
    expect(results[13]?.action?.payload).toMatchObject({ todo: { done: false }, size: "s" });
  });

  it("type, pattern, step and required rules, first invalid field first", () => {
    const blocked = play("type, pattern").flatMap((r) =>
      r.blocked ? [`${r.blocked.name}:${r.blocked.rule}`] : [],
    );
    expect(blocked).toEqual([
      "email:type",
      "site:type",
      "count:step",
      "zip:pattern",
      "code:pattern",
      "notes:pattern",
      "tel:required",
    ]);
    const last = play("type, pattern").at(-1);
    expect(last?.action?.payload).toMatchObject({
      email: "ada@example.com",
      count: "-3",
      source: "form",
    });
  });

  it("Card asForm: cancel is not validated, confirm is, and both carry the fields", () => {
    const results = play("Card asForm");
    expect(results[0]).toMatchObject({
      action: { type: "trip.discard", payload: { traveller: { name: "", insured: false } } },
      loading: "container",
    });
    expect(results[1]?.blocked).toMatchObject({ name: "traveller.name", rule: "required" });
    expect(results[3]?.blocked).toMatchObject({ name: "traveller.insured", rule: "required" });
    expect(results[5]?.action).toEqual({
      type: "trip.book",
      payload: { trip: 4, traveller: { name: "Ada", insured: true } },
    });
  });

  it("collisions: static keys and earlier fields win, bad names are dropped, each reported", () => {
    const [result] = play("collisions");
    expect(result?.action?.payload).toEqual({ id: 1, todo: { id: 9 }, a: "A", ok: "yes" });
    expect(result?.errors.map((e) => e.name)).toEqual([
      "FormFieldNameError",
      "Error",
      "Error",
      "Error",
    ]);
    expect(result?.errors.map((e) => e.message.match(/"([^"]+)"/)?.[1])).toEqual([
      "x..y",
      "id",
      "todo.title",
      "a.b",
    ]);
  });

  it("change actions carry the form's values; loading auto is none for changes", () => {
    const results = play("change actions");
    expect(results[0]).toMatchObject({ action: { type: "view.set" }, loading: "none" });
    expect(results[0]?.action).not.toHaveProperty("payload");
    expect(results[1]).toMatchObject({
      action: { type: "filter.open", payload: { q: "milk", open: true, sort: "new", since: "" } },
      loading: "container",
    });
    expect(results[3]).toMatchObject({
      action: { type: "filter.sort", payload: { keep: true, sort: "old" } },
      loading: "none",
    });
    expect(results[4]).toMatchObject({
      action: { payload: { since: "2026-03-04" } },
      loading: "self",
    });
    expect(results[5]?.loading).toBe("none");
  });

  it("a Button in a clickable row sends both actions; a label in a row runs the row then the change", () => {
    const results = play("clickable rows");
    expect(results[1]?.actions.map((a) => a.type)).toEqual(["row.star", "row.open"]);
    expect(results[2]?.actions.map((a) => a.type)).toEqual(["row.pin", "row.open"]);
    expect(results[4]?.actions.map((a) => a.type)).toEqual(["row.open", "row.pick"]);
    expect(results[5]?.actions).toEqual([]);
  });

  it("nested Form is a group of the outer form; a submit Button's own action wins after validation", () => {
    const results = play("nested Form");
    expect(results[1]?.blocked).toMatchObject({ name: "agree", rule: "required" });
    expect(results[4]?.action).toEqual({
      type: "outer.submit",
      payload: { level: "outer", agree: true, inner: { note: "hi" } },
    });
    expect(results[5]).toMatchObject({ action: { type: "draft.save" }, loading: "container" });
  });

  it("widget updates: typed values stay, a changed default wins, a moved field keeps its value", () => {
    const sent = play("widget updates").flatMap((r) => r.actions.map((a) => a.payload));
    expect(sent).toEqual([
      { keep: "typed keep", reset: "B" },
      { keep: "typed keep", reset: "B", gone: "" },
      { keep: "typed again", reset: "B", gone: "" },
    ]);
  });

  it("edge cases: forms without actions, required selects and radios, sanitised defaults", () => {
    const r = play("edge cases");
    expect(r[0]).toEqual({ actions: [], errors: [], loading: "none" }); // Enter outside a form
    expect(r[1]?.action).toEqual({ type: "outside" }); // submit: true outside a form is a click
    expect(r[2]?.blocked).toMatchObject({ name: "bio", rule: "required" }); // a form with no action still validates
    expect(r[5]).toEqual({ actions: [], errors: [], loading: "none" }); // valid, and nothing to send
    expect(r[7]?.action?.payload).toEqual({ pick: "", ghost: "", tier: "", amount: "" });
    expect(r[8]?.blocked).toMatchObject({ name: "pick", rule: "required" });
    expect(r[10]?.blocked).toMatchObject({ name: "tier", rule: "required" });
    expect(r[13]?.action?.payload).toEqual({
      n: 1,
      pick: "a",
      ghost: "",
      tier: "2",
      amount: "1e2",
    });
  });

  it("list limits and collapsed cards hide controls until expanded", () => {
    const w = mountWidget(scenario("clickable rows").widget);
    expect(() => w.getByText("Pick third")).toThrow(/No control/);
    w.getByRole("button", { name: "Show more (2)" }).click();
    expect(w.getByText("Pick third").name).toBe("Pick third");
    const card = mountWidget(scenario("nested Form").widget);
    expect(card.controls().map((c) => c.name)).toEqual(["Show details"]);
  });
});

describe("finding controls", () => {
  const form = {
    type: "Card",
    children: [
      {
        type: "Form",
        onSubmitAction: { type: "save" },
        children: [
          { type: "Label", value: "Title", fieldName: "todo.title" },
          { type: "Input", name: "todo.title" },
          { type: "Input", name: "todo.subtitle", placeholder: "Subtitle" },
          { type: "Input", name: "count", inputType: "number" },
          { type: "Select", name: "kind", options: [{ value: "a", label: "A" }] },
          { type: "Checkbox", name: "done", label: "Done" },
          { type: "Button", label: "Save", submit: true },
          { type: "Button", iconStart: "plus", onClickAction: { type: "add" } },
        ],
      },
    ],
  };

  it("by label (Label widget, placeholder, humanised name), role, name and text", () => {
    const w = mountWidget(form);
    expect(w.getByLabel("Title").fieldName).toBe("todo.title");
    expect(w.getByLabel("Subtitle").fieldName).toBe("todo.subtitle");
    expect(w.getByRole("spinbutton", { name: "Count" }).fieldName).toBe("count");
    expect(w.getByRole("combobox").value).toBe("a");
    expect(w.getByRole("checkbox", { name: "Done" }).value).toBe(false);
    expect(w.getByRole("button", { name: "plus" }).click().action).toEqual({
      type: "add",
      payload: expect.any(Object),
    });
    expect(w.getByName("todo.subtitle").name).toBe("Subtitle");
    // Substring matches only when nothing matches exactly; ambiguity throws.
    expect(() => w.getByLabel("title", { exact: true })).toThrow(/No control/);
    expect(() => w.getAllByRole("textbox") && w.getByRole("textbox")).toThrow(/2 controls/);
  });

  it("refuses what a user cannot do", () => {
    const w = mountWidget(form);
    expect(() => w.getByRole("spinbutton").fill("abc")).toThrow(/not a number/);
    expect(() => w.getByRole("combobox").select("zzz")).toThrow(/no option/);
    expect(() => w.getByName("done").fill("x")).toThrow(/does not apply/);
    expect(() => w.getByLabel("Subtitle").pickDate("2026-01-01")).toThrow(/does not apply/);
    const disabled = mountWidget({
      type: "Card",
      children: [{ type: "Button", label: "Off", disabled: true }],
    });
    expect(() => disabled.getByRole("button").click()).toThrow(/disabled/);
  });

  it("keeps typed values across interactions and updates unless the default changed", () => {
    const w = mountWidget(form);
    w.getByLabel("Subtitle").fill("typed");
    expect(w.getByRole("button", { name: "Save" }).click().action?.payload).toMatchObject({
      todo: { subtitle: "typed" },
    });
    w.update(form);
    expect(w.getByLabel("Subtitle").value).toBe("typed");
    const changed = structuredClone(form);
    (changed.children[0]!.children[2] as { defaultValue?: string }).defaultValue = "server";
    w.update(changed);
    expect(w.getByLabel("Subtitle").value).toBe("server");
    w.getByLabel("Subtitle").fill("typed again");
    w.update({
      type: "widget",
      id: "other",
      thread_id: "t",
      created_at: "2026-01-01",
      widget: changed,
    });
    expect(w.getByLabel("Subtitle").value).toBe("server");
    expect(w.item.id).toBe("other");
  });

  it("a blocked field's errorMessage is the message", () => {
    const w = mountWidget({
      type: "Form",
      onSubmitAction: { type: "go" },
      children: [
        { type: "Input", name: "zip", required: true, errorMessage: "Enter your ZIP code" },
      ],
    });
    expect(w.submit().blocked).toEqual({
      name: "zip",
      rule: "required",
      message: "Enter your ZIP code",
    });
  });

  it("submit() on the widget presses Enter in its only form", () => {
    const w = mountWidget(form);
    expect(w.submit()).toMatchObject({ action: { type: "save" }, loading: "container" });
  });
});
