import {
  DatePicker,
  Form,
  Input,
  Label,
  Row,
  Select,
  Title,
  type WidgetComponent,
} from "@threadkit/core";
import { AddTodo, formAction } from "../actions.js";
import { formButtons } from "./form-buttons.js";

/**
 * A title must start with a visible character and fit the limit. The pattern is enforced by the
 * browser (native validation) and again by the server's schema.
 */
export const TITLE_PATTERN = "\\S.{0,119}";

/**
 * The "Add todo" form. Its fields have dotted names (`todo.title`, `todo.due`, `todo.priority`),
 * so the submitted payload is `{ todo: { title, due, priority } }`.
 */
export function addTodoForm(today: string): WidgetComponent {
  return Form({
    key: "add-form",
    direction: "col",
    gap: 3,
    padding: 3,
    radius: "lg",
    border: { size: 1, color: "default" },
    validation: "native",
    onSubmitAction: formAction(AddTodo, {}),
    children: [
      Title({ value: "Add a todo", size: "sm" }),
      Label({ value: "Title", fieldName: "todo.title", size: "sm" }),
      Input({
        name: "todo.title",
        required: true,
        pattern: TITLE_PATTERN,
        placeholder: "What needs doing?",
        autoFocus: true,
      }),
      Row({
        gap: 2,
        align: "end",
        children: [
          DatePicker({ name: "todo.due", placeholder: "Due date", min: today, block: true }),
          Select({
            name: "todo.priority",
            placeholder: "Priority",
            block: true,
            options: [
              { value: "low", label: "Low priority" },
              { value: "normal", label: "Normal priority" },
              { value: "high", label: "High priority" },
            ],
          }),
        ],
      }),
      formButtons({ label: "Add", iconStart: "plus" }),
    ],
  });
}
