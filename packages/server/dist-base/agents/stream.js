import { RunEventMapper } from "./mapper.js";
import { mergeRunWithQueue } from "./merge.js";
import { ResponseStreamConverter } from "./response-converter.js";
const DEFAULT_CONVERTER = new ResponseStreamConverter();
/** Whether `error` is the Agents SDK's input or output guardrail tripwire. */
export function isGuardrailTripwire(error) {
    if (!(error instanceof Error))
        return false;
    return (error.name === "InputGuardrailTripwireTriggered" ||
        error.name === "OutputGuardrailTripwireTriggered");
}
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
export async function* streamAgentResponse(context, result, converterOrOptions) {
    const options = converterOrOptions instanceof ResponseStreamConverter
        ? { converter: converterOrOptions }
        : (converterOrOptions ?? {});
    const ctx = context;
    const thread = ctx.thread;
    const mapper = new RunEventMapper(ctx, options.converter ?? DEFAULT_CONVERTER);
    // Continue a workflow left open by the previous turn (possibly before a client tool call).
    const recent = await ctx.store.loadThreadItems(thread.id, null, 2, "desc", ctx.requestContext);
    const [last, secondLast] = recent.data;
    if (last?.type === "workflow")
        ctx.workflowItem = last;
    else if (last?.type === "client_tool_call" && secondLast?.type === "workflow") {
        ctx.workflowItem = secondLast;
    }
    try {
        for await (const merged of mergeRunWithQueue(result, ctx._events, options.signal)) {
            const events = merged.from === "context"
                ? mapper.contextEvent(merged.event)
                : await mapper.runEvent(merged.event);
            yield* events;
        }
    }
    catch (error) {
        if (isGuardrailTripwire(error)) {
            for (const itemId of mapper.produced)
                yield { type: "thread.item.removed", item_id: itemId };
            ctx._events.drain();
        }
        throw error;
    }
    if (options.signal?.aborted)
        return;
    yield* ctx._events.drain();
    if (ctx.workflowItem) {
        await ctx.store.saveItem(thread.id, ctx.workflowItem, ctx.requestContext);
    }
    const call = ctx.clientToolCall;
    if (call) {
        const item = {
            type: "client_tool_call",
            id: mapper.uniqueId(mapper.currentToolItemId, "tool_call"),
            thread_id: thread.id,
            created_at: new Date().toISOString(),
            status: "pending",
            call_id: mapper.currentToolCallId ?? ctx.generateId("tool_call"),
            name: call.name,
            arguments: call.arguments,
        };
        yield { type: "thread.item.done", item };
    }
}
//# sourceMappingURL=stream.js.map