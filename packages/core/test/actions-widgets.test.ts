// The seed's examples end to end: typed actions in widget props, a form collected, merged and
// re-checked, with the widget builders and types of @threadkit/core.
import {
  ActionConfig,
  actionSet,
  Button,
  Card,
  defineAction,
  Form,
  fieldDefaultValue,
  fieldName,
  formFields,
  mergeFormValues,
  schemas,
  Text,
  Title,
  validateField,
  validateFormPayload,
  type WidgetNode,
  z,
} from "@threadkit/core";
import { describe, expect, it } from "vitest";

const UpdateTodo = defineAction(
  "update_todo",
  z.object({ id: z.string(), title: z.string().min(1), description: z.string() }),
);
const ExampleAction = defineAction("example", z.object({ id: z.number() }));
const TodoActions = actionSet(UpdateTodo, ExampleAction);

describe("typed actions in widgets", () => {
  it("a created ActionConfig is a valid widget prop and round-trips through the widget schema", () => {
    const button = Button({ label: "Example", onClickAction: ExampleAction.create({ id: 123 }) });
    const card = Card({ children: [button] });
    expect(schemas.WidgetRoot.parse(card)).toEqual(card);
    expect(ActionConfig.parse(button.onClickAction)).toEqual({
      type: "example",
      payload: { id: 123 },
    });
    const loading = Button({
      label: "This may take a while...",
      onClickAction: ExampleAction.create({ id: 1 }, { loadingBehavior: "container" }),
    });
    expect(loading.onClickAction?.loadingBehavior).toBe("container");
  });

  it("runs the seed's edit-todo form: collect, merge, validate, parse", () => {
    const todo = { id: "todo_1", title: "Buy milk", description: "" };
    // The seed's static payload carries only the id; the form adds the rest.
    const form = Form({
      direction: "col",
      onSubmitAction: { type: "update_todo", payload: { id: todo.id } },
      children: [
        Title({ value: "Edit Todo" }),
        Text({ value: "Title", color: "secondary", size: "sm" }),
        Text({ value: todo.title, editable: { name: "title", required: true } }),
        Text({ value: "Description", color: "secondary", size: "sm" }),
        Text({ value: todo.description, editable: { name: "description" } }),
        Button({ label: "Save", submit: true }),
      ],
    });
    const fields = formFields(form);
    expect(fields.map(fieldName)).toEqual(["title", "description"]);

    // What the client sends when the user submits the form untouched.
    const values = fields.map(
      (field) => [fieldName(field) ?? "", fieldDefaultValue(field)] as const,
    );
    expect(fields.every((field, i) => validateField(field, values[i]?.[1]) === null)).toBe(true);
    const merged = mergeFormValues(form.onSubmitAction?.payload as Record<string, unknown>, values);
    expect(merged).toEqual({ payload: todo, collisions: [] });

    // What the server does with it.
    expect(validateFormPayload(form, merged.payload)).toEqual([]);
    const action = TodoActions.parse({ type: "update_todo", payload: merged.payload });
    if (action.type === "update_todo") expect(action.payload.title).toBe("Buy milk");

    // A cleared required title is caught on both sides.
    const cleared = mergeFormValues({ id: todo.id }, [
      ["title", ""],
      ["description", ""],
    ]);
    expect(validateFormPayload(form, cleared.payload)).toEqual([
      { name: "title", code: "required", message: "Please fill out this field." },
    ]);
    expect(() => TodoActions.parse({ type: "update_todo", payload: cleared.payload })).toThrow(
      'Invalid payload for action "update_todo": payload.title: Too small: expected string to have >=1 characters',
    );
  });

  it("accepts every widget node type in the form helpers", () => {
    const nodes: WidgetNode[] = [
      Text({ value: "x", editable: { name: "a" } }),
      Title({ value: "t" }),
    ];
    expect(nodes.map((node) => fieldName(node))).toEqual(["a", undefined]);
  });
});
