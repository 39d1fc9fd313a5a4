/**
 * Keeps a scrolling thread at its end while the reader is there: new items, streamed text and
 * widgets whose height settles after the first paint (images, charts, fonts) all keep the end
 * in view, because a ResizeObserver watches the content, not only the element's own renders.
 * Reading back up releases it; sending, opening a thread or the jump arrow pins it again.
 */

/** How close to the end (px) still counts as "at the end". */
const NEAR_END_PX = 96;

/**
 * Follows the end of `scroller` while pinned.
 *
 * @example
 * ```ts
 * const follow = new FollowBottom((atEnd) => (showJump = !atEnd));
 * follow.attach(threadEl, innerEl);
 * follow.pin(); // after the user sends a message
 * ```
 */
export class FollowBottom {
  #scroller: HTMLElement | null = null;
  #observer: ResizeObserver | null = null;
  #pinned = true;
  #enabled = true;
  readonly #changed: (atEnd: boolean) => void;

  /** `changed(atEnd)` runs when the reader reaches or leaves the end. */
  constructor(changed: (atEnd: boolean) => void) {
    this.#changed = changed;
  }

  /** Whether the thread follows its end. */
  get pinned(): boolean {
    return this.#pinned;
  }

  /** Turns following off (`thread.autoScroll: false`); explicit pins still scroll once. */
  set enabled(on: boolean) {
    this.#enabled = on;
  }

  /** Watches `scroller` (the scrolling box) and `content` (what grows inside it). */
  attach(scroller: HTMLElement, content: HTMLElement): void {
    if (this.#scroller === scroller) return;
    this.detach();
    this.#scroller = scroller;
    this.#observer = new ResizeObserver(() => this.sync());
    this.#observer.observe(scroller);
    this.#observer.observe(content);
    scroller.addEventListener("scroll", this.#onScroll, { passive: true });
  }

  /** Stops watching. */
  detach(): void {
    this.#observer?.disconnect();
    this.#observer = null;
    this.#scroller?.removeEventListener("scroll", this.#onScroll);
    this.#scroller = null;
  }

  /** Pins the thread to its end and scrolls there now. */
  pin(): void {
    this.#pinned = true;
    this.#toEnd();
    this.#changed(true);
  }

  /** Scrolls to the end when pinned (call after a render). */
  sync(): void {
    if (this.#pinned && this.#enabled) this.#toEnd();
  }

  #toEnd(): void {
    const el = this.#scroller;
    if (el) el.scrollTop = el.scrollHeight;
  }

  #onScroll = () => {
    const el = this.#scroller;
    if (!el) return;
    const atEnd = el.scrollHeight - el.scrollTop - el.clientHeight < NEAR_END_PX;
    if (atEnd === this.#pinned) return;
    this.#pinned = atEnd;
    this.#changed(atEnd);
  };
}
