import { Card, Checkbox, Col, Icon, Row, Text, Title } from "@threadkit/core";
import { CancelDeleteDone, DeleteDone, formAction } from "../actions.js";
import type { Todo } from "../todos/todo.js";
import { CONFIRM_ROOT_ID } from "./state.js";

/**
 * "Delete all done?": a Card that is a form (`asForm`), with a required "I understand" checkbox.
 * Its confirm action fades the whole card (`loadingBehavior: "container"`) while the server
 * works; cancel goes back to the list.
 */
export function deleteDoneCard(done: readonly Todo[]): Card {
  const names = done.map((t) => t.title);
  const listed = names.length > 3 ? `${names.slice(0, 3).join(", ")}…` : names.join(", ");
  return Card({
    id: CONFIRM_ROOT_ID,
    size: "md",
    asForm: true,
    children: [
      Row({
        gap: 3,
        align: "start",
        children: [
          Icon({ name: "info", color: "danger", size: "xl" }),
          Col({
            gap: 1,
            flex: 1,
            children: [
              Title({
                value: `Delete ${done.length} done todo${done.length === 1 ? "" : "s"}?`,
                size: "sm",
              }),
              Text({
                value: listed || "There is nothing to delete.",
                color: "secondary",
                size: "sm",
              }),
              Text({ value: "This cannot be undone.", color: "secondary", size: "sm" }),
            ],
          }),
        ],
      }),
      Checkbox({ name: "understand", label: "I understand", required: true }),
    ],
    confirm: {
      label: "Delete",
      action: formAction(DeleteDone, {}, { loadingBehavior: "container" }),
    },
    cancel: { label: "Keep them", action: CancelDeleteDone.create(null) },
  });
}
