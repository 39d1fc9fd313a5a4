/** At most this much more is read and thrown away: 16 MiB. */
export const DRAIN_MAX_BYTES = 16 * 1024 * 1024;
/** For at most this long: 10 s. */
export const DRAIN_MAX_MS = 10_000;
/**
 * Reads and discards what is left of `req` (up to {@link DRAIN_MAX_BYTES} or {@link DRAIN_MAX_MS});
 * resolves when it ended, was cut short, or hit a bound.
 */
export function drainNode(req) {
    if (req.readableEnded || req.destroyed)
        return Promise.resolve();
    return new Promise((resolve) => {
        let seen = 0;
        const done = () => {
            clearTimeout(timer);
            req.off("data", onData);
            req.off("end", done);
            req.off("error", done);
            req.off("close", done);
            resolve();
        };
        const onData = (chunk) => {
            seen += chunk.byteLength;
            if (seen > DRAIN_MAX_BYTES)
                done();
        };
        const timer = setTimeout(done, DRAIN_MAX_MS);
        req.on("data", onData);
        req.on("end", done);
        req.on("error", done);
        req.on("close", done);
        req.resume();
    });
}
/** The same for a web stream reader; the reader is cancelled afterwards (at the bound, or done). */
export async function drainReader(reader) {
    let seen = 0;
    let timer;
    const timeout = new Promise((resolve) => {
        timer = setTimeout(() => resolve("timeout"), DRAIN_MAX_MS);
    });
    try {
        for (;;) {
            const next = await Promise.race([reader.read(), timeout]);
            if (next === "timeout" || next.done)
                break;
            seen += next.value.byteLength;
            if (seen > DRAIN_MAX_BYTES)
                break;
        }
    }
    catch {
        // The client went away: nothing left to drain.
    }
    finally {
        clearTimeout(timer);
        await reader.cancel().catch(() => undefined);
    }
}
//# sourceMappingURL=drain.js.map