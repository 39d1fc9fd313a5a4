/** The `retry:` line that opens every resumable stream (the reconnect delay in ms). */
export const RETRY_LINE = "retry: 1000\n";
/** The data of a run's end entry. */
export function endData(reason) {
    return `{"reason":"${reason}"}`;
}
/**
 * One logged entry as an SSE block: `id: <runId>:<seq>` in the same block as its data (a cut
 * before the blank line loses both), and `event: threadkit.end` for the closing entry.
 */
export function entryFrame(runId, entry) {
    return entry.end
        ? `id: ${runId}:${entry.seq}\nevent: threadkit.end\ndata: ${entry.data}\n\n`
        : `id: ${runId}:${entry.seq}\ndata: ${entry.data}\n\n`;
}
//# sourceMappingURL=frames.js.map