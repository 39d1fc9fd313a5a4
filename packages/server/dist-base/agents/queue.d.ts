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
export declare class EventQueue<T> {
    #private;
    /** Number of events waiting. */
    get size(): number;
    /** Appends an event and wakes whoever waits in {@link whenNonEmpty}. */
    push(item: T): void;
    /** Removes and returns the oldest event, or `undefined` when empty. */
    shift(): T | undefined;
    /** Removes and returns every waiting event, oldest first. */
    drain(): T[];
    /**
     * Resolves as soon as the queue holds an event (at once when it already does). Repeated calls
     * while empty share one promise, so waiting in a loop does not pile up listeners.
     */
    whenNonEmpty(): Promise<void>;
}
//# sourceMappingURL=queue.d.ts.map