/**
 * The todo agent through `@threadkit/server/agents`, with recorded Responses API streams
 * (RecordedResponsesModel): the SDK really runs the tools against the todo store, and the
 * run is streamed as ChatKit events. No network, no API key.
 */
import { setTracingDisabled } from "@openai/agents";
import type { ThreadStreamEvent, WidgetItem } from "@threadkit/core";
import { type RecordedResponsesEvent, RecordedResponsesModel } from "@threadkit/server/agents";
import { beforeAll, describe, expect, it } from "vitest";
import { AgentResponder, createTodoAgent } from "../src/responder/agent.js";
import { makeServer, post, replies, startThread } from "./helpers.js";

beforeAll(() => setTracingDisabled(true));

const usage = { input_tokens: 12, output_tokens: 8, total_tokens: 20 };

/** A recorded turn in which the model calls one tool. */
function toolTurn(
  n: number,
  name: string,
  args: Record<string, unknown>,
): RecordedResponsesEvent[] {
  const item = {
    type: "function_call",
    id: `fc_${n}`,
    call_id: `call_${n}`,
    name,
    arguments: JSON.stringify(args),
    status: "completed",
  };
  return [
    { type: "response.created", response: { id: `resp_${n}`, output: [] } },
    {
      type: "response.output_item.added",
      output_index: 0,
      item: { ...item, arguments: "", status: "in_progress" },
    },
    { type: "response.output_item.done", output_index: 0, item },
    { type: "response.completed", response: { id: `resp_${n}`, output: [item], usage } },
  ];
}

/** A recorded turn in which the model answers with `text`, streamed in two deltas. */
function messageTurn(n: number, text: string): RecordedResponsesEvent[] {
  const id = `msg_resp_${n}`;
  const part = { type: "output_text", text, annotations: [] };
  const half = Math.floor(text.length / 2);
  const message = { type: "message", id, role: "assistant", status: "completed", content: [part] };
  return [
    { type: "response.created", response: { id: `resp_${n}`, output: [] } },
    {
      type: "response.output_item.added",
      output_index: 0,
      item: { ...message, status: "in_progress", content: [] },
    },
    {
      type: "response.content_part.added",
      item_id: id,
      output_index: 0,
      content_index: 0,
      part: { ...part, text: "" },
    },
    {
      type: "response.output_text.delta",
      item_id: id,
      output_index: 0,
      content_index: 0,
      delta: text.slice(0, half),
    },
    {
      type: "response.output_text.delta",
      item_id: id,
      output_index: 0,
      content_index: 0,
      delta: text.slice(half),
    },
    { type: "response.output_text.done", item_id: id, output_index: 0, content_index: 0, text },
    { type: "response.output_item.done", output_index: 0, item: message },
    { type: "response.completed", response: { id: `resp_${n}`, output: [message], usage } },
  ];
}

function widgets(events: readonly ThreadStreamEvent[]): WidgetItem[] {
  return events.flatMap((e) =>
    e.type === "thread.item.done" && e.item.type === "widget" ? [e.item] : [],
  );
}

describe("todo agent (OpenAI Agents SDK, recorded)", () => {
  it("adds a todo with its tool, shows the list widget and streams its answer", async () => {
    const model = new RecordedResponsesModel([
      toolTurn(1, "add_todo", { title: "Buy milk", due: null, priority: "high" }),
      toolTurn(2, "show_todos", {}),
      messageTurn(3, "Added “Buy milk” as a high-priority todo."),
    ]);
    const { server, todos } = makeServer(
      (store, repo) => new AgentResponder(store, createTodoAgent(repo, model)),
    );

    const { events } = await startThread(server, "Add buy milk, it's urgent");

    expect((await todos.list("alice")).map((t) => [t.title, t.priority])).toEqual([
      ["Buy milk", "high"],
    ]);
    const [list] = widgets(events);
    expect(JSON.stringify(list?.widget)).toContain("Buy milk");
    expect(replies(events)).toEqual(["Added “Buy milk” as a high-priority todo."]);
    const deltas = events.filter(
      (e) =>
        e.type === "thread.item.updated" &&
        e.update.type === "assistant_message.content_part.text_delta",
    );
    expect(deltas).toHaveLength(2);
    // The model saw the user's message, then each tool's output.
    expect(JSON.stringify(model.requests[0]?.input)).toContain("Add buy milk, it's urgent");
    expect(JSON.stringify(model.requests[1]?.input)).toContain('\\"priority\\":\\"high\\"');
    expect(model.requests).toHaveLength(3);
  });

  it("reads the hidden <USER_ACTION> note after a widget action", async () => {
    const model = new RecordedResponsesModel([
      toolTurn(1, "show_todos", {}),
      messageTurn(2, "Here is your list."),
      messageTurn(3, "Nice, “Buy milk” is done. Nothing else is open."),
    ]);
    const { server, todos } = makeServer(
      (store, repo) => new AgentResponder(store, createTodoAgent(repo, model)),
    );
    const milk = await todos.add("alice", { title: "Buy milk" });
    const { threadId, events } = await startThread(server, "show my todos");
    const [list] = widgets(events);

    const out = await post(server, {
      type: "threads.custom_action",
      params: {
        thread_id: threadId,
        item_id: list?.id,
        action: { type: "todo.complete", payload: { id: milk.id } },
      },
    });

    expect(replies(out)).toEqual(["Nice, “Buy milk” is done. Nothing else is open."]);
    const input = JSON.stringify(model.requests[2]?.input);
    expect(input).toContain("<HiddenContext>");
    expect(input).toContain("The user marked “Buy milk” as done.");
  });
});
