/** The request header a client sends to opt in to resumable replies. */
export declare const RESUME_HEADER = "threadkit-resume";
/** True when the `Threadkit-Resume` header value opts in. */
export declare function wantsResume(value: string | null | undefined): boolean;
/** A resume asked for by a GET: the run position and the thread the client expects. */
export interface ParsedResumeQuery {
    lastEventId: string;
    threadId?: string;
}
/**
 * The resume a GET asks for: `Last-Event-ID` (header), else the `last_event_id` query parameter
 * (EventSource cannot set headers on its first request), with `thread_id`; null when the GET
 * names no event id (it is then refused as before, 405).
 *
 * @example
 * resumeQuery("/chatkit?thread_id=thr_1&last_event_id=run_ab:0", null);
 */
export declare function resumeQuery(url: string, header: string | null | undefined): ParsedResumeQuery | null;
//# sourceMappingURL=http.d.ts.map