/** A new run id: `run_` + 32 random hex characters (no colon, so `<runId>:<seq>` splits once). */
export declare function newRunId(): string;
/** A position in a run: the id of the last event a client has (0 = before the first). */
export interface RunPosition {
    runId: string;
    seq: number;
}
/**
 * Parses an event id `<runId>:<seq>` (from `Last-Event-ID` or `last_event_id`); null when malformed.
 *
 * @example
 * parseEventId("run_9f1c:12"); // { runId: "run_9f1c", seq: 12 }
 */
export declare function parseEventId(text: string): RunPosition | null;
//# sourceMappingURL=ids.d.ts.map