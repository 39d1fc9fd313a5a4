/**
 * Reading a `<form>`'s native controls for core's `collectFields` (the rule that turns them into
 * `[name, value]` pairs lives in `@threadkit/core`, shared with `@threadkit/testing`).
 */
import type { FieldControl } from "@threadkit/core";

export { collectFields, type FieldControl } from "@threadkit/core";

/**
 * The named controls of a `<form>` as {@link FieldControl}s.
 *
 * @example
 * ```ts
 * collectFields(formControls(form));
 * ```
 */
export function formControls(form: HTMLFormElement): FieldControl[] {
  const out: FieldControl[] = [];
  for (const el of Array.from(form.elements)) {
    if (
      el instanceof HTMLInputElement ||
      el instanceof HTMLSelectElement ||
      el instanceof HTMLTextAreaElement
    ) {
      out.push({
        name: el.name,
        type: el.type,
        value: el.value,
        checked: el instanceof HTMLInputElement ? el.checked : undefined,
        disabled: el.disabled,
      });
    }
  }
  return out;
}
