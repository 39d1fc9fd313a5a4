import {
  type FormNodeLike,
  fieldDefaultValue,
  fieldName,
  formFields,
  mergeFormValues,
  type WidgetRoot,
} from "@threadkit/core";
import { describe, expect, it } from "vitest";
import { TodoActions } from "../src/actions.js";
import type { Todo } from "../src/todos/todo.js";
import { addTodoForm } from "../src/widgets/add-form.js";
import { todoListCard } from "../src/widgets/list.js";
import { editRow } from "../src/widgets/row.js";
import { LIST_ROOT_ID } from "../src/widgets/state.js";

const ID = "td_0123456789abcdef";
const todo: Todo = {
  id: ID,
  title: "Buy milk",
  description: "",
  due: null,
  priority: "normal",
  note: "",
  done: false,
  createdAt: "2026-11-29T10:00:00.000Z",
  completedAt: null,
};

/** Every node of a widget tree with `predicate`. */
function find(
  node: unknown,
  predicate: (n: Record<string, unknown>) => boolean,
): Record<string, unknown>[] {
  if (typeof node !== "object" || node === null) return [];
  const n = node as Record<string, unknown>;
  const kids = Array.isArray(n.children) ? n.children : n.children ? [n.children] : [];
  return [...(predicate(n) ? [n] : []), ...kids.flatMap((k) => find(k, predicate))];
}

/** What the client would send from `form` after the user typed `typed` (other fields at their defaults). */
function submit(form: Record<string, unknown>, typed: Record<string, unknown>) {
  const fields = formFields(form as FormNodeLike).map((field) => {
    const name = fieldName(field) ?? "";
    return [name, name in typed ? typed[name] : (fieldDefaultValue(field) ?? "")] as const;
  });
  const action = form.onSubmitAction as { type: string; payload: unknown };
  const merged = mergeFormValues(action.payload as Record<string, unknown>, fields);
  return { action: { type: action.type, payload: merged.payload }, collisions: merged.collisions };
}

describe("TodoActions", () => {
  it("parses every action the widgets declare", () => {
    const card = todoListCard([todo], { filter: "all" }, "2026-11-29") as WidgetRoot;
    expect((card as { id?: string }).id).toBe(LIST_ROOT_ID);
    const configs = find(card, (n) => typeof n.onClickAction === "object").map(
      (n) => n.onClickAction as { type: string; payload?: unknown },
    );
    expect(configs.map((c) => c.type)).toEqual([
      "todo.complete",
      "todo.details",
      "todo.edit",
      "todo.add_form",
      "todo.delete_done.ask",
    ]);
    for (const config of configs) {
      expect(TodoActions.parse({ type: config.type, payload: config.payload }).type).toBe(
        config.type,
      );
    }
  });

  it("takes the edit form's title and description as the seed's update_todo does", () => {
    const [form] = find(editRow(todo), (n) => n.type === "Form");
    const sent = submit(form as Record<string, unknown>, {
      title: "Buy oat milk",
      description: "2",
    });
    expect(sent.collisions).toEqual([]);
    expect(TodoActions.parse(sent.action)).toEqual({
      type: "todo.update",
      payload: { id: ID, title: "Buy oat milk", description: "2" },
    });
    const cleared = submit(form as Record<string, unknown>, { title: "  " });
    expect(() => TodoActions.parse(cleared.action)).toThrow(
      'Invalid payload for action "todo.update": payload.title: a title is required',
    );
  });

  it("nests the add form's dotted names under payload.todo", () => {
    const form = addTodoForm("2026-11-29") as unknown as Record<string, unknown>;
    const sent = submit(form, {
      "todo.title": "Water plants",
      "todo.due": "2026-12-01",
      "todo.priority": "high",
    });
    expect(TodoActions.parse(sent.action)).toEqual({
      type: "todo.add",
      payload: { todo: { title: "Water plants", due: "2026-12-01", priority: "high" } },
    });
    const optional = submit(form, { "todo.title": "Just a title" });
    expect(TodoActions.parse(optional.action).payload).toEqual({
      todo: { title: "Just a title", due: "", priority: "" },
    });
  });

  it("has one form whose field collides with its static payload (the seed's collision)", () => {
    const forms = find(editRow(todo), (n) => n.type === "Form");
    const priority = forms.find(
      (f) => (f.onSubmitAction as { type: string }).type === "todo.set_priority",
    );
    const sent = submit(priority as Record<string, unknown>, { priority: "high" });
    expect(sent.collisions).toEqual(["priority"]);
    expect(TodoActions.parse(sent.action).payload).toEqual({ id: ID, priority: "normal" });
  });

  it("rejects untrusted payloads with messages that name the field", () => {
    const cases: [unknown, string][] = [
      [{ type: "todo.complete", payload: { id: "1 OR 1=1" } }, "payload.id: expected a todo id"],
      [{ type: "todo.note", payload: { id: ID, note: "n".repeat(1001) } }, "payload.note: Too big"],
      [{ type: "todo.add", payload: { todo: { title: "x", due: "soon" } } }, "payload.todo.due"],
      [{ type: "todo.filter", payload: { filter: "everything" } }, "payload.filter"],
      [{ type: "todo.delete_done", payload: { understand: false } }, "tick “I understand” first"],
      [{ type: "todo.clear_completed", payload: { all: true } }, "expected no payload"],
      [{ type: "todo.nope", payload: {} }, 'Unknown action type "todo.nope"'],
      [{ payload: {} }, "Invalid action: type"],
    ];
    for (const [action, message] of cases) {
      const result = TodoActions.safeParse(action);
      expect(result.success).toBe(false);
      expect(result.error?.message).toContain(message);
    }
  });
});
