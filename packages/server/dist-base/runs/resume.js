import { BadRequestError, HttpError } from "../errors.js";
import { NotFoundError } from "../store/types.js";
import { parseEventId } from "./ids.js";
/**
 * Checks a resume before anything is sent: 400 for a malformed id, 404 for an unknown run or one
 * on a thread the caller cannot load (an id is not a capability), 409 for a retried POST with
 * another body, 410 `events_gone` when the events were trimmed; null (204) when the run ended and
 * the client has its last event.
 */
export async function planResume(registry, host, request, context) {
    const position = parseEventId(request.lastEventId);
    if (!position)
        throw new BadRequestError("Last-Event-ID: expected <runId>:<seq>");
    const { runId, seq } = position;
    const info = await registry.log.info(runId);
    if (!info?.resumable || (request.threadId && request.threadId !== info.threadId)) {
        throw new NotFoundError(`Run ${runId} not found`);
    }
    await host.store.loadThread(info.threadId, context);
    if (request.bodyHash !== undefined && request.bodyHash !== info.bodyHash) {
        throw new HttpError(409, "run_mismatch", "This request did not start that run");
    }
    if (seq > info.lastSeq)
        throw new BadRequestError(`Run ${runId} has no event ${seq} yet`);
    if (info.ended && seq === info.lastSeq)
        return null;
    const next = await registry.log.read(runId, seq, 1);
    if (next[0]?.seq !== seq + 1) {
        throw new HttpError(410, "events_gone", `The events of run ${runId} are gone`);
    }
    return { runId, after: seq };
}
//# sourceMappingURL=resume.js.map