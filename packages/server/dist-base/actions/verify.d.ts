/**
 * The declared-action check: an action sent from a widget must be one that widget declares, with
 * its static payload unchanged, extra keys only for the fields of the declaring node's form, and
 * (for the actions the element validates before sending) values its fields accept.
 */
import { type AnyActionDefinition } from "@threadkit/core";
/** Why an action was refused: a plain message, or messages per field. */
export type ActionRefusal = {
    kind: "refused";
    message: string;
} | {
    kind: "fields";
    errors: Record<string, string>;
};
/**
 * Checks an action sent from the widget `root` (the stored sender's `widget`): the widget must
 * declare an action of that `type`, and the payload must match one such declaration (see the
 * module's rules). Returns `null` when accepted, else why not.
 *
 * @example
 * verifyWidgetAction(sender.widget, { type: "todo.delete", payload: { id: "t1" } }); // null
 */
export declare function verifyWidgetAction(root: unknown, action: {
    type: string;
    payload: unknown;
}): ActionRefusal | null;
/**
 * Checks an action sent without a widget (`sendAction()`): its type must be defined with
 * `imperative: true` in `definitions`. Its payload is the app's to parse (`actionSet.parse` in
 * `action()`), so that the app words what the user sees about a bad one.
 *
 * @example
 * verifyImperativeAction(AppActions.definitions, { type: "refresh", payload: null }); // null
 */
export declare function verifyImperativeAction(definitions: readonly AnyActionDefinition[] | undefined, action: {
    type: string;
    payload: unknown;
}): ActionRefusal | null;
//# sourceMappingURL=verify.d.ts.map