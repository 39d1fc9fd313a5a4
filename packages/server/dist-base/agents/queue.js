/**
 * An unbounded FIFO of events with a single "wait until something arrives" signal. The
 * {@link AgentContext} pushes events here from tools; `streamAgentResponse` drains it between
 * the run's own events.
 *
 * @example
 * const queue = new EventQueue<string>();
 * queue.push("a");
 * await queue.whenNonEmpty();
 * queue.shift(); // "a"
 */
export class EventQueue {
    #items = [];
    #waiter;
    #wake;
    /** Number of events waiting. */
    get size() {
        return this.#items.length;
    }
    /** Appends an event and wakes whoever waits in {@link whenNonEmpty}. */
    push(item) {
        this.#items.push(item);
        const wake = this.#wake;
        this.#waiter = undefined;
        this.#wake = undefined;
        wake?.();
    }
    /** Removes and returns the oldest event, or `undefined` when empty. */
    shift() {
        return this.#items.shift();
    }
    /** Removes and returns every waiting event, oldest first. */
    drain() {
        return this.#items.splice(0, this.#items.length);
    }
    /**
     * Resolves as soon as the queue holds an event (at once when it already does). Repeated calls
     * while empty share one promise, so waiting in a loop does not pile up listeners.
     */
    whenNonEmpty() {
        if (this.#items.length > 0)
            return Promise.resolve();
        if (!this.#waiter) {
            this.#waiter = new Promise((resolve) => {
                this.#wake = resolve;
            });
        }
        return this.#waiter;
    }
}
//# sourceMappingURL=queue.js.map