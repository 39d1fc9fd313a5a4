/**
 * The loopback server of the client scenario: the page, the real bundle, and a canned ChatKit
 * responder whose answers are built before they are asked for, so the timings are the client's.
 */

import { readFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { card, DELTA, now } from "./fixtures.js";

/** Thread ids the responder knows. */
export const THREADS = {
  /** 1,000 visible items (alternating user and assistant messages), in one page. */
  big: "thr_big",
  /** One widget item holding a 200-node card; `threads.custom_action` replaces its root. */
  widget: "thr_widget",
  /** Empty; `threads.add_user_message` streams a 5,000-delta assistant message. */
  stream: "thr_stream",
} as const;

export const WIDGET_ITEM_ID = "wdg_bench";
export const BIG_ITEMS = 1000;
export const CARD_NODES = 200;
export const STREAM_DELTAS = 5000;

const PAGE = `<!doctype html>
<html><head><meta charset="utf-8"><title>threadkit bench</title>
<style>html,body{margin:0;height:100%}threadkit-chat{display:block;height:100vh}</style>
<script type="module" src="/threadkit.js"></script></head><body></body></html>`;

const frame = (event: unknown) => `data: ${JSON.stringify(event)}\n\n`;

function thread(id: string, items: unknown[]) {
  return {
    id,
    created_at: now(),
    status: { type: "active" },
    metadata: {},
    items: { data: items, has_more: false },
  };
}

function message(threadId: string, i: number) {
  const base = { id: `msg_${i}`, thread_id: threadId, created_at: now() };
  if (i % 2 === 0) {
    return {
      ...base,
      type: "user_message",
      content: [{ type: "input_text", text: `Question ${i}: ${DELTA}` }],
      attachments: [],
      inference_options: {},
    };
  }
  return {
    ...base,
    type: "assistant_message",
    content: [{ type: "output_text", text: `Answer ${i}. ${DELTA}`, annotations: [] }],
  };
}

function widgetItem(label: string) {
  return {
    type: "widget",
    id: WIDGET_ITEM_ID,
    thread_id: THREADS.widget,
    created_at: now(),
    widget: card(CARD_NODES, label),
  };
}

function streamBody(deltas: number): string {
  const id = "msg_streamed";
  const base = { type: "assistant_message", id, thread_id: THREADS.stream, created_at: now() };
  const user = {
    type: "user_message",
    id: "msg_user",
    thread_id: THREADS.stream,
    created_at: now(),
    content: [{ type: "input_text", text: "stream" }],
    attachments: [],
    inference_options: {},
  };
  const parts = [
    frame({ type: "thread.item.done", item: user }),
    frame({ type: "stream_options", stream_options: { allow_cancel: true } }),
    frame({ type: "thread.item.added", item: { ...base, content: [] } }),
  ];
  const delta = frame({
    type: "thread.item.updated",
    item_id: id,
    update: { type: "assistant_message.content_part.text_delta", content_index: 0, delta: DELTA },
  });
  for (let i = 0; i < deltas; i++) parts.push(delta);
  const text = DELTA.repeat(deltas);
  parts.push(
    frame({
      type: "thread.item.done",
      item: { ...base, content: [{ type: "output_text", text, annotations: [] }] },
    }),
  );
  return parts.join("");
}

/** Starts the page server on 127.0.0.1; `close()` stops it. */
export async function startPageServer(bundlePath: string, deltas = STREAM_DELTAS) {
  const bundle = readFileSync(bundlePath);
  const big = JSON.stringify(
    thread(
      THREADS.big,
      Array.from({ length: BIG_ITEMS }, (_, i) => message(THREADS.big, i)),
    ),
  );
  const widget = JSON.stringify(thread(THREADS.widget, [widgetItem("v0")]));
  const empty = JSON.stringify(thread(THREADS.stream, []));
  const streamed = streamBody(deltas);
  // Each action gets a new label, so every round changes every text node of the card.
  const labels = Array.from({ length: 64 }, (_, i) => widgetItem(`r${i + 1}`).widget);
  let actions = 0;

  const chatkit = (body: string, res: http.ServerResponse) => {
    const request = JSON.parse(body) as { type: string; params: { thread_id?: string } };
    const sse = (text: string) => {
      res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
      res.end(text);
    };
    switch (request.type) {
      case "threads.get_by_id": {
        const id = request.params.thread_id;
        const json = id === THREADS.big ? big : id === THREADS.widget ? widget : empty;
        res.writeHead(200, { "content-type": "application/json" });
        res.end(json);
        return;
      }
      case "threads.custom_action": {
        const root = labels[actions++ % labels.length];
        sse(
          frame({ type: "stream_options", stream_options: { allow_cancel: true } }) +
            frame({
              type: "thread.item.updated",
              item_id: WIDGET_ITEM_ID,
              update: { type: "widget.root.updated", widget: root },
            }),
        );
        return;
      }
      case "threads.add_user_message":
        sse(streamed);
        return;
      default:
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify({ data: [], has_more: false }));
    }
  };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      if (req.url === "/chatkit") return chatkit(Buffer.concat(chunks).toString("utf8"), res);
      if (req.url === "/threadkit.js") {
        res.writeHead(200, { "content-type": "text/javascript" });
        return res.end(bundle);
      }
      if (req.url === "/") {
        res.writeHead(200, { "content-type": "text/html" });
        return res.end(PAGE);
      }
      res.writeHead(404).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
