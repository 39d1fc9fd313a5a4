/**
 * Reading a form's controls as `[name, value]` pairs, as `<threadkit-chat>` does on every action
 * from inside a form (and `@threadkit/testing` does for its model of the form): checkboxes give
 * booleans, radio groups the checked value (`""` when none is checked), everything else (text,
 * textarea, select, date) its string value. Disabled controls and controls without a name are
 * skipped, as native form submission does; a name seen again is ignored (the first control wins).
 */

/** The part of a native form control the rule reads (so it runs without a DOM). */
export interface FieldControl {
  /** The control's `name` (`""` for none). */
  name: string;
  /** The HTML `type` (`text`, `checkbox`, `radio`, `select-one`, `textarea`, ...). */
  type: string;
  /** The control's current value. */
  value: string;
  /** Checkedness of a checkbox or radio. */
  checked?: boolean | undefined;
  /** Whether the control is disabled (its value is then not collected). */
  disabled?: boolean | undefined;
}

const NOT_COLLECTED = new Set(["button", "submit", "reset", "fieldset"]);

/**
 * The `[name, value]` pairs of `controls`, in document order, one per name.
 *
 * @example
 * ```ts
 * collectFields([
 *   { name: "todo.title", type: "text", value: "Milk" },
 *   { name: "done", type: "checkbox", value: "on", checked: true },
 *   { name: "size", type: "radio", value: "s", checked: false },
 *   { name: "size", type: "radio", value: "m", checked: true },
 * ]); // [["todo.title", "Milk"], ["done", true], ["size", "m"]]
 * ```
 */
export function collectFields(controls: Iterable<FieldControl>): [string, unknown][] {
  const out: [string, unknown][] = [];
  const index = new Map<string, number>();
  for (const c of controls) {
    if (!c.name || c.disabled) continue;
    const type = c.type.toLowerCase();
    if (NOT_COLLECTED.has(type)) continue;
    let value: unknown;
    if (type === "checkbox") value = c.checked === true;
    else if (type === "radio") {
      if (!index.has(c.name)) index.set(c.name, out.push([c.name, ""]) - 1);
      if (c.checked) out[index.get(c.name) as number] = [c.name, c.value];
      continue;
    } else value = c.value;
    if (index.has(c.name)) continue;
    index.set(c.name, out.push([c.name, value]) - 1);
  }
  return out;
}
