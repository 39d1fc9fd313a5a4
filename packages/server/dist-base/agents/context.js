import { streamWidget } from "../widget-stream.js";
import { EventQueue } from "./queue.js";
/** Seconds elapsed since an ISO timestamp, rounded down (0 when it cannot be parsed). */
export function secondsSince(createdAt) {
    const started = Date.parse(createdAt);
    return Number.isNaN(started) ? 0 : Math.max(0, Math.floor((Date.now() - started) / 1000));
}
/**
 * The run context that ChatKit hands to an Agents SDK run (ChatKit's `AgentContext`): the thread,
 * the store and the request context, plus helpers with which tools stream thread events
 * (widgets, workflows, progress) while the agent runs. Pass it as the run's `context`; tools
 * reach it as `runContext.context`; `streamAgentResponse` merges its events with the model's.
 *
 * @example
 * const ctx = new AgentContext({ thread, store: this.store, requestContext: context });
 * const showTodos = tool({
 *   name: "show_todos",
 *   description: "Shows the todo list",
 *   parameters: z.object({}),
 *   execute: async (_args, runContext?: RunContext<AgentContext<MyCtx>>) => {
 *     await runContext?.context.streamWidget(Card({ children: [Text({ value: "Buy milk" })] }));
 *     return "shown";
 *   },
 * });
 * const result = await run(agent, input, { context: ctx, stream: true });
 * yield* streamAgentResponse(ctx, result);
 */
export class AgentContext {
    thread;
    store;
    requestContext;
    previousResponseId;
    clientToolCall;
    workflowItem;
    generatedImageItem;
    /** @internal Events streamed by tools, drained by `streamAgentResponse`. */
    _events = new EventQueue();
    constructor(init) {
        this.thread = init.thread;
        this.store = init.store;
        this.requestContext = init.requestContext;
        this.previousResponseId = init.previousResponseId ?? null;
        this.clientToolCall = init.clientToolCall ?? null;
        this.workflowItem = init.workflowItem ?? null;
        this.generatedImageItem = init.generatedImageItem ?? null;
    }
    /**
     * A new store-backed id: `generateId("message")` gives a `msg_` id for this thread,
     * `generateId("thread")` a thread id.
     *
     * @example
     * const id = ctx.generateId("workflow"); // "wf_…"
     */
    generateId(type, thread) {
        if (type === "thread")
            return this.store.generateThreadId(this.requestContext);
        return this.store.generateItemId(type, thread ?? this.thread, this.requestContext);
    }
    /**
     * Queues any thread stream event (a progress update, a client effect, a notice, an item) to
     * be sent in order with the agent's output.
     *
     * @example
     * await ctx.stream({ type: "progress_update", text: "Searching…" });
     */
    async stream(event) {
        this._events.push(event);
    }
    /**
     * Streams a widget into the thread: one root gives a single `thread.item.done`; an async
     * sequence of roots gives `added`, text deltas or root replacements, then `done`.
     *
     * @example
     * await ctx.streamWidget(Card({ children: [Text({ value: "Saved" })] }), { copyText: "Saved" });
     */
    async streamWidget(widget, options = {}) {
        const events = streamWidget(this.thread, widget, {
            ...(options.copyText != null ? { copyText: options.copyText } : {}),
            generateId: (kind) => this.generateId(kind),
        });
        for await (const event of events)
            this._events.push(event);
    }
    /**
     * Starts a workflow item. A reasoning workflow, or one that already has tasks, is sent at once
     * (`thread.item.added`); an empty custom workflow waits for its first task.
     *
     * @example
     * await ctx.startWorkflow({ type: "custom", tasks: [], expanded: false });
     */
    async startWorkflow(workflow) {
        this.workflowItem = this.#newWorkflowItem(workflow);
        if (workflow.type !== "reasoning" && workflow.tasks.length === 0)
            return;
        await this.stream({ type: "thread.item.added", item: structuredClone(this.workflowItem) });
    }
    /**
     * Appends a task to the current workflow (starting a custom one when none is open). The first
     * task of a custom workflow sends the workflow itself; later tasks send `workflow.task.added`.
     *
     * @example
     * await ctx.addWorkflowTask({ type: "custom", title: "Loaded 3 todos", status_indicator: "complete" });
     */
    async addWorkflowTask(task) {
        this.workflowItem ??= this.#newWorkflowItem({ type: "custom", tasks: [], expanded: false });
        const item = this.workflowItem;
        item.workflow.tasks.push(task);
        if (item.workflow.type !== "reasoning" && item.workflow.tasks.length === 1) {
            await this.stream({ type: "thread.item.added", item: structuredClone(item) });
            return;
        }
        await this.stream({
            type: "thread.item.updated",
            item_id: item.id,
            update: {
                type: "workflow.task.added",
                task_index: item.workflow.tasks.length - 1,
                task: structuredClone(task),
            },
        });
    }
    /**
     * Replaces the task at `taskIndex` in the current workflow and sends `workflow.task.updated`.
     * Throws when no workflow is open.
     *
     * @example
     * await ctx.updateWorkflowTask({ ...task, status_indicator: "complete" }, 0);
     */
    async updateWorkflowTask(task, taskIndex) {
        const item = this.workflowItem;
        if (!item)
            throw new Error("Workflow is not set");
        item.workflow.tasks[taskIndex] = task;
        await this.stream({
            type: "thread.item.updated",
            item_id: item.id,
            update: { type: "workflow.task.updated", task_index: taskIndex, task: structuredClone(task) },
        });
    }
    /**
     * Closes the current workflow with `thread.item.done`. Without a summary (and none set before),
     * the summary is the elapsed time in whole seconds. Does nothing when no workflow is open.
     *
     * @example
     * await ctx.endWorkflow({ title: "Planned the week" }, true);
     */
    async endWorkflow(summary, expanded = false) {
        const item = this.workflowItem;
        if (!item)
            return;
        if (summary != null)
            item.workflow.summary = summary;
        else if (item.workflow.summary == null) {
            item.workflow.summary = { duration: secondsSince(item.created_at) };
        }
        item.workflow.expanded = expanded;
        await this.stream({ type: "thread.item.done", item: structuredClone(item) });
        this.workflowItem = null;
    }
    #newWorkflowItem(workflow) {
        return {
            type: "workflow",
            id: this.generateId("workflow"),
            thread_id: this.thread.id,
            created_at: new Date().toISOString(),
            workflow,
        };
    }
}
//# sourceMappingURL=context.js.map