import { BadRequestError } from "../errors.js";
/** The request type that stops a thread's running reply (on any instance). */
export const STOP_REQUEST = "threadkit.runs.stop";
/**
 * Validates `{"type":"threadkit.runs.stop","params":{"thread_id","run_id?"}}`, or throws
 * {@link BadRequestError}.
 */
export function parseStopRequest(json) {
    const params = json.params;
    if (params === null || typeof params !== "object" || Array.isArray(params)) {
        throw new BadRequestError("params: expected object");
    }
    const threadId = params.thread_id;
    if (typeof threadId !== "string" || threadId.length === 0 || threadId.length > 256) {
        throw new BadRequestError("params.thread_id: expected string");
    }
    const runId = params.run_id;
    if (runId === undefined || runId === null)
        return { threadId };
    if (typeof runId !== "string" || !/^run_[0-9a-f]{1,64}$/.test(runId)) {
        throw new BadRequestError("params.run_id: expected a run id");
    }
    return { threadId, runId };
}
//# sourceMappingURL=stop-request.js.map