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
export async function* mergeRunWithQueue(run, queue, signal) {
    const iterator = run[Symbol.asyncIterator]();
    let pending;
    let finished = false;
    const aborted = signal ? abortPromise(signal) : undefined;
    try {
        while (true) {
            for (let e = queue.shift(); e !== undefined; e = queue.shift()) {
                yield { from: "context", event: e };
            }
            if (signal?.aborted)
                return;
            pending ??= iterator.next().then((result) => ({ result }), (error) => ({ error }));
            const contenders = [
                pending,
                queue.whenNonEmpty().then(() => "queue"),
            ];
            if (aborted)
                contenders.push(aborted);
            const step = await Promise.race(contenders);
            if (step === "abort")
                return;
            if (step === "queue")
                continue;
            pending = undefined;
            if ("error" in step) {
                finished = true;
                throw step.error;
            }
            if (step.result.done) {
                finished = true;
                return;
            }
            yield { from: "run", event: step.result.value };
        }
    }
    finally {
        if (!finished) {
            // Stop the run (for the SDK's StreamedRunResult this cancels the underlying stream).
            // Not awaited: a read may still be pending and would hold the return up.
            iterator.return?.().catch(() => undefined);
        }
    }
}
function abortPromise(signal) {
    if (signal.aborted)
        return Promise.resolve("abort");
    return new Promise((resolve) => {
        signal.addEventListener("abort", () => resolve("abort"), { once: true });
    });
}
//# sourceMappingURL=merge.js.map