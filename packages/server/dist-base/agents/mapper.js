import { secondsSince } from "./context.js";
import { field, list, num, str } from "./raw.js";
import { convertAnnotation, convertContent, } from "./response-converter.js";
/** The id the OpenAI chat-completions adapter gives every output item it cannot name. */
const PLACEHOLDER_IDS = new Set(["FAKE_ID", "__fake_id__"]);
const now = () => new Date().toISOString();
/**
 * Turns one agent run, event by event, into ChatKit thread stream events (the body of
 * `stream_agent_response`). It keeps the state of the turn: message ids, annotation counts, the
 * thought being streamed, the items produced so far (for guardrail clean-up) and the last
 * function call (for a client tool call).
 */
export class RunEventMapper {
    /** Ids of thread items this turn produced, in order. */
    produced = new Set();
    currentToolCallId;
    currentToolItemId;
    #ctx;
    #converter;
    #messageIds = new Map();
    #usedIds = new Set();
    #annotationCounts = new Map();
    #thought;
    /** True while the current model response speaks the Responses API (raw `response.*` events). */
    #responsesMode = false;
    /** The message built from model-agnostic text deltas (chat-completions and other models). */
    #fallback;
    constructor(ctx, converter) {
        this.#ctx = ctx;
        this.#converter = converter;
    }
    /** Closes `item` with a `thread.item.done` (duration summary unless one is set; collapsed). */
    endWorkflow(item) {
        if (item === this.#ctx.workflowItem)
            this.#ctx.workflowItem = null;
        item.workflow.summary ??= { duration: secondsSince(item.created_at) };
        item.workflow.expanded = false;
        return { type: "thread.item.done", item: structuredClone(item) };
    }
    /** An event queued on the context by a tool: auto-closes the open workflow when needed. */
    contextEvent(event) {
        const out = [];
        if (event.type === "thread.item.added" || event.type === "thread.item.done") {
            const wf = this.#ctx.workflowItem;
            const kind = event.item.type;
            if (wf &&
                wf.id !== event.item.id &&
                kind !== "client_tool_call" &&
                kind !== "hidden_context_item") {
                out.push(this.endWorkflow(wf));
            }
            if (event.type === "thread.item.added" && event.item.type === "workflow") {
                if (this.#ctx.workflowItem?.id !== event.item.id)
                    this.#ctx.workflowItem = event.item;
            }
            this.produced.add(event.item.id);
            this.#usedIds.add(event.item.id);
        }
        out.push(event);
        return out;
    }
    /** An event of the run itself. */
    async runEvent(event) {
        if (event.type === "run_item_stream_event") {
            const raw = event.item.rawItem;
            if (event.item.type === "tool_call_item" && str(raw, "type") === "function_call") {
                this.currentToolCallId = str(raw, "callId") ?? str(raw, "call_id");
                this.currentToolItemId = str(raw, "id");
                if (this.currentToolItemId)
                    this.produced.add(this.currentToolItemId);
            }
            return [];
        }
        if (event.type !== "raw_model_stream_event")
            return [];
        const data = event.data;
        switch (str(data, "type")) {
            case "response_started":
                this.#responsesMode = false;
                return [];
            case "model": {
                const raw = field(data, "event");
                const type = str(raw, "type");
                if (type === undefined || !type.startsWith("response."))
                    return [];
                this.#responsesMode = true;
                return this.#responsesEvent(type, raw);
            }
            case "output_text_delta":
                return this.#responsesMode ? [] : this.#fallbackDelta(str(data, "delta") ?? "");
            case "response_done":
                return this.#responsesMode ? [] : this.#fallbackDone(field(data, "response"));
            default:
                return [];
        }
    }
    /** A thread-unique id for the Responses message `rawId` (reused when it is safe to). */
    #messageId(rawId) {
        const known = rawId === undefined ? undefined : this.#messageIds.get(rawId);
        if (known)
            return known;
        const id = this.uniqueId(rawId, "message");
        if (rawId !== undefined)
            this.#messageIds.set(rawId, id);
        return id;
    }
    /** `rawId` when it is a real id not used yet this turn, else a new store id of `kind`. */
    uniqueId(rawId, kind) {
        const id = rawId && !PLACEHOLDER_IDS.has(rawId) && !this.#usedIds.has(rawId)
            ? rawId
            : this.#ctx.generateId(kind);
        this.#usedIds.add(id);
        return id;
    }
    #itemId(raw) {
        const rawId = str(raw, "item_id") ?? "";
        return this.#messageIds.get(rawId) ?? rawId;
    }
    #assistantMessage(id, content) {
        return {
            type: "assistant_message",
            id,
            thread_id: this.#ctx.thread.id,
            created_at: now(),
            content,
        };
    }
    async #contents(raw) {
        const out = [];
        for (const part of list(raw, "content"))
            out.push(await convertContent(part, this.#converter));
        return out;
    }
    #workflowUpdate(update) {
        const wf = this.#ctx.workflowItem;
        return wf ? [{ type: "thread.item.updated", item_id: wf.id, update }] : [];
    }
    async #responsesEvent(type, ev) {
        const ctx = this.#ctx;
        switch (type) {
            case "response.content_part.added": {
                const part = field(ev, "part");
                if (str(part, "type") === "reasoning_text")
                    return [];
                const content = await convertContent(part, this.#converter);
                const content_index = num(ev, "content_index") ?? 0;
                const update = {
                    type: "assistant_message.content_part.added",
                    content_index,
                    content,
                };
                return [{ type: "thread.item.updated", item_id: this.#itemId(ev), update }];
            }
            case "response.output_text.delta": {
                const update = {
                    type: "assistant_message.content_part.text_delta",
                    content_index: num(ev, "content_index") ?? 0,
                    delta: str(ev, "delta") ?? "",
                };
                return [{ type: "thread.item.updated", item_id: this.#itemId(ev), update }];
            }
            case "response.output_text.done": {
                const update = {
                    type: "assistant_message.content_part.done",
                    content_index: num(ev, "content_index") ?? 0,
                    content: { type: "output_text", text: str(ev, "text") ?? "", annotations: [] },
                };
                return [{ type: "thread.item.updated", item_id: this.#itemId(ev), update }];
            }
            case "response.output_text.annotation.added": {
                const annotation = await convertAnnotation(field(ev, "annotation"), this.#converter);
                if (!annotation)
                    return [];
                const itemId = this.#itemId(ev);
                const content_index = num(ev, "content_index") ?? 0;
                const key = `${itemId}\u0000${content_index}`;
                const annotation_index = this.#annotationCounts.get(key) ?? 0;
                this.#annotationCounts.set(key, annotation_index + 1);
                const update = {
                    type: "assistant_message.content_part.annotation_added",
                    content_index,
                    annotation_index,
                    annotation,
                };
                return [{ type: "thread.item.updated", item_id: itemId, update }];
            }
            case "response.output_item.added":
                return this.#itemAdded(field(ev, "item"));
            case "response.output_item.done":
                return this.#itemDone(field(ev, "item"));
            case "response.image_generation_call.partial_image": {
                const image = ctx.generatedImageItem;
                if (!image)
                    return [];
                const imageId = str(ev, "item_id") ?? "";
                const index = num(ev, "partial_image_index") ?? 0;
                const url = await this.#converter.base64ImageToUrl(imageId, str(ev, "partial_image_b64") ?? "", index);
                const progress = this.#converter.partialImageIndexToProgress(index);
                image.image = { id: imageId, url };
                const update = {
                    type: "generated_image.updated",
                    image: { id: imageId, url },
                    progress,
                };
                return [{ type: "thread.item.updated", item_id: image.id, update }];
            }
            case "response.reasoning_summary_text.delta":
                return this.#thoughtDelta(ev);
            case "response.reasoning_summary_text.done":
                return this.#thoughtDone(ev);
            default:
                return [];
        }
    }
    async #itemAdded(item) {
        const ctx = this.#ctx;
        const out = [];
        switch (str(item, "type")) {
            case "reasoning":
                if (!ctx.workflowItem) {
                    ctx.workflowItem = {
                        type: "workflow",
                        id: ctx.generateId("workflow"),
                        thread_id: ctx.thread.id,
                        created_at: now(),
                        workflow: { type: "reasoning", tasks: [], expanded: false },
                    };
                    this.produced.add(ctx.workflowItem.id);
                    out.push({ type: "thread.item.added", item: structuredClone(ctx.workflowItem) });
                }
                return out;
            case "message": {
                if (ctx.workflowItem)
                    out.push(this.endWorkflow(ctx.workflowItem));
                const id = this.#messageId(str(item, "id"));
                this.produced.add(id);
                out.push({
                    type: "thread.item.added",
                    item: this.#assistantMessage(id, await this.#contents(item)),
                });
                return out;
            }
            case "image_generation_call": {
                const image = {
                    type: "generated_image",
                    id: this.uniqueId(undefined, "message"),
                    thread_id: ctx.thread.id,
                    created_at: now(),
                    image: null,
                };
                ctx.generatedImageItem = image;
                this.produced.add(image.id);
                return [{ type: "thread.item.added", item: structuredClone(image) }];
            }
            default:
                return out;
        }
    }
    async #itemDone(item) {
        const ctx = this.#ctx;
        const kind = str(item, "type");
        if (kind === "message") {
            const id = this.#messageId(str(item, "id"));
            this.produced.add(id);
            return [
                { type: "thread.item.done", item: this.#assistantMessage(id, await this.#contents(item)) },
            ];
        }
        if (kind === "image_generation_call") {
            const result = str(item, "result");
            const image = ctx.generatedImageItem;
            if (!result || !image)
                return [];
            const imageId = str(item, "id") ?? "";
            image.image = { id: imageId, url: await this.#converter.base64ImageToUrl(imageId, result) };
            ctx.generatedImageItem = null;
            return [{ type: "thread.item.done", item: structuredClone(image) }];
        }
        return [];
    }
    #thoughtDelta(ev) {
        const wf = this.#ctx.workflowItem;
        if (!wf)
            return [];
        const itemId = str(ev, "item_id") ?? "";
        const index = num(ev, "summary_index") ?? 0;
        const delta = str(ev, "delta") ?? "";
        const tasks = wf.workflow.tasks;
        if (wf.workflow.type === "reasoning" && tasks.length === 0) {
            // Stream the first thought of a new workflow so that it shows early.
            tasks.push({ type: "thought", content: delta, status_indicator: "none" });
            this.#thought = { itemId, index, taskIndex: 0 };
            return this.#workflowUpdate({
                type: "workflow.task.added",
                task_index: 0,
                task: structuredClone(tasks[0]),
            });
        }
        const t = this.#thought;
        const task = t ? tasks[t.taskIndex] : undefined;
        if (t && task?.type === "thought" && t.itemId === itemId && t.index === index) {
            task.content += delta;
            return this.#workflowUpdate({
                type: "workflow.task.updated",
                task_index: t.taskIndex,
                task: structuredClone(task),
            });
        }
        return [];
    }
    #thoughtDone(ev) {
        const wf = this.#ctx.workflowItem;
        if (!wf)
            return [];
        const itemId = str(ev, "item_id") ?? "";
        const index = num(ev, "summary_index") ?? 0;
        const text = str(ev, "text") ?? "";
        const tasks = wf.workflow.tasks;
        const t = this.#thought;
        const task = t ? tasks[t.taskIndex] : undefined;
        if (t && task?.type === "thought" && t.itemId === itemId && t.index === index) {
            task.content = text;
            this.#thought = undefined;
            return this.#workflowUpdate({
                type: "workflow.task.updated",
                task_index: t.taskIndex,
                task: structuredClone(task),
            });
        }
        tasks.push({ type: "thought", content: text, status_indicator: "none" });
        const task_index = tasks.length - 1;
        return this.#workflowUpdate({
            type: "workflow.task.added",
            task_index,
            task: structuredClone(tasks[task_index]),
        });
    }
    #fallbackDelta(delta) {
        const out = [];
        if (!this.#fallback) {
            if (this.#ctx.workflowItem)
                out.push(this.endWorkflow(this.#ctx.workflowItem));
            const id = this.uniqueId(undefined, "message");
            this.#fallback = { id, text: "" };
            this.produced.add(id);
            const empty = { type: "output_text", text: "", annotations: [] };
            out.push({ type: "thread.item.added", item: this.#assistantMessage(id, []) });
            out.push({
                type: "thread.item.updated",
                item_id: id,
                update: { type: "assistant_message.content_part.added", content_index: 0, content: empty },
            });
        }
        this.#fallback.text += delta;
        out.push({
            type: "thread.item.updated",
            item_id: this.#fallback.id,
            update: { type: "assistant_message.content_part.text_delta", content_index: 0, delta },
        });
        return out;
    }
    #fallbackDone(response) {
        const message = list(response, "output").find((o) => str(o, "type") === "message" && str(o, "role") === "assistant");
        const parts = list(message, "content")
            .map((c) => str(c, "text") ?? str(c, "refusal"))
            .filter((t) => t !== undefined);
        const open = this.#fallback;
        this.#fallback = undefined;
        if (!open && parts.length === 0)
            return [];
        const out = [];
        let id = open?.id;
        if (!id) {
            if (this.#ctx.workflowItem)
                out.push(this.endWorkflow(this.#ctx.workflowItem));
            id = this.uniqueId(undefined, "message");
            this.produced.add(id);
        }
        const text = parts.length > 0 ? parts.join("") : (open?.text ?? "");
        const content = { type: "output_text", text, annotations: [] };
        if (open) {
            out.push({
                type: "thread.item.updated",
                item_id: id,
                update: { type: "assistant_message.content_part.done", content_index: 0, content },
            });
        }
        out.push({ type: "thread.item.done", item: this.#assistantMessage(id, [content]) });
        return out;
    }
}
//# sourceMappingURL=mapper.js.map