import { HttpError } from "../errors.js";
import { FieldErrors, fieldErrorsEvent } from "./field-errors.js";
import { verifyImperativeAction, verifyWidgetAction } from "./verify.js";
/**
 * Runs the declared-action check for an action from `sender` (or without a widget when null),
 * unless the server turned it off with `verifyActions: false`. An action the app declares
 * imperative may also come with a widget that does not declare it: the page's code sent it with
 * `sendCustomAction(action, itemId)`, and its payload is left to the app to parse, as without one.
 * `null` when accepted.
 */
export function checkAction(options, sender, action) {
    if (options.verifyActions === false)
        return null;
    const definitions = options.actions?.definitions;
    if (!sender)
        return verifyImperativeAction(definitions, action);
    const refusal = verifyWidgetAction(sender.widget, action);
    if (refusal && definitions?.some((d) => d.type === action.type && d.imperative)) {
        return verifyImperativeAction(definitions, action);
    }
    return refusal;
}
const REFUSALS = new WeakSet();
/** Whether `stream` is one made by {@link refusalEvents} (nothing ran). */
export function isRefusal(stream) {
    return REFUSALS.has(stream);
}
/**
 * The events a refused streaming action gets: field errors as their `client_effect`, anything
 * else as an `error` event with code `action_refused` (the HTTP code of a refused sync action)
 * naming the action, without retry. No `stream_options`: nothing ran. The message is for
 * developers; the code lets a client show people a sentence of its own instead.
 */
export function refusalEvents(itemId, refusal) {
    const event = refusal.kind === "fields"
        ? fieldErrorsEvent(itemId, refusal.errors)
        : {
            type: "error",
            code: "action_refused",
            message: refusal.message,
            allow_retry: false,
        };
    const stream = async function* () {
        yield event;
    };
    REFUSALS.add(stream);
    return stream;
}
/** The HTTP error a refused sync action gets: 422 field errors, else 400 `action_refused`. */
export function refusalError(itemId, refusal) {
    if (refusal.kind === "fields")
        return new FieldErrors(refusal.errors, { itemId });
    return new HttpError(400, "action_refused", refusal.message);
}
/**
 * The handler's events, with a {@link FieldErrors} it throws tagged with the sender's id (so the
 * pipeline's `client_effect` names the widget). Costs one `catch` per event, on action streams only.
 */
export function tagFieldErrors(events, itemId) {
    const tag = (error) => {
        if (error instanceof FieldErrors)
            error.forItem(itemId);
        throw error;
    };
    return {
        [Symbol.asyncIterator]() {
            const inner = events[Symbol.asyncIterator]();
            return {
                next: () => inner.next().catch(tag),
                return: (value) => inner.return ? inner.return(value).catch(tag) : Promise.resolve({ done: true, value }),
            };
        },
    };
}
//# sourceMappingURL=check.js.map