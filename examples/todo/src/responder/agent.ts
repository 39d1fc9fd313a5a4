import { Agent, type Model, run, setOpenAIAPI, setTracingDisabled } from "@openai/agents";
import type { ThreadItem, ThreadStreamEvent } from "@threadkit/core";
import type { Store } from "@threadkit/server";
import { AgentContext, streamAgentResponse, ThreadItemConverter } from "@threadkit/server/agents";
import type { AppConfig } from "../config.js";
import type { RequestContext } from "../context.js";
import type { TodoRepo } from "../todos/repo.js";
import { isoToday } from "../todos/todo.js";
import { messageText, type Responder, type ResponderTurn } from "./responder.js";
import { todoTools } from "./tools.js";

/** How many recent thread items the agent reads as its input. */
const HISTORY = 40;

/** The agent's instructions. */
export const INSTRUCTIONS = `You are the assistant of a small todo app embedded next to this chat.
Use the tools to read and change the user's todos; call show_todos to show the interactive list.
Hidden context wrapped in <USER_ACTION> tells you what the user just did in a widget: acknowledge
it in one short sentence and mention what is left to do. Be brief and friendly.`;

/** The todo agent: instructions, tools, and the model (the SDK default when not given). */
export function createTodoAgent(todos: TodoRepo, model?: string | Model) {
  return new Agent<AgentContext<RequestContext>>({
    name: "Todo assistant",
    instructions: () => `${INSTRUCTIONS}\nToday is ${isoToday()}.`,
    tools: todoTools(todos),
    ...(model ? { model } : {}),
  });
}

/**
 * Runs the todo agent with the OpenAI Agents SDK and streams it through Threadkit's integration
 * (`AgentContext`, `ThreadItemConverter`, `streamAgentResponse` from `@threadkit/server/agents`).
 * The agent's input is the thread's recent items, hidden `<USER_ACTION>` notes included.
 */
export class AgentResponder implements Responder {
  readonly name = "agent";
  readonly #store: Store<RequestContext>;
  readonly #agent: ReturnType<typeof createTodoAgent>;
  readonly #converter = new ThreadItemConverter();

  constructor(store: Store<RequestContext>, agent: ReturnType<typeof createTodoAgent>) {
    this.#store = store;
    this.#agent = agent;
  }

  async *respond(turn: ResponderTurn): AsyncGenerator<ThreadStreamEvent> {
    const { thread, context, signal } = turn;
    const text = turn.input ? messageText(turn.input) : "";
    if (text && !thread.title) thread.title = text.slice(0, 60);
    const page = await this.#store.loadThreadItems(thread.id, null, HISTORY, "desc", context);
    const items: ThreadItem[] = [...page.data].reverse();
    const input = await this.#converter.toAgentInput(items);
    const ctx = new AgentContext({ thread, store: this.#store, requestContext: context });
    const result = await run(this.#agent, input, { context: ctx, stream: true, signal });
    yield* streamAgentResponse(ctx, result, { signal });
  }
}

/**
 * The responder for `OPENAI_API_KEY` (and optionally `OPENAI_BASE_URL`, `OPENAI_MODEL`). The SDK's
 * OpenAI client reads the key and base URL from the environment; with a base URL (Ollama, vLLM,
 * llama.cpp...) the chat-completions API is used and tracing (an upload to OpenAI) is off.
 */
export async function createAgentResponder(
  store: Store<RequestContext>,
  todos: TodoRepo,
  openai: NonNullable<AppConfig["openai"]>,
): Promise<AgentResponder> {
  if (openai.baseUrl) {
    setOpenAIAPI("chat_completions");
    setTracingDisabled(true);
  }
  return new AgentResponder(store, createTodoAgent(todos, openai.model ?? undefined));
}
