/** The request type that stops a thread's running reply (on any instance). */
export declare const STOP_REQUEST = "threadkit.runs.stop";
/**
 * Validates `{"type":"threadkit.runs.stop","params":{"thread_id","run_id?"}}`, or throws
 * {@link BadRequestError}.
 */
export declare function parseStopRequest(json: Record<string, unknown>): {
    threadId: string;
    runId?: string;
};
//# sourceMappingURL=stop-request.d.ts.map