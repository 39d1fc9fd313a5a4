import { Button, Row } from "@threadkit/core";
import { CloseForm } from "../actions.js";

/**
 * The end of every todo form: a ghost "Cancel" that closes it and the submit button.
 *
 * @example
 * formButtons({ label: "Save" });
 */
export function formButtons(submit: { label: string; iconStart?: "plus" }) {
  return Row({
    gap: 2,
    justify: "end",
    children: [
      Button({
        label: "Cancel",
        variant: "ghost",
        color: "secondary",
        size: "sm",
        onClickAction: CloseForm.create(null),
      }),
      Button({ ...submit, submit: true, size: "sm" }),
    ],
  });
}
