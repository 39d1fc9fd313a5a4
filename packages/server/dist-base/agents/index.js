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
export { accumulateText } from "./accumulate.js";
export { AgentContext, } from "./context.js";
export { NotImplementedError, simpleToAgentInput, ThreadItemConverter, } from "./converter.js";
export { RecordedResponsesModel } from "./recorded-model.js";
export { ResponseStreamConverter, } from "./response-converter.js";
export { isGuardrailTripwire, streamAgentResponse, } from "./stream.js";
//# sourceMappingURL=index.js.map