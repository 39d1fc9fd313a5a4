/** The request header a client sends to opt in to resumable replies. */
export const RESUME_HEADER = "threadkit-resume";
/** True when the `Threadkit-Resume` header value opts in. */
export function wantsResume(value) {
    return value === "1";
}
/**
 * The resume a GET asks for: `Last-Event-ID` (header), else the `last_event_id` query parameter
 * (EventSource cannot set headers on its first request), with `thread_id`; null when the GET
 * names no event id (it is then refused as before, 405).
 *
 * @example
 * resumeQuery("/chatkit?thread_id=thr_1&last_event_id=run_ab:0", null);
 */
export function resumeQuery(url, header) {
    const query = url.indexOf("?");
    const params = new URLSearchParams(query >= 0 ? url.slice(query + 1) : "");
    const lastEventId = header ?? params.get("last_event_id");
    if (!lastEventId)
        return null;
    const threadId = params.get("thread_id");
    return threadId ? { lastEventId, threadId } : { lastEventId };
}
//# sourceMappingURL=http.js.map