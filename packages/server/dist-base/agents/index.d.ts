/**
 * The OpenAI Agents SDK integration (ChatKit's `chatkit.agents`): run an `@openai/agents` agent
 * inside `respond()` and stream its output as ChatKit thread events.
 *
 * Wiring a model: the Agents SDK reads `OPENAI_API_KEY` from the environment by itself. For an
 * OpenAI-compatible server (Ollama, llama.cpp, vLLM) set the client and, when the server has no
 * Responses API, switch the SDK to chat completions — `streamAgentResponse` handles both:
 *
 * @example
 * import OpenAI from "openai";
 * import { setDefaultOpenAIClient, setOpenAIAPI, setTracingDisabled } from "@openai/agents";
 *
 * if (process.env.OPENAI_BASE_URL) {
 *   setDefaultOpenAIClient(
 *     new OpenAI({ baseURL: process.env.OPENAI_BASE_URL, apiKey: process.env.OPENAI_API_KEY }),
 *   );
 *   setOpenAIAPI("chat_completions");
 *   setTracingDisabled(true); // traces would otherwise be uploaded to OpenAI
 * }
 */
export { accumulateText, type StreamingTextWidget } from "./accumulate.js";
export { AgentContext, type AgentContextInit, type ClientToolCall, type WidgetSource, } from "./context.js";
export { type AgentInputResult, type AgentUserContent, NotImplementedError, simpleToAgentInput, ThreadItemConverter, } from "./converter.js";
export type { AgentRunStreamEvent } from "./raw.js";
export { type RecordedResponsesEvent, RecordedResponsesModel } from "./recorded-model.js";
export { type ContainerFileCitation, type FileCitation, ResponseStreamConverter, type UrlCitation, } from "./response-converter.js";
export { isGuardrailTripwire, type StreamAgentResponseOptions, streamAgentResponse, } from "./stream.js";
//# sourceMappingURL=index.d.ts.map