import type { ThreadStreamEvent } from "@threadkit/core";
import { HttpError } from "../errors.js";
/** The `client_effect` name that carries field errors to the element. */
export declare const FIELD_ERRORS_EFFECT = "threadkit.field_errors";
/**
 * Refuses a form's values field by field, for the element to show each message under its field.
 * Throw it from `action()` or `syncAction()` (the server also throws it when a submitted value
 * breaks its input's own rules). A streaming action answers with a `client_effect` named
 * `threadkit.field_errors` and data `{ item_id, errors }` (a ChatKit client that does not know the
 * effect ignores it); a sync action answers 422 `{"error":{"code":"field_errors","message",
 * "item_id","fields"}}`. Nothing else is sent, so the handler should throw it before any effect.
 *
 * @example
 * async *action(thread, action, sender, context) {
 *   if (await todos.hasTitle(action.payload.todo.title)) {
 *     throw new FieldErrors({ "todo.title": "Already on your list" });
 *   }
 *   // ...
 * }
 */
export declare class FieldErrors extends HttpError {
    name: string;
    /** Message per field name (the dotted name, as in the payload). */
    readonly errors: Readonly<Record<string, string>>;
    /** The widget item the form belongs to; filled in by the server for the sender widget. */
    itemId: string | null;
    constructor(errors: Record<string, string>, options?: {
        itemId?: string | null;
    });
    /** Sets the sender's id (when the thrower did not), for the event and the JSON body. */
    forItem(itemId: string | null): this;
}
/**
 * The `client_effect` event carrying `errors` to the element.
 *
 * @example
 * fieldErrorsEvent("wgt_1", { title: "Please fill out this field." });
 * // { type: "client_effect", name: "threadkit.field_errors", data: { item_id: "wgt_1", errors: { title: "..." } } }
 */
export declare function fieldErrorsEvent(itemId: string | null, errors: Readonly<Record<string, string>>): ThreadStreamEvent;
//# sourceMappingURL=field-errors.d.ts.map