import { Card, Text, type ThreadStreamEvent, type WidgetRoot } from "@threadkit/core";
import { describe, expect, it } from "vitest";
import { streamAgentResponse } from "../src/agents/index.js";
import { collect, FakeRunResult, setup } from "./fixtures/agents/helpers.js";

/** Runs the context's queued events through streamAgentResponse with an empty, finished run. */
async function drain(ctx: Awaited<ReturnType<typeof setup>>["ctx"]): Promise<ThreadStreamEvent[]> {
  const result = new FakeRunResult([
    { type: "run_item_stream_event", name: "tool_called", item: { type: "tool_call_item" } },
  ]).done();
  return collect(streamAgentResponse(ctx, result));
}

describe("AgentContext widgets (test_agents.py)", () => {
  it("returns a widget item for a static widget", async () => {
    const { ctx } = await setup();
    await ctx.streamWidget(Card({ children: [Text({ value: "Hello, world!" })] }));
    const events = await drain(ctx);
    expect(events).toHaveLength(1);
    const [done] = events;
    expect(done?.type).toBe("thread.item.done");
    if (done?.type !== "thread.item.done" || done.item.type !== "widget") throw new Error("widget");
    expect(done.item.widget).toEqual(Card({ children: [Text({ value: "Hello, world!" })] }));
    expect(done.item.id).toBe("message_1");
    expect(done.item.thread_id).toBe("thr_test");
  });

  it("streams a widget generator as added, value delta, done", async () => {
    const { ctx } = await setup();
    const render = (i: number) =>
      Card({ children: [Text({ id: "text", value: "Hello, world".slice(0, i) })] });
    async function* widgets(): AsyncGenerator<WidgetRoot> {
      yield render(0);
      yield render(12);
    }
    await ctx.streamWidget(widgets(), { copyText: "Hello, world" });
    const events = await drain(ctx);
    expect(events.map((e) => e.type)).toEqual([
      "thread.item.added",
      "thread.item.updated",
      "thread.item.done",
    ]);
    const [added, updated, done] = events;
    if (added?.type !== "thread.item.added" || added.item.type !== "widget")
      throw new Error("added");
    expect(added.item.widget).toEqual(render(0));
    expect(added.item.copy_text).toBe("Hello, world");
    if (updated?.type !== "thread.item.updated") throw new Error("updated");
    expect(updated.item_id).toBe(added.item.id);
    expect(updated.update).toMatchObject({
      type: "widget.streaming_text.value_delta",
      component_id: "text",
      delta: "Hello, world",
    });
    if (done?.type !== "thread.item.done" || done.item.type !== "widget") throw new Error("done");
    expect(done.item.id).toBe(added.item.id);
    expect(done.item.widget).toEqual(render(12));
  });

  it("replaces the whole root when a streamed widget changes beyond text", async () => {
    const { ctx } = await setup();
    const second = Card({
      children: [Text({ key: "other text", value: "World!", streaming: false })],
    });
    async function* widgets(): AsyncGenerator<WidgetRoot> {
      yield Card({ children: [Text({ id: "text", value: "Hello!" })] });
      yield second;
    }
    await ctx.streamWidget(widgets());
    const events = await drain(ctx);
    expect(events.map((e) => e.type)).toEqual([
      "thread.item.added",
      "thread.item.updated",
      "thread.item.done",
    ]);
    expect(events[1]).toMatchObject({ update: { type: "widget.root.updated", widget: second } });
    expect(events[2]).toMatchObject({ item: { widget: second } });
  });
});

describe("AgentContext workflows", () => {
  it("defers an empty custom workflow until its first task, then adds tasks", async () => {
    const { ctx } = await setup();
    await ctx.startWorkflow({ type: "custom", tasks: [], expanded: false });
    expect(ctx._events.size).toBe(0);
    await ctx.addWorkflowTask({
      type: "custom",
      title: "Loaded todos",
      status_indicator: "loading",
    });
    await ctx.addWorkflowTask({ type: "custom", title: "Sorted", status_indicator: "none" });
    await ctx.updateWorkflowTask(
      { type: "custom", title: "Loaded todos", status_indicator: "complete" },
      0,
    );
    await ctx.endWorkflow({ title: "Prepared the list" }, true);
    const events = ctx._events.drain();
    expect(events.map((e) => (e.type === "thread.item.updated" ? e.update.type : e.type))).toEqual([
      "thread.item.added",
      "workflow.task.added",
      "workflow.task.updated",
      "thread.item.done",
    ]);
    expect(events[0]).toMatchObject({
      item: {
        type: "workflow",
        id: "workflow_1",
        workflow: { type: "custom", tasks: [{ title: "Loaded todos" }] },
      },
    });
    expect(events[1]).toMatchObject({ update: { task_index: 1, task: { title: "Sorted" } } });
    expect(events[2]).toMatchObject({
      update: { task_index: 0, task: { status_indicator: "complete" } },
    });
    expect(events[3]).toMatchObject({
      item: {
        workflow: { summary: { title: "Prepared the list" }, expanded: true, tasks: [{}, {}] },
      },
    });
    expect(ctx.workflowItem).toBeNull();
  });

  it("sends a reasoning workflow at once and ends it with a duration summary", async () => {
    const { ctx } = await setup();
    await ctx.startWorkflow({ type: "reasoning", tasks: [], expanded: false });
    await ctx.addWorkflowTask({ type: "thought", content: "Hmm", status_indicator: "none" });
    await ctx.endWorkflow();
    const events = ctx._events.drain();
    expect(events.map((e) => e.type)).toEqual([
      "thread.item.added",
      "thread.item.updated",
      "thread.item.done",
    ]);
    expect(events[1]).toMatchObject({ update: { type: "workflow.task.added", task_index: 0 } });
    expect(events[2]).toMatchObject({
      item: { workflow: { summary: { duration: 0 }, expanded: false } },
    });
  });

  it("events are snapshots: later task changes do not rewrite what was sent", async () => {
    const { ctx } = await setup();
    await ctx.addWorkflowTask({ type: "custom", title: "One", status_indicator: "loading" });
    const [added] = ctx._events.drain();
    await ctx.updateWorkflowTask({ type: "custom", title: "One", status_indicator: "complete" }, 0);
    expect(added).toMatchObject({
      item: { workflow: { tasks: [{ status_indicator: "loading" }] } },
    });
  });

  it("updateWorkflowTask without a workflow throws; endWorkflow without one is a no-op", async () => {
    const { ctx } = await setup();
    await expect(
      ctx.updateWorkflowTask({ type: "custom", title: "x", status_indicator: "none" }, 0),
    ).rejects.toThrow("Workflow is not set");
    await ctx.endWorkflow();
    expect(ctx._events.size).toBe(0);
  });

  it("generateId uses the store, with the thread id generator for threads", async () => {
    const { ctx } = await setup();
    expect(ctx.generateId("tool_call")).toBe("tool_call_1");
    expect(ctx.generateId("thread")).toMatch(/^thr_/);
  });

  it("stream() queues any event", async () => {
    const { ctx } = await setup();
    await ctx.stream({ type: "progress_update", text: "Searching" });
    expect(await drain(ctx)).toEqual([{ type: "progress_update", text: "Searching" }]);
  });
});
