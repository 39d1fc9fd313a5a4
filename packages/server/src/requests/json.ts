import type { ChatKitRequest, WidgetItem } from "@threadkit/core";
import { checkAction, refusalError } from "../actions/check.js";
import { FieldErrors } from "../actions/field-errors.js";
import { BadRequestError, NotImplementedServerError } from "../errors.js";
import { responseJson } from "../event-json.js";
import type { ChatKitServer, ServerAttachmentStore } from "../server.js";
import { loadActionTarget } from "../store/load-thread-item.js";
import { loadVisibleItems } from "../store/pages.js";
import { toThreadResponse } from "../thread-response.js";

const DEFAULT_PAGE_SIZE = 20;
/** The largest page a client may ask for: `limit` is untrusted, and a page is built in memory. */
const MAX_PAGE_SIZE = 100;

/** A client's `limit`: 0 or missing means the default; more than {@link MAX_PAGE_SIZE} is clamped. */
function clientLimit(limit: number | null | undefined): number {
  return Math.min(limit || DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
}

const json = responseJson;

function requireAttachmentStore<C>(server: ChatKitServer<C>): ServerAttachmentStore<C> {
  if (!server.attachmentStore) {
    throw new NotImplementedServerError(
      "AttachmentStore is not configured: pass one to the ChatKitServer constructor",
    );
  }
  return server.attachmentStore;
}

function base64ToBytes(text: string): Uint8Array {
  const clean = text.replace(/\s+/g, "").replace(/-/g, "+").replace(/_/g, "/");
  let binary: string;
  try {
    binary = atob(clean);
  } catch {
    throw new BadRequestError("params.audio_base64: expected base64");
  }
  return Uint8Array.from(binary, (ch) => ch.charCodeAt(0));
}

/**
 * Handles a non-streaming request and returns its JSON text (section 1.4 of the protocol).
 * Every thread-taking request loads the thread first, so another user's thread is a 404.
 * `from.origin` (the request's origin) is handed to `attachments.create` for absolute URLs.
 *
 * @example
 * const text = await handleJsonRequest(server, { type: "threads.list", params: {}, metadata: {} }, ctx);
 */
export async function handleJsonRequest<C>(
  server: ChatKitServer<C>,
  request: ChatKitRequest,
  context: C,
  from: { origin?: string } = {},
): Promise<string> {
  const { store } = server;
  switch (request.type) {
    case "threads.get_by_id": {
      const thread = await store.loadThread(request.params.thread_id, context);
      const items = await loadVisibleItems(
        store,
        thread.id,
        null,
        DEFAULT_PAGE_SIZE,
        "asc",
        context,
      );
      return json(toThreadResponse(thread, items));
    }
    case "threads.list": {
      const { limit, after, order } = request.params;
      const page = await store.loadThreads(
        clientLimit(limit),
        after ?? null,
        order ?? "desc",
        context,
      );
      return json({ ...page, data: page.data.map((thread) => toThreadResponse(thread)) });
    }
    case "items.list": {
      const { thread_id, limit, after, order } = request.params;
      const thread = await store.loadThread(thread_id, context);
      const page = await loadVisibleItems(
        store,
        thread.id,
        after ?? null,
        clientLimit(limit),
        order ?? "desc",
        context,
      );
      return json(page);
    }
    case "threads.update": {
      const thread = await store.loadThread(request.params.thread_id, context);
      thread.title = request.params.title;
      await store.saveThread(thread, context);
      return json(toThreadResponse(thread));
    }
    case "threads.delete": {
      await store.loadThread(request.params.thread_id, context);
      await store.deleteThread(request.params.thread_id, context);
      return "{}";
    }
    case "items.feedback": {
      const { thread_id, item_ids, kind } = request.params;
      await store.loadThread(thread_id, context);
      await server.addFeedback(thread_id, item_ids, kind, context);
      return "{}";
    }
    case "attachments.create": {
      const attachmentStore = requireAttachmentStore(server);
      const attachment = await attachmentStore.createAttachment(request.params, context, from);
      await store.saveAttachment(attachment, context);
      return json(attachment);
    }
    case "attachments.delete": {
      const attachmentStore = requireAttachmentStore(server);
      const id = request.params.attachment_id;
      await store.loadAttachment(id, context);
      await attachmentStore.deleteAttachment(id, context);
      await store.deleteAttachment(id, context);
      return "{}";
    }
    case "input.transcribe": {
      const { audio_base64, mime_type } = request.params;
      const data = base64ToBytes(audio_base64);
      const media_type = (mime_type.split(";")[0] ?? mime_type).trim();
      const result = await server.transcribe({ data, mime_type, media_type }, context);
      return json({ text: result.text });
    }
    case "threads.sync_custom_action": {
      const { thread_id, item_id, action } = request.params;
      const { thread, sender } = await loadActionTarget(store, thread_id, item_id, context);
      if (sender && sender.type !== "widget") {
        throw new BadRequestError(`Item ${sender.id} is not a widget`);
      }
      const widget = sender as WidgetItem | null;
      const checked = { type: action.type, payload: action.payload ?? null };
      const refusal = checkAction(server.options, widget, checked);
      if (refusal) throw refusalError(widget?.id ?? null, refusal);
      try {
        return json((await server.syncAction(thread, checked, widget, context)) ?? {});
      } catch (error) {
        if (error instanceof FieldErrors) error.forItem(widget?.id ?? null);
        throw error;
      }
    }
    default:
      throw new BadRequestError(`type: ${request.type} is a streaming request`);
  }
}
