import type { GeneratedImageItem, Task, ThreadMetadata, ThreadStreamEvent, WidgetRoot, Workflow, WorkflowItem, WorkflowSummary } from "@threadkit/core";
import type { Store, StoreItemType } from "../store/types.js";
import { EventQueue } from "./queue.js";
/**
 * A tool's request to run a tool in the browser (ChatKit's client tool call). Set it on
 * {@link AgentContext.clientToolCall} from a tool and stop the run (for example with
 * `toolUseBehavior: { stopAtToolNames: ["my_tool"] }`); `streamAgentResponse` then ends the turn
 * with a pending `client_tool_call` item.
 *
 * @example
 * ctx.clientToolCall = { name: "get_selection", arguments: { max: 3 } };
 */
export interface ClientToolCall {
    name: string;
    arguments: Record<string, unknown>;
}
/** A widget to stream: one root, or an async sequence of roots (successive states). */
export type WidgetSource = WidgetRoot | AsyncIterable<WidgetRoot>;
/** What an {@link AgentContext} is built from. */
export interface AgentContextInit<TContext> {
    thread: ThreadMetadata;
    store: Store<TContext>;
    requestContext: TContext;
    previousResponseId?: string | null;
    clientToolCall?: ClientToolCall | null;
    workflowItem?: WorkflowItem | null;
    generatedImageItem?: GeneratedImageItem | null;
}
/** Seconds elapsed since an ISO timestamp, rounded down (0 when it cannot be parsed). */
export declare function secondsSince(createdAt: string): number;
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
export declare class AgentContext<TContext = unknown> {
    #private;
    thread: ThreadMetadata;
    store: Store<TContext>;
    requestContext: TContext;
    previousResponseId: string | null;
    clientToolCall: ClientToolCall | null;
    workflowItem: WorkflowItem | null;
    generatedImageItem: GeneratedImageItem | null;
    /** @internal Events streamed by tools, drained by `streamAgentResponse`. */
    readonly _events: EventQueue<ThreadStreamEvent>;
    constructor(init: AgentContextInit<TContext>);
    /**
     * A new store-backed id: `generateId("message")` gives a `msg_` id for this thread,
     * `generateId("thread")` a thread id.
     *
     * @example
     * const id = ctx.generateId("workflow"); // "wf_…"
     */
    generateId(type: StoreItemType, thread?: ThreadMetadata): string;
    /**
     * Queues any thread stream event (a progress update, a client effect, a notice, an item) to
     * be sent in order with the agent's output.
     *
     * @example
     * await ctx.stream({ type: "progress_update", text: "Searching…" });
     */
    stream(event: ThreadStreamEvent): Promise<void>;
    /**
     * Streams a widget into the thread: one root gives a single `thread.item.done`; an async
     * sequence of roots gives `added`, text deltas or root replacements, then `done`.
     *
     * @example
     * await ctx.streamWidget(Card({ children: [Text({ value: "Saved" })] }), { copyText: "Saved" });
     */
    streamWidget(widget: WidgetSource, options?: {
        copyText?: string | null;
    }): Promise<void>;
    /**
     * Starts a workflow item. A reasoning workflow, or one that already has tasks, is sent at once
     * (`thread.item.added`); an empty custom workflow waits for its first task.
     *
     * @example
     * await ctx.startWorkflow({ type: "custom", tasks: [], expanded: false });
     */
    startWorkflow(workflow: Workflow): Promise<void>;
    /**
     * Appends a task to the current workflow (starting a custom one when none is open). The first
     * task of a custom workflow sends the workflow itself; later tasks send `workflow.task.added`.
     *
     * @example
     * await ctx.addWorkflowTask({ type: "custom", title: "Loaded 3 todos", status_indicator: "complete" });
     */
    addWorkflowTask(task: Task): Promise<void>;
    /**
     * Replaces the task at `taskIndex` in the current workflow and sends `workflow.task.updated`.
     * Throws when no workflow is open.
     *
     * @example
     * await ctx.updateWorkflowTask({ ...task, status_indicator: "complete" }, 0);
     */
    updateWorkflowTask(task: Task, taskIndex: number): Promise<void>;
    /**
     * Closes the current workflow with `thread.item.done`. Without a summary (and none set before),
     * the summary is the elapsed time in whole seconds. Does nothing when no workflow is open.
     *
     * @example
     * await ctx.endWorkflow({ title: "Planned the week" }, true);
     */
    endWorkflow(summary?: WorkflowSummary | null, expanded?: boolean): Promise<void>;
}
//# sourceMappingURL=context.d.ts.map