import type { ThreadStreamEvent } from "@threadkit/core";
import type { AgentContext } from "./context.js";
import type { AgentRunStreamEvent } from "./raw.js";
import { ResponseStreamConverter } from "./response-converter.js";
/** Options of {@link streamAgentResponse}. */
export interface StreamAgentResponseOptions {
    /** How images and citations become ChatKit content (default: {@link ResponseStreamConverter}). */
    converter?: ResponseStreamConverter;
    /**
     * Stops consuming the run when aborted (for example when the client disconnects). Pass the
     * same signal to `run(agent, input, { stream: true, signal })` so that the run itself stops.
     */
    signal?: AbortSignal;
}
/** Whether `error` is the Agents SDK's input or output guardrail tripwire. */
export declare function isGuardrailTripwire(error: unknown): boolean;
/**
 * Streams an Agents SDK run as ChatKit thread events (ChatKit's `stream_agent_response`),
 * merged with the events that tools queue on the {@link AgentContext}.
 *
 * - Responses API output: a message becomes an `assistant_message` (added, content part
 *   added/text deltas/annotations/done, done) that reuses the Responses message id; reasoning
 *   becomes a reasoning workflow of thought tasks; image generation a `generated_image`.
 * - Models without the Responses API (the chat-completions adapter used with Ollama, vLLM,
 *   llama.cpp): the text deltas become one assistant message with a store-generated id.
 * - A workflow left open by a previous turn (last thread item) is resumed; one still open at
 *   the end is saved to the store directly so that the next turn continues it.
 * - On a guardrail tripwire, `thread.item.removed` is sent for every item produced, then the
 *   error is rethrown.
 * - When a tool set `ctx.clientToolCall`, the turn ends with a pending `client_tool_call` item.
 *
 * @example
 * async *respond(thread, input, context) {
 *   const ctx = new AgentContext({ thread, store: this.store, requestContext: context });
 *   const items = await this.store.loadThreadItems(thread.id, null, 50, "asc", context);
 *   const result = await run(agent, await simpleToAgentInput(items.data), {
 *     context: ctx,
 *     stream: true,
 *   });
 *   yield* streamAgentResponse(ctx, result);
 * }
 */
export declare function streamAgentResponse<TContext>(context: AgentContext<TContext>, result: AsyncIterable<AgentRunStreamEvent>, converterOrOptions?: ResponseStreamConverter | StreamAgentResponseOptions): AsyncGenerator<ThreadStreamEvent>;
//# sourceMappingURL=stream.d.ts.map