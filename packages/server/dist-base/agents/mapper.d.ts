import type { ThreadStreamEvent, WorkflowItem } from "@threadkit/core";
import { type AgentContext } from "./context.js";
import { type AgentRunStreamEvent } from "./raw.js";
import { type ResponseStreamConverter } from "./response-converter.js";
/**
 * Turns one agent run, event by event, into ChatKit thread stream events (the body of
 * `stream_agent_response`). It keeps the state of the turn: message ids, annotation counts, the
 * thought being streamed, the items produced so far (for guardrail clean-up) and the last
 * function call (for a client tool call).
 */
export declare class RunEventMapper {
    #private;
    /** Ids of thread items this turn produced, in order. */
    readonly produced: Set<string>;
    currentToolCallId: string | undefined;
    currentToolItemId: string | undefined;
    constructor(ctx: AgentContext<unknown>, converter: ResponseStreamConverter);
    /** Closes `item` with a `thread.item.done` (duration summary unless one is set; collapsed). */
    endWorkflow(item: WorkflowItem): ThreadStreamEvent;
    /** An event queued on the context by a tool: auto-closes the open workflow when needed. */
    contextEvent(event: ThreadStreamEvent): ThreadStreamEvent[];
    /** An event of the run itself. */
    runEvent(event: AgentRunStreamEvent): Promise<ThreadStreamEvent[]>;
    /** `rawId` when it is a real id not used yet this turn, else a new store id of `kind`. */
    uniqueId(rawId: string | undefined, kind: "message" | "tool_call"): string;
}
//# sourceMappingURL=mapper.d.ts.map