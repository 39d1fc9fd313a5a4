import type { PipelineHost } from "../pipeline.js";
import type { RunRegistry } from "./registry.js";
/** What a resume asks for (a GET's query and `Last-Event-ID`, or a retried POST). */
export interface ResumeRequest {
    /** `<runId>:<seq>`: the last event the client has (seq 0: from the start). */
    lastEventId: string;
    /** The thread the client expects the run to be on (the GET's `thread_id`), if given. */
    threadId?: string;
    /** SHA-256 of a retried POST's body: it must be the body that started the run (else 409). */
    bodyHash?: string;
}
/** How to answer a resume: replay after `after` (200), or nothing left (204). */
export type ResumePlan = {
    runId: string;
    after: number;
} | null;
/**
 * Checks a resume before anything is sent: 400 for a malformed id, 404 for an unknown run or one
 * on a thread the caller cannot load (an id is not a capability), 409 for a retried POST with
 * another body, 410 `events_gone` when the events were trimmed; null (204) when the run ended and
 * the client has its last event.
 */
export declare function planResume<TContext>(registry: RunRegistry<TContext>, host: PipelineHost<TContext>, request: ResumeRequest, context: TContext): Promise<ResumePlan>;
//# sourceMappingURL=resume.d.ts.map