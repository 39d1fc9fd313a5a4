/**
 * The limit: a bare node:http server that parses the same JSON requests and writes the same SSE
 * bytes as the Threadkit bench server, with no framework, no validation and no store.
 */

import { once } from "node:events";
import http from "node:http";
import { card, commandOf, DELTA, inputText, now } from "../lib/fixtures.js";

let counter = 0;
const id = (prefix: string) => `${prefix}_${(++counter).toString(16).padStart(8, "0")}`;
const frame = (event: unknown) => `data: ${JSON.stringify(event)}\n\n`;
const threads: Array<Record<string, unknown>> = [];

async function write(res: http.ServerResponse, chunk: string): Promise<void> {
  if (!res.write(chunk)) await once(res, "drain");
}

function assistant(threadId: string, text: string) {
  return {
    type: "assistant_message",
    id: id("msg"),
    thread_id: threadId,
    created_at: now(),
    content: [{ type: "output_text", text, annotations: [] }],
  };
}

async function respond(res: http.ServerResponse, threadId: string, text: string): Promise<void> {
  const command = commandOf(text);
  if (command.kind === "idle") {
    const beat = setInterval(() => res.write(": keep-alive\n\n"), 15_000);
    res.on("close", () => clearInterval(beat));
    return new Promise(() => {});
  }
  if (command.kind === "widget") {
    const item = {
      type: "widget",
      id: id("msg"),
      thread_id: threadId,
      created_at: now(),
      widget: card(50),
    };
    await write(res, frame({ type: "thread.item.done", item }));
    return;
  }
  const message = assistant(threadId, "");
  await write(res, frame({ type: "thread.item.added", item: message }));
  const deltas = command.kind === "stream" ? command.deltas : 1;
  let full = "";
  for (let i = 0; i < deltas; i++) {
    full += DELTA;
    await write(
      res,
      frame({
        type: "thread.item.updated",
        item_id: message.id,
        update: {
          type: "assistant_message.content_part.text_delta",
          content_index: 0,
          delta: DELTA,
        },
      }),
    );
  }
  await write(
    res,
    frame({
      type: "thread.item.done",
      item: { ...message, content: [{ type: "output_text", text: full, annotations: [] }] },
    }),
  );
}

async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const request = JSON.parse(Buffer.concat(chunks).toString("utf8")) as {
    type: string;
    params: Record<string, unknown>;
  };
  const params = request.params;
  if (request.type === "threads.list") {
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ data: threads.slice(-20).reverse(), has_more: threads.length > 20 }));
    return;
  }
  if (request.type === "threads.sync_custom_action") {
    const item = {
      type: "widget",
      id: params.item_id,
      thread_id: params.thread_id,
      created_at: now(),
      widget: card(50, "v2"),
    };
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ updated_item: item }));
    return;
  }
  res.writeHead(200, {
    "content-type": "text/event-stream",
    "cache-control": "no-cache",
    "x-accel-buffering": "no",
  });
  let threadId = String(params.thread_id ?? "");
  if (request.type === "threads.create") {
    const thread = {
      id: id("thr"),
      created_at: now(),
      status: { type: "active" },
      metadata: {},
      items: { data: [], has_more: false },
    };
    threads.push(thread);
    threadId = thread.id;
    await write(res, frame({ type: "thread.created", thread }));
    const user = {
      type: "user_message",
      id: id("msg"),
      thread_id: threadId,
      created_at: now(),
      content: params.input && (params.input as { content: unknown }).content,
      attachments: [],
      inference_options: {},
    };
    await write(res, frame({ type: "thread.item.done", item: user }));
  }
  await write(res, frame({ type: "stream_options", stream_options: { allow_cancel: true } }));
  if (request.type === "threads.custom_action") {
    const item = {
      type: "widget",
      id: params.item_id,
      thread_id: threadId,
      created_at: now(),
      widget: card(50, "v2"),
    };
    await write(
      res,
      frame({
        type: "thread.item.updated",
        item_id: item.id,
        update: { type: "widget.root.updated", widget: item.widget },
      }),
    );
    await respond(res, threadId, "short");
  } else {
    await respond(res, threadId, inputText(params.input));
  }
  res.end();
}

const server = http.createServer((req, res) => {
  handle(req, res).catch(() => res.destroy());
});
server.listen(Number(process.env.PORT ?? 0), "127.0.0.1", () => {
  const address = server.address();
  console.log(`ready ${typeof address === "object" && address ? address.port : 0}`);
});

// An orderly exit, so that `--cpu-prof` (BENCH_CPU_PROF) writes this server's profile too.
process.on("SIGTERM", () => process.exit(0));
