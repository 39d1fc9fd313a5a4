import type { ActionConfig } from "../actions/config.js";
import { FormFieldNameError, fieldPath, mergeFormValues } from "./merge.js";

/** The result of {@link formAction}. */
export interface FormAction {
  /** The action to send: the declared one with the form's values merged into its payload. */
  action: ActionConfig;
  /**
   * What the element reports as `chatkit.error` for this action: a {@link FormFieldNameError} per
   * field name that cannot be a payload path (its value is dropped), then one `Error` per field
   * whose value collided with the payload and was ignored.
   */
  errors: Error[];
}

/**
 * The action a control inside a form sends, exactly as `<threadkit-chat>` builds it (and
 * `@threadkit/testing` predicts it): field names that cannot be payload paths are dropped and
 * reported, the rest are merged with {@link mergeFormValues}, and every collision is reported.
 *
 * @param action - The declared action (its payload is not modified).
 * @param fields - The form's `[name, value]` pairs (see `collectFields`).
 * @example
 * ```ts
 * formAction({ type: "save", payload: { id: 1 } }, [["id", "2"], ["todo.title", "Milk"]]);
 * // { action: { type: "save", payload: { id: 1, todo: { title: "Milk" } } },
 * //   errors: [Error('Form field "id" collides with a key of the "save" action\'s payload; ...')] }
 * ```
 */
export function formAction(
  action: ActionConfig,
  fields: Iterable<readonly [string, unknown]>,
): FormAction {
  const errors: Error[] = [];
  const usable = Array.from(fields).filter(([name]) => {
    try {
      fieldPath(name);
      return true;
    } catch (error) {
      errors.push(error instanceof Error ? error : new FormFieldNameError(name, String(error)));
      return false;
    }
  });
  const merged = mergeFormValues(action.payload, usable);
  for (const name of merged.collisions) {
    errors.push(
      new Error(
        `Form field "${name}" collides with a key of the "${action.type}" action's payload; the field's value was ignored.`,
      ),
    );
  }
  return { action: { ...action, payload: merged.payload }, errors };
}
