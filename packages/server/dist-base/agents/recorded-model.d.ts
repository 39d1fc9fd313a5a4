import type { Model, ModelRequest, ModelResponse, StreamEvent } from "@openai/agents";
/** A raw Responses API stream event as recorded (`response.created`, `response.output_text.delta`, ...). */
export type RecordedResponsesEvent = {
    type: string;
} & Record<string, unknown>;
/**
 * An Agents SDK `Model` that replays recorded Responses API streams, one recorded turn per model
 * call, exactly as the SDK's OpenAI Responses model passes them on (`response_started`,
 * `output_text_delta`, `response_done` and every raw event as a `model` event). Runs made with it
 * go through the SDK's real machinery (tools, guardrails, turns) with no network: use it for
 * tests and demos.
 *
 * @example
 * const model = new RecordedResponsesModel([turn1Events, turn2Events]);
 * const agent = new Agent({ name: "Todo", model, tools: [showTodos] });
 * const result = await run(agent, "show my todos", { stream: true, context: ctx });
 * for await (const event of streamAgentResponse(ctx, result)) console.log(event.type);
 */
export declare class RecordedResponsesModel implements Model {
    #private;
    /** Every request the SDK made, in order (to assert on the input a run sent). */
    readonly requests: ModelRequest[];
    constructor(turns: readonly (readonly RecordedResponsesEvent[])[]);
    getStreamedResponse(request: ModelRequest): AsyncIterable<StreamEvent>;
    getResponse(request: ModelRequest): Promise<ModelResponse>;
}
//# sourceMappingURL=recorded-model.d.ts.map