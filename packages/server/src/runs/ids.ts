import { randomHex } from "../store/ids.js";

/** A new run id: `run_` + 16 random hex characters (no colon, so `<runId>:<seq>` splits once). */
export function newRunId(): string {
  return `run_${randomHex(16)}`;
}

/** A position in a run: the id of the last event a client has (0 = before the first). */
export interface RunPosition {
  runId: string;
  seq: number;
}

const EVENT_ID = /^(run_[0-9a-f]{1,64}):(0|[1-9][0-9]{0,14})$/;

/**
 * Parses an event id `<runId>:<seq>` (from `Last-Event-ID` or `last_event_id`); null when malformed.
 *
 * @example
 * parseEventId("run_9f1c:12"); // { runId: "run_9f1c", seq: 12 }
 */
export function parseEventId(text: string): RunPosition | null {
  const match = EVENT_ID.exec(text.trim());
  if (!match) return null;
  const seq = Number(match[2]);
  return Number.isSafeInteger(seq) ? { runId: match[1] as string, seq } : null;
}
