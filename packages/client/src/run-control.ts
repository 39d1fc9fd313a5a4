import type { RunOutcome } from "./resume.js";
import type { ErrorRow } from "./state.js";
import type { Transport } from "./transport.js";

/**
 * Asks the server to stop a resumable reply (`threadkit.runs.stop`): it reaches the reply on
 * whichever instance runs it. Rejects when the server refuses (the caller then disconnects).
 */
export async function sendStop(
  transport: Transport,
  threadId: string,
  runId: string,
): Promise<void> {
  await transport.request("threadkit.runs.stop", { thread_id: threadId, run_id: runId });
}

/** The error row of a reply that ended `failed` or `cancelled`: interrupted, with Retry. */
export function interruptedBy(outcome: RunOutcome | undefined): ErrorRow | null {
  if (outcome === "failed") {
    return { code: "interrupted", message: "The reply was interrupted.", allowRetry: true };
  }
  if (outcome === "cancelled") {
    return { code: "interrupted", message: "The reply was stopped.", allowRetry: true };
  }
  return null;
}
