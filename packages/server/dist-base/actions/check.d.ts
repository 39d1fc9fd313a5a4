/** Where the request handlers run the declared-action check and report its refusals. */
import type { ActionSet, AnyActionDefinition, ThreadStreamEvent, WidgetItem } from "@threadkit/core";
import { HttpError } from "../errors.js";
import { type ActionRefusal } from "./verify.js";
/** What the check needs from the server: its `actions` and `verifyActions` options. */
export interface ActionCheckOptions {
    actions?: ActionSet<readonly AnyActionDefinition[]> | undefined;
    verifyActions?: boolean | undefined;
}
/**
 * Runs the declared-action check for an action from `sender` (or without a widget when null),
 * unless the server turned it off with `verifyActions: false`. An action the app declares
 * imperative may also come with a widget that does not declare it: the page's code sent it with
 * `sendCustomAction(action, itemId)`, and its payload is left to the app to parse, as without one.
 * `null` when accepted.
 */
export declare function checkAction(options: ActionCheckOptions, sender: WidgetItem | null, action: {
    type: string;
    payload: unknown;
}): ActionRefusal | null;
/** Whether `stream` is one made by {@link refusalEvents} (nothing ran). */
export declare function isRefusal(stream: object): boolean;
/**
 * The events a refused streaming action gets: field errors as their `client_effect`, anything
 * else as an `error` event with code `action_refused` (the HTTP code of a refused sync action)
 * naming the action, without retry. No `stream_options`: nothing ran. The message is for
 * developers; the code lets a client show people a sentence of its own instead.
 */
export declare function refusalEvents(itemId: string | null, refusal: ActionRefusal): () => AsyncIterable<ThreadStreamEvent>;
/** The HTTP error a refused sync action gets: 422 field errors, else 400 `action_refused`. */
export declare function refusalError(itemId: string | null, refusal: ActionRefusal): HttpError;
/**
 * The handler's events, with a {@link FieldErrors} it throws tagged with the sender's id (so the
 * pipeline's `client_effect` names the widget). Costs one `catch` per event, on action streams only.
 */
export declare function tagFieldErrors(events: AsyncIterable<ThreadStreamEvent>, itemId: string | null): AsyncIterable<ThreadStreamEvent>;
//# sourceMappingURL=check.d.ts.map