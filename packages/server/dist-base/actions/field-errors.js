import { HttpError } from "../errors.js";
/** The `client_effect` name that carries field errors to the element. */
export const FIELD_ERRORS_EFFECT = "threadkit.field_errors";
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
export class FieldErrors extends HttpError {
    name = "FieldErrors";
    /** Message per field name (the dotted name, as in the payload). */
    errors;
    /** The widget item the form belongs to; filled in by the server for the sender widget. */
    itemId;
    constructor(errors, options = {}) {
        const names = Object.keys(errors);
        super(422, "field_errors", `Invalid ${names.length === 1 ? "field" : "fields"}: ${names.join(", ")}`);
        this.errors = { ...errors };
        this.itemId = options.itemId ?? null;
        this.details = { item_id: this.itemId, fields: this.errors };
    }
    /** Sets the sender's id (when the thrower did not), for the event and the JSON body. */
    forItem(itemId) {
        if (this.itemId === null)
            this.itemId = itemId;
        this.details = { item_id: this.itemId, fields: this.errors };
        return this;
    }
}
/**
 * The `client_effect` event carrying `errors` to the element.
 *
 * @example
 * fieldErrorsEvent("wgt_1", { title: "Please fill out this field." });
 * // { type: "client_effect", name: "threadkit.field_errors", data: { item_id: "wgt_1", errors: { title: "..." } } }
 */
export function fieldErrorsEvent(itemId, errors) {
    return {
        type: "client_effect",
        name: FIELD_ERRORS_EFFECT,
        data: { item_id: itemId, errors: { ...errors } },
    };
}
//# sourceMappingURL=field-errors.js.map