import type { EventQueue } from "./queue.js";
/** One event out of {@link mergeRunWithQueue}: from the run, or queued by the context. */
export type MergedEvent<R, Q> = {
    from: "run";
    event: R;
} | {
    from: "context";
    event: Q;
};
/**
 * Interleaves a run's events with events queued on the side (by tools, through the agent
 * context), in arrival order, until the run ends. Queued events that are already waiting go
 * first. When `signal` aborts, or the consumer stops early, the run's iterator is returned so
 * that the run is cancelled; events still queued are left for the caller to drain.
 *
 * @example
 * for await (const m of mergeRunWithQueue(result, ctx._events)) {
 *   if (m.from === "context") yield m.event;
 * }
 */
export declare function mergeRunWithQueue<R, Q>(run: AsyncIterable<R>, queue: EventQueue<Q>, signal?: AbortSignal): AsyncGenerator<MergedEvent<R, Q>>;
//# sourceMappingURL=merge.d.ts.map