/**
 * Keeps what the user typed across widget updates. Controls are uncontrolled: their value is set
 * from the node's default only on first render or when the default itself changes (then the
 * server's new default wins). If a control is re-created (it moved in the tree), the value the
 * user typed for that field name is restored as long as its default did not change.
 */
import { nothing } from "lit";
import { Directive, directive, type ElementPart, type PartInfo, PartType } from "lit/directive.js";

type FieldValue = string | boolean;
type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

/**
 * Per-widget store of field defaults and user-typed values.
 *
 * @example
 * ```ts
 * const memory = new FieldMemory();
 * memory.remember(inputElement); // from an input event
 * ```
 */
export class FieldMemory {
  readonly #defaults = new Map<string, FieldValue>();
  readonly #typed = new Map<string, { value: FieldValue; base: FieldValue | undefined }>();

  /** Records the current value of `control` as typed by the user. */
  remember(control: EventTarget | null): void {
    if (!isControl(control) || !control.name) return;
    if (control instanceof HTMLInputElement && control.type === "radio" && !control.checked) return;
    const value =
      control instanceof HTMLInputElement && control.type === "checkbox"
        ? control.checked
        : control.value;
    this.#typed.set(control.name, { value, base: this.#defaults.get(control.name) });
  }

  /** The value to show for a freshly created control: typed (if its default is unchanged) or the default. */
  initial(name: string, fallback: FieldValue): FieldValue {
    const typed = this.#typed.get(name);
    this.#defaults.set(name, fallback);
    return typed && typed.base === fallback ? typed.value : fallback;
  }

  /** The default changed on the server: forget what was typed and use the new default. */
  reset(name: string, value: FieldValue): void {
    this.#typed.delete(name);
    this.#defaults.set(name, value);
  }

  /**
   * Forgets the fields whose controls are gone after a render (e.g. a submitted form the server
   * replaced): when such a field comes back later it starts from its default again, instead of
   * showing what was typed (and sent) before. A control that only moved is still present.
   */
  retain(names: ReadonlySet<string>): void {
    for (const name of [...this.#typed.keys(), ...this.#defaults.keys()]) {
      if (names.has(name)) continue;
      this.#typed.delete(name);
      this.#defaults.delete(name);
    }
  }

  /** Forgets everything (another thread item is shown). */
  clear(): void {
    this.#typed.clear();
    this.#defaults.clear();
  }
}

function isControl(target: EventTarget | null): target is Control {
  return (
    target instanceof HTMLInputElement ||
    target instanceof HTMLSelectElement ||
    target instanceof HTMLTextAreaElement
  );
}

function apply(el: Control, value: FieldValue): void {
  if (el instanceof HTMLInputElement && (el.type === "checkbox" || el.type === "radio")) {
    el.checked = el.type === "checkbox" ? value === true : el.value === value;
    return;
  }
  const text = typeof value === "string" ? value : "";
  el.value = text;
  // A <select>'s options render after its own bindings; set the value again once they exist.
  if (el instanceof HTMLSelectElement) queueMicrotask(() => (el.value = text));
}

class FieldValueDirective extends Directive {
  #initialized = false;
  #last: FieldValue | undefined;

  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ELEMENT) throw new Error("fieldValue() must be used on an element");
  }

  render(_memory: FieldMemory, _name: string, _value: FieldValue) {
    return nothing;
  }

  override update(part: ElementPart, [memory, name, value]: [FieldMemory, string, FieldValue]) {
    const el = part.element;
    if (!isControl(el)) return nothing;
    if (!this.#initialized) {
      this.#initialized = true;
      this.#last = value;
      apply(el, memory.initial(name, value));
    } else if (value !== this.#last) {
      this.#last = value;
      memory.reset(name, value);
      apply(el, value);
    }
    return nothing;
  }
}

/**
 * Element directive: sets a control's value (or checkedness) from its default on first render
 * and whenever the default changes, never otherwise — so typing survives re-renders.
 * For radios pass the group's default value; each radio checks itself when its value matches.
 *
 * @example
 * ```ts
 * html`<input name="title" ${fieldValue(ctx.memory, "title", node.defaultValue ?? "")}>`;
 * ```
 */
export const fieldValue = directive(FieldValueDirective);
