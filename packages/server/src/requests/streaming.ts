import type {
  Attachment,
  ChatKitRequest,
  StructuredInputItem,
  ThreadItem,
  ThreadMetadata,
  ThreadStreamEvent,
  UserMessageInput,
  UserMessageItem,
  WidgetItem,
} from "@threadkit/core";
import { checkAction, refusalEvents, tagFieldErrors } from "../actions/check.js";
import { BadRequestError } from "../errors.js";
import { processEvents } from "../pipeline.js";
import type { ChatKitServer } from "../server.js";
import { loadActionTarget } from "../store/load-thread-item.js";
import type { StoreWrites } from "../store/types.js";
import { toThreadResponse } from "../thread-response.js";
import { nowIso } from "../util.js";
import { sequence } from "./sequence.js";
import { applyStructuredInput } from "./structured-input.js";

type Stream = () => AsyncIterable<ThreadStreamEvent>;

/** A checked streaming request: its thread (new or existing) and its lazy event stream. */
export interface PreparedStream {
  threadId: string;
  open: Stream;
}
type StreamingRequest = Extract<
  ChatKitRequest,
  {
    type:
      | "threads.create"
      | "threads.add_user_message"
      | "threads.add_client_tool_output"
      | "threads.add_structured_input"
      | "threads.retry_after_item"
      | "threads.custom_action";
  }
>;

/** The request types answered with a stream. */
export const STREAMING_TYPES: ReadonlySet<string> = new Set<string>([
  "threads.create",
  "threads.add_user_message",
  "threads.add_client_tool_output",
  "threads.add_structured_input",
  "threads.retry_after_item",
  "threads.custom_action",
]);

const PAGE = 20;

async function loadAttachments<C>(
  server: ChatKitServer<C>,
  input: UserMessageInput,
  context: C,
): Promise<Attachment[]> {
  const ids = input.attachments ?? [];
  return Promise.all(ids.map((id) => server.store.loadAttachment(id, context)));
}

/** What {@link addUserMessage} added, for the part of the stream that responds to it. */
interface Added {
  thread?: ThreadMetadata;
  message?: UserMessageItem;
}

/** Adds the user message (and links its attachments to the thread) and yields its `done`. */
async function* addUserMessage<C>(
  server: ChatKitServer<C>,
  thread: ThreadMetadata,
  input: UserMessageInput,
  attachments: Attachment[],
  context: C,
  added: Added,
  writes: StoreWrites<C>,
): AsyncGenerator<ThreadStreamEvent> {
  const { store } = server;
  const linked = attachments.map((a) => ({ ...a, thread_id: thread.id }) as Attachment);
  const message = {
    type: "user_message",
    id: store.generateItemId("message", thread, context),
    thread_id: thread.id,
    created_at: nowIso(),
    content: input.content,
    attachments: linked,
    quoted_text: input.quoted_text,
    inference_options: input.inference_options ?? {},
  } as UserMessageItem;
  for (const attachment of linked) await store.saveAttachment(attachment, context);
  await writes.addThreadItem(thread.id, message, context);
  added.thread = thread;
  added.message = message;
  yield { type: "thread.item.done", item: message } as ThreadStreamEvent;
}

/**
 * The events of `opening` (which ends with {@link addUserMessage}), then `respond`'s to that
 * message through the pipeline. A sequence, not `yield*` in a generator: a generator layer over
 * the pipeline cost a few promises for every streamed event.
 */
function respondToNewMessage<C>(
  server: ChatKitServer<C>,
  opening: (added: Added) => AsyncIterator<ThreadStreamEvent>,
  context: C,
  signal: AbortSignal,
): AsyncIterableIterator<ThreadStreamEvent> {
  const added: Added = {};
  return sequence(opening(added), () => {
    const thread = added.thread as ThreadMetadata;
    const options = server.bindSignal(thread, signal);
    return processEvents(server, thread, context, signal, () =>
      server.respond(thread, added.message as UserMessageItem, context, options),
    );
  });
}

/** Walks items newest first until `itemId`; returns the newer items and the target, if found. */
async function itemsAfter<C>(
  server: ChatKitServer<C>,
  threadId: string,
  itemId: string,
  context: C,
): Promise<{ newer: ThreadItem[]; target: ThreadItem | null }> {
  const newer: ThreadItem[] = [];
  let after: string | null = null;
  for (;;) {
    const page = await server.store.loadThreadItems(threadId, after, PAGE, "desc", context);
    for (const item of page.data) {
      if (item.id === itemId) return { newer, target: item };
      newer.push(item);
    }
    const last = page.data[page.data.length - 1];
    if (!page.has_more || !last) return { newer, target: null };
    after = last.id;
  }
}

/**
 * Runs the pre-stream checks of a streaming request (one of {@link STREAMING_TYPES}), throwing
 * `NotFoundError` / `BadRequestError` so HTTP can answer 404 / 400, and returns the lazy stream.
 *
 * @example
 * const stream = await prepareStream(server, request, context, signal);
 */
export async function prepareStream<C>(
  server: ChatKitServer<C>,
  request: ChatKitRequest,
  context: C,
  signal: AbortSignal,
): Promise<PreparedStream> {
  if (!STREAMING_TYPES.has(request.type)) {
    throw new BadRequestError(`${request.type} is not a streaming request`);
  }
  const req = request as StreamingRequest;
  const { store } = server;
  // The request's unit of work when the store has one: its writes are committed together.
  const writes = server.writesFor(signal);
  if (req.type === "threads.create") {
    const attachments = await loadAttachments(server, req.params.input, context);
    const threadId = store.generateThreadId(context);
    return {
      threadId,
      open: () =>
        respondToNewMessage(
          server,
          async function* (added) {
            const thread = {
              id: threadId,
              created_at: nowIso(),
              status: { type: "active" },
              metadata: {},
            } as ThreadMetadata;
            await writes.saveThread(thread, context);
            yield { type: "thread.created", thread: toThreadResponse(thread) } as ThreadStreamEvent;
            yield* addUserMessage(
              server,
              thread,
              req.params.input,
              attachments,
              context,
              added,
              writes,
            );
          },
          context,
          signal,
        ),
    };
  }
  const open = await prepareOnThread(server, req, context, signal);
  return { threadId: req.params.thread_id, open };
}

/** The pre-stream checks and lazy stream of a streaming request on an existing thread. */
async function prepareOnThread<C>(
  server: ChatKitServer<C>,
  req: Exclude<StreamingRequest, { type: "threads.create" }>,
  context: C,
  signal: AbortSignal,
): Promise<Stream> {
  const { store } = server;
  const writes = server.writesFor(signal);
  switch (req.type) {
    case "threads.add_user_message": {
      const thread = await store.loadThread(req.params.thread_id, context);
      const attachments = await loadAttachments(server, req.params.input, context);
      return () =>
        respondToNewMessage(
          server,
          (added) =>
            addUserMessage(server, thread, req.params.input, attachments, context, added, writes),
          context,
          signal,
        );
    }
    case "threads.add_client_tool_output": {
      const thread = await store.loadThread(req.params.thread_id, context);
      const newest = (await store.loadThreadItems(thread.id, null, 1, "desc", context)).data[0];
      if (newest?.type !== "client_tool_call" || newest.status !== "pending") {
        throw new BadRequestError("The last thread item is not a pending client tool call");
      }
      return async function* () {
        const completed = { ...newest, output: req.params.result, status: "completed" };
        await writes.saveItem(thread.id, completed as ThreadItem, context);
        const recent = await store.loadThreadItems(thread.id, null, PAGE, "desc", context);
        for (const item of recent.data) {
          if (item.type === "client_tool_call" && item.status === "pending") {
            await writes.deleteThreadItem(thread.id, item.id, context);
          }
        }
        const options = server.bindSignal(thread, signal);
        yield* processEvents(server, thread, context, signal, () =>
          server.respond(thread, null, context, options),
        );
      };
    }
    case "threads.add_structured_input": {
      const thread = await store.loadThread(req.params.thread_id, context);
      const item = await store.loadItem(thread.id, req.params.item_id, context);
      if (item.type !== "structured_input") {
        throw new BadRequestError(`Item ${item.id} is not a structured input`);
      }
      if (item.status !== "pending") {
        throw new BadRequestError(`Structured input ${item.id} was already ${item.status}`);
      }
      const updated = applyStructuredInput(item as StructuredInputItem, req.params.input);
      return () => {
        const options = server.bindSignal(thread, signal);
        return processEvents(server, thread, context, signal, async function* () {
          yield { type: "thread.item.replaced", item: updated } as ThreadStreamEvent;
          yield* server.respond(thread, null, context, options);
        });
      };
    }
    case "threads.retry_after_item": {
      const thread = await store.loadThread(req.params.thread_id, context);
      const { newer, target } = await itemsAfter(server, thread.id, req.params.item_id, context);
      if (!target) return async function* () {};
      if (target.type !== "user_message") {
        throw new BadRequestError(`Item ${target.id} is not a user message`);
      }
      return async function* () {
        for (const item of newer) await writes.deleteThreadItem(thread.id, item.id, context);
        const options = server.bindSignal(thread, signal);
        yield* processEvents(server, thread, context, signal, () =>
          server.respond(thread, target as UserMessageItem, context, options),
        );
      };
    }
    case "threads.custom_action": {
      const { thread, sender } = await loadActionTarget(
        store,
        req.params.thread_id,
        req.params.item_id,
        context,
      );
      if (sender && sender.type !== "widget") {
        // ChatKit's behaviour: one error event, no stream_options.
        return async function* () {
          yield { type: "error", code: "stream.error", allow_retry: false } as ThreadStreamEvent;
        };
      }
      const action = { type: req.params.action.type, payload: req.params.action.payload ?? null };
      const widget = sender as WidgetItem | null;
      const refusal = checkAction(server.options, widget, action);
      if (refusal) return refusalEvents(widget?.id ?? null, refusal);
      return () => {
        const options = server.bindSignal(thread, signal);
        return processEvents(server, thread, context, signal, () =>
          tagFieldErrors(
            server.action(thread, action, widget, context, options),
            widget?.id ?? null,
          ),
        );
      };
    }
  }
}
