/**
 * Reading a form's fields as `[name, value]` pairs: checkboxes give booleans, radio groups the
 * checked value, everything else (text, textarea, select, date) its string value. Disabled
 * controls and controls without a name are skipped, as native form submission does.
 */

/** The part of a native form control this module reads (so it can be tested without a DOM). */
export interface FieldControl {
  name: string;
  type: string;
  value: string;
  checked?: boolean;
  disabled?: boolean;
}

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
    if (type === "button" || type === "submit" || type === "reset" || type === "fieldset") continue;
    let value: unknown;
    if (type === "checkbox") value = c.checked === true;
    else if (type === "radio") {
      if (!index.has(c.name)) index.set(c.name, out.push([c.name, ""]) - 1);
      if (c.checked) out[index.get(c.name)!] = [c.name, c.value];
      continue;
    } else value = c.value;
    if (index.has(c.name)) continue;
    index.set(c.name, out.push([c.name, value]) - 1);
  }
  return out;
}

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
