import { field, list, num, record, str } from "./raw.js";
/** A Responses API output item (snake_case, as in `response.completed`) as an Agents SDK item. */
function toOutputItem(item) {
    const type = str(item, "type");
    const id = str(item, "id");
    const status = str(item, "status");
    if (type === "message") {
        const content = list(item, "content").map((c) => str(c, "type") === "refusal"
            ? { type: "refusal", refusal: str(c, "refusal") ?? "" }
            : {
                type: "output_text",
                text: str(c, "text") ?? "",
                providerData: { annotations: list(c, "annotations") },
            });
        return { type: "message", role: "assistant", id, status: status ?? "completed", content };
    }
    if (type === "function_call") {
        return {
            type: "function_call",
            id,
            callId: str(item, "call_id") ?? "",
            name: str(item, "name") ?? "",
            arguments: str(item, "arguments") ?? "{}",
            status,
        };
    }
    if (type === "reasoning") {
        const content = list(item, "summary").map((s) => ({
            type: "input_text",
            text: str(s, "text") ?? "",
        }));
        return { type: "reasoning", id, content };
    }
    if (type === "image_generation_call" ||
        type === "web_search_call" ||
        type === "file_search_call" ||
        type === "code_interpreter_call") {
        return {
            type: "hosted_tool_call",
            id,
            name: type,
            status,
            output: str(item, "result"),
            providerData: record(item) ?? {},
        };
    }
    return { type: "unknown", id, providerData: record(item) ?? {} };
}
/** The SDK's `response_done` event for a recorded `response.completed`. */
function responseDone(completed) {
    const response = field(completed, "response");
    const usage = field(response, "usage");
    return {
        type: "response_done",
        response: {
            id: str(response, "id") ?? "resp_recorded",
            output: list(response, "output").map(toOutputItem),
            usage: {
                inputTokens: num(usage, "input_tokens") ?? 0,
                outputTokens: num(usage, "output_tokens") ?? 0,
                totalTokens: num(usage, "total_tokens") ?? 0,
                inputTokensDetails: {},
                outputTokensDetails: {},
            },
        },
    };
}
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
export class RecordedResponsesModel {
    /** Every request the SDK made, in order (to assert on the input a run sent). */
    requests = [];
    #turns;
    #next = 0;
    constructor(turns) {
        this.#turns = turns;
    }
    async *getStreamedResponse(request) {
        this.requests.push(request);
        const turn = this.#turns[this.#next];
        if (!turn)
            throw new Error(`RecordedResponsesModel: no recorded turn ${this.#next + 1}`);
        this.#next += 1;
        for (const event of turn) {
            if (request.signal?.aborted)
                return;
            if (event.type === "response.created") {
                yield { type: "response_started", providerData: { ...event } };
            }
            else if (event.type === "response.completed") {
                yield responseDone(event);
            }
            else if (event.type === "response.output_text.delta") {
                yield { type: "output_text_delta", delta: str(event, "delta") ?? "" };
            }
            yield { type: "model", event, providerData: { rawModelEventSource: "openai-responses" } };
        }
    }
    async getResponse(request) {
        let done;
        for await (const event of this.getStreamedResponse(request)) {
            if (event.type === "response_done")
                done = event;
        }
        if (done?.type !== "response_done") {
            throw new Error("RecordedResponsesModel: the recorded turn has no response.completed");
        }
        const { Usage } = await import("@openai/agents");
        return {
            usage: new Usage(done.response.usage),
            output: done.response.output,
            responseId: done.response.id,
        };
    }
}
//# sourceMappingURL=recorded-model.js.map