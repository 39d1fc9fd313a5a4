/**
 * Where focus goes after a widget action. Actions disable or replace the control that sent them
 * (a busy button is disabled, a row becomes a form, a form becomes a row again), and the browser
 * then drops focus to `<body>`. A keyboard user must not be thrown out of the conversation:
 * focus returns to the control if it still exists, else to the nearest sensible place in the
 * updated widget (a newly opened form's first field, the control now at the same spot).
 */

const FOCUSABLE =
  "button:not([disabled]), input:not([disabled]):not([type=hidden]), select:not([disabled]), textarea:not([disabled]), a[href], [tabindex]:not([tabindex='-1'])";
const FIELD =
  "input:not([disabled]):not([type=hidden]), select:not([disabled]), textarea:not([disabled])";

/** What the widget looked like when an action started. */
export interface FocusSnapshot {
  /** Whether focus was inside the widget (only then is it managed). */
  hadFocus: boolean;
  origin: Element;
  path: string;
  /** The origin's top, relative to the widget. */
  top: number;
  forms: Set<Element>;
  autofocus: Set<Element>;
}

function relativeTop(el: Element, host: Element): number {
  return el.getBoundingClientRect().top - host.getBoundingClientRect().top;
}

/** Records where focus is before an action sent from `origin` (at render `path`) runs. */
export function snapshotFocus(root: ShadowRoot, origin: Element, path: string): FocusSnapshot {
  return {
    hadFocus: root.activeElement !== null,
    origin,
    path,
    top: relativeTop(origin, root.host),
    forms: new Set(root.querySelectorAll("form")),
    autofocus: new Set(root.querySelectorAll("[autofocus]")),
  };
}

/** The focused element, looking through open shadow roots. */
function deepActive(): Element | null {
  let a: Element | null = document.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a;
}

/** Whether focus was lost: nothing focused, or only a shadow host with nothing inside. */
function focusLost(root: ShadowRoot): boolean {
  const a = deepActive();
  if (!a || a === document.body || a === document.documentElement) return true;
  if (root.contains(a)) return !a.isConnected;
  // A host (the chat element or this widget) is "focused" only as the path to a lost element.
  return a.shadowRoot !== null && a.shadowRoot.activeElement === null;
}

function usable(el: Element | null): el is HTMLElement {
  return (
    el instanceof HTMLElement &&
    el.isConnected &&
    !(el as HTMLButtonElement).disabled &&
    el.closest("[inert]") === null
  );
}

/**
 * Brings a form (or, when it does not fit, the field) into view inside the scrolling thread.
 * The thread's `scroll-padding` keeps it clear of the jump-to-bottom arrow.
 */
export function reveal(field: HTMLElement): void {
  const form = field.closest("form");
  const target =
    form && form.getBoundingClientRect().height < window.innerHeight * 0.7 ? form : field;
  target.scrollIntoView({ block: "nearest" });
}

/**
 * Moves focus after an action, when it was inside the widget and got lost. Returns the element
 * focused, or null when focus was left alone.
 */
export function restoreFocus(root: ShadowRoot, snap: FocusSnapshot): HTMLElement | null {
  if (!snap.hadFocus || !focusLost(root)) return null;
  const focus = (el: HTMLElement, field = false) => {
    el.focus({ preventScroll: true });
    if (field) reveal(el);
    else el.scrollIntoView({ block: "nearest" });
    return el;
  };
  const opened = [...root.querySelectorAll("[autofocus]")].find((el) => !snap.autofocus.has(el));
  if (usable(opened ?? null)) return focus(opened as HTMLElement, true);
  if (usable(snap.origin)) return focus(snap.origin);
  const same = root.querySelector(`[data-path="${CSS.escape(snap.path)}"]`);
  if (usable(same)) return focus(same);
  for (const form of root.querySelectorAll("form")) {
    if (snap.forms.has(form)) continue;
    const first = form.querySelector(FIELD);
    if (usable(first)) return focus(first, true);
  }
  let best: HTMLElement | null = null;
  let distance = Number.POSITIVE_INFINITY;
  for (const el of root.querySelectorAll(FOCUSABLE)) {
    if (!usable(el)) continue;
    const d = Math.abs(relativeTop(el, root.host) - snap.top);
    if (d < distance) {
      best = el;
      distance = d;
    }
  }
  if (best) return focus(best);
  const fallback = root.querySelector<HTMLElement>(".root");
  if (fallback) {
    fallback.tabIndex = -1;
    return focus(fallback);
  }
  return null;
}
