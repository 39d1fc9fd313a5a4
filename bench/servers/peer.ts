/**
 * The peer: chatkit-node-backend-sdk (npm) serving the same bench app over node:http, wired to an
 * in-memory store as its README shows. It skips what Threadkit does on every request: request
 * validation, persistence to SQLite, body limits, heartbeats and cancellation.
 */

import { once } from "node:events";
import http from "node:http";
import {
  type Attachment,
  ChatKitServer,
  NotFoundError,
  type Page,
  Store,
  type ThreadItem,
  type ThreadMetadata,
  type ThreadStreamEvent,
  type UserMessageItem,
  type WidgetItem,
} from "chatkit-node-backend-sdk";
import { card, commandOf, replyEvents } from "../lib/fixtures.js";

type Ctx = { userId: string };

class PeerMemoryStore extends Store<Ctx> {
  threads = new Map<string, ThreadMetadata>();
  items = new Map<string, ThreadItem[]>();
  attachments = new Map<string, Attachment>();

  async loadThread(id: string) {
    const thread = this.threads.get(id);
    if (!thread) throw new NotFoundError(`Thread ${id} not found`);
    return thread;
  }
  async saveThread(thread: ThreadMetadata) {
    this.threads.set(thread.id, thread);
  }
  async deleteThread(id: string) {
    this.threads.delete(id);
    this.items.delete(id);
  }
  async loadThreads(
    limit: number,
    after: string | null,
    order: "asc" | "desc",
  ): Promise<Page<ThreadMetadata>> {
    return paginate([...this.threads.values()], limit, after, order);
  }
  async loadThreadItems(
    threadId: string,
    after: string | null,
    limit: number,
    order: "asc" | "desc",
  ) {
    return paginate(this.items.get(threadId) ?? [], limit, after, order);
  }
  async addThreadItem(threadId: string, item: ThreadItem) {
    const list = this.items.get(threadId) ?? [];
    list.push(item);
    this.items.set(threadId, list);
  }
  async saveItem(threadId: string, item: ThreadItem) {
    const list = this.items.get(threadId) ?? [];
    const index = list.findIndex((other) => other.id === item.id);
    if (index === -1) list.push(item);
    else list[index] = item;
    this.items.set(threadId, list);
  }
  async loadItem(threadId: string, itemId: string) {
    const item = this.items.get(threadId)?.find((other) => other.id === itemId);
    if (!item) throw new NotFoundError(`Item ${itemId} not found`);
    return item;
  }
  async deleteThreadItem(threadId: string, itemId: string) {
    this.items.set(
      threadId,
      (this.items.get(threadId) ?? []).filter((item) => item.id !== itemId),
    );
  }
  async saveAttachment(attachment: Attachment) {
    this.attachments.set(attachment.id, attachment);
  }
  async loadAttachment(id: string) {
    const attachment = this.attachments.get(id);
    if (!attachment) throw new NotFoundError(`Attachment ${id} not found`);
    return attachment;
  }
  async deleteAttachment(id: string) {
    this.attachments.delete(id);
  }
}

function paginate<T extends { id: string }>(
  all: T[],
  limit: number,
  after: string | null,
  order: "asc" | "desc",
): Page<T> {
  const list = order === "asc" ? all : [...all].reverse();
  const start = after ? list.findIndex((entry) => entry.id === after) + 1 : 0;
  const data = list.slice(start, start + limit);
  const hasMore = start + limit < list.length;
  return { data, has_more: hasMore, after: hasMore ? (data.at(-1)?.id ?? null) : null } as Page<T>;
}

class PeerBenchServer extends ChatKitServer<Ctx> {
  async *respond(
    thread: ThreadMetadata,
    input: UserMessageItem | null,
    context: Ctx,
  ): AsyncGenerator<ThreadStreamEvent> {
    const first = input?.content[0];
    const text = first && "text" in first ? first.text : "";
    yield* this.reply(thread, text, context);
  }

  override async *action(
    thread: ThreadMetadata,
    _action: unknown,
    sender: WidgetItem | null,
    context: Ctx,
  ): AsyncGenerator<ThreadStreamEvent> {
    if (sender) {
      yield {
        type: "thread.item.updated",
        item_id: sender.id,
        update: { type: "widget.root.updated", widget: card(50, "v2") },
      } as unknown as ThreadStreamEvent;
    }
    yield* this.reply(thread, "short", context);
  }

  private async *reply(
    thread: ThreadMetadata,
    text: string,
    context: Ctx,
  ): AsyncGenerator<ThreadStreamEvent> {
    const id = this.store.generateItemId("message", thread, context);
    for (const event of replyEvents(commandOf(text), thread.id, id)) {
      yield event as unknown as ThreadStreamEvent;
    }
  }
}

const server = new PeerBenchServer(new PeerMemoryStore());
// The peer logs every new thread's input with console.log; keep it off the bench's stdout protocol.
console.log = () => {};

const httpServer = http.createServer(async (req, res) => {
  try {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const result = await server.process(Buffer.concat(chunks).toString("utf8"), {
      userId: "bench",
    });
    if (result.isStreaming) {
      res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
      for await (const chunk of result) {
        if (!res.write(chunk)) await once(res, "drain");
      }
      res.end();
    } else {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(result.toString());
    }
  } catch {
    if (!res.headersSent) res.writeHead(500);
    res.end();
  }
});
httpServer.listen(Number(process.env.PORT ?? 0), "127.0.0.1", () => {
  const address = httpServer.address();
  process.stdout.write(`ready ${typeof address === "object" && address ? address.port : 0}\n`);
});

// An orderly exit, so that `--cpu-prof` (BENCH_CPU_PROF) writes this server's profile too.
process.on("SIGTERM", () => process.exit(0));
