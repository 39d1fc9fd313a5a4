import {
  Badge,
  Button,
  Caption,
  Col,
  Divider,
  Form,
  Icon,
  Row,
  Select,
  Text,
  Title,
  type WidgetComponent,
} from "@threadkit/core";
import {
  CompleteTodo,
  EditTodo,
  formAction,
  ReopenTodo,
  SetPriority,
  ShowDetails,
  UpdateTodo,
} from "../actions.js";
import { formatDue, PRIORITIES, type Todo } from "../todos/todo.js";
import { formButtons } from "./form-buttons.js";

const PRIORITY_LABEL = { low: "Low", normal: "Normal", high: "High" } as const;

/** The secondary line of a row: due date, priority and whether it has a note. */
function meta(todo: Todo, today: string, locale?: string): string {
  const parts: string[] = [];
  if (todo.due) parts.push(`Due ${formatDue(todo.due, today, locale)}`);
  if (todo.priority !== "normal") parts.push(`${PRIORITY_LABEL[todo.priority]} priority`);
  if (todo.note) parts.push("Has a note");
  if (todo.description) parts.push(todo.description);
  return parts.join(" · ");
}

/**
 * One todo as a row: its state icon, then its title (with badges), its details and its buttons
 * under the title — "Done" (a server action), "Details" (a client action that opens the page's
 * dialog) and "Edit". Buttons under the title keep the title readable on a phone.
 */
export function todoRow(todo: Todo, today: string, locale?: string): WidgetComponent {
  const details = meta(todo, today, locale);
  const overdue = !todo.done && todo.due !== null && todo.due < today;
  return Row({
    key: todo.id,
    gap: 3,
    align: "start",
    children: [
      Icon({
        name: todo.done ? "check-circle-filled" : "empty-circle",
        color: todo.done ? "success" : "secondary",
        size: "lg",
      }),
      Col({
        flex: 1,
        gap: 1,
        children: [
          Row({
            gap: 2,
            children: [
              Text({
                value: todo.title,
                weight: "medium",
                lineThrough: todo.done,
                color: todo.done ? "secondary" : "primary",
                maxLines: 2,
              }),
              ...(todo.priority === "high" && !todo.done
                ? [Badge({ label: "High", color: "danger", variant: "soft", size: "sm" })]
                : []),
              ...(overdue ? [Badge({ label: "Overdue", color: "warning", size: "sm" })] : []),
            ],
          }),
          ...(details ? [Caption({ value: details, color: "secondary", maxLines: 2 })] : []),
          Row({
            gap: 1,
            children: [
              todo.done
                ? Button({
                    label: "Reopen",
                    size: "sm",
                    variant: "outline",
                    color: "secondary",
                    onClickAction: ReopenTodo.create({ id: todo.id }),
                  })
                : Button({
                    label: "Done",
                    size: "sm",
                    variant: "soft",
                    color: "success",
                    iconStart: "check",
                    onClickAction: CompleteTodo.create({ id: todo.id }),
                  }),
              Button({
                label: "Details",
                size: "sm",
                variant: "ghost",
                color: "secondary",
                onClickAction: ShowDetails.create({ id: todo.id }, { handler: "client" }),
              }),
              Button({
                label: "Edit",
                size: "sm",
                variant: "ghost",
                color: "secondary",
                onClickAction: EditTodo.create({ id: todo.id }),
              }),
            ],
          }),
        ],
      }),
    ],
  });
}

/**
 * The row in edit mode: the seed's edit form (Title, editable `title` (required) and
 * `description`, a submit Button), then the priority form of the payload-collision demo.
 */
export function editRow(todo: Todo): WidgetComponent {
  return Col({
    key: todo.id,
    gap: 3,
    padding: 3,
    radius: "lg",
    border: { size: 1, color: "default" },
    children: [
      Form({
        key: `edit-${todo.id}`,
        direction: "col",
        gap: 2,
        validation: "native",
        onSubmitAction: formAction(UpdateTodo, { id: todo.id }),
        children: [
          Title({ value: "Edit todo", size: "sm" }),
          Text({ value: "Title", color: "secondary", size: "sm" }),
          Text({
            value: todo.title,
            editable: { name: "title", required: true, autoFocus: true, placeholder: "Title" },
          }),
          Text({ value: "Description", color: "secondary", size: "sm" }),
          Text({
            value: todo.description,
            editable: { name: "description", placeholder: "Add a description" },
          }),
          formButtons({ label: "Save" }),
        ],
      }),
      Divider({ spacing: 1 }),
      priorityForm(todo),
    ],
  });
}

/**
 * The payload-collision demo: the Select is named `priority` and the submit action's static
 * payload already has a `priority` key (the current one). ChatKit keeps the static value, ignores
 * the field and emits an error event — exactly the bug the seed warns about.
 */
function priorityForm(todo: Todo): WidgetComponent {
  return Form({
    key: `priority-${todo.id}`,
    direction: "col",
    gap: 2,
    onSubmitAction: SetPriority.create({ id: todo.id, priority: todo.priority }),
    children: [
      Col({
        gap: 0,
        children: [
          Text({ value: "Priority", size: "sm", weight: "medium" }),
          Caption({
            value: "Collision demo: this field shares its name with a static payload key.",
            color: "secondary",
          }),
        ],
      }),
      Row({
        gap: 2,
        children: [
          Select({
            name: "priority",
            defaultValue: todo.priority,
            options: PRIORITIES.map((p) => ({ value: p, label: PRIORITY_LABEL[p] })),
            size: "sm",
          }),
          Button({ label: "Set priority", submit: true, size: "sm", variant: "outline" }),
        ],
      }),
    ],
  });
}
