import { request } from "node:http";
import type { ThreadStreamEvent } from "@threadkit/core";
import { HttpError } from "@threadkit/server";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { makeApp, storedItems } from "./helpers/app.js";
import {
  ADAPTERS,
  type AdapterKind,
  httpClient,
  type Running,
  startAdapter,
} from "./helpers/http.js";
import { assistantMessage, USER, userInput } from "./helpers/server.js";

/** Status, headers and parsed body of a raw request (any method, any body). */
async function send(url: string, init: RequestInit) {
  const res = await fetch(url, init);
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {}
  return { status: res.status, headers: res.headers, body };
}

/** A chunked POST (no Content-Length) of `total` bytes, written in 16 KiB pieces. */
function postChunked(url: string, total: number): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: "POST", headers: { "content-type": "application/json" } });
    req.on("response", (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => {
        body += chunk;
      });
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("error", reject);
    const piece = "x".repeat(16 * 1024);
    const write = (left: number): void => {
      if (left <= 0) return void req.end();
      const ok = req.write(piece.slice(0, Math.min(left, piece.length)));
      if (ok) write(left - piece.length);
      else req.once("drain", () => write(left - piece.length));
    };
    write(total);
  });
}

/** Every 4xx/5xx body is exactly {"error":{"code","message"}}. */
function expectErrorBody(body: unknown, code: string, message?: string | RegExp): void {
  expect(Object.keys(body as object)).toEqual(["error"]);
  const error = (body as { error: Record<string, unknown> }).error;
  expect(Object.keys(error).sort()).toEqual(["code", "message"]);
  expect(error.code).toBe(code);
  expect(typeof error.message).toBe("string");
  if (message instanceof RegExp) expect(error.message).toMatch(message);
  else if (message !== undefined) expect(error.message).toBe(message);
}

describe.each(ADAPTERS)("%s adapter: bad input", (kind: AdapterKind) => {
  let app: ReturnType<typeof makeApp>;
  let running: Running;
  beforeEach(async () => {
    app = makeApp();
    running = await startAdapter(kind, app.server, { maxBodyBytes: 64 * 1024 });
  });
  afterEach(() => running.close());

  const post = (body: string) =>
    send(running.url, { method: "POST", body, headers: { "content-type": "application/json" } });

  it("400 invalid_request naming the path and the expectation", async () => {
    const cases: Array<[string, string | RegExp]> = [
      ["not json", "Request body is not valid JSON"],
      ["", "Request body is not valid JSON"],
      ['{"type":"threads.list"', "Request body is not valid JSON"],
      ["[1,2]", "Request body must be a JSON object"],
      ['"threads.list"', "Request body must be a JSON object"],
      ["null", "Request body must be a JSON object"],
      ['{"type":"nope","params":{}}', 'type: unknown request type "nope"'],
      ['{"params":{}}', "type: required"],
      ['{"type":7,"params":{}}', "type: expected string"],
      ['{"type":"threads.list"}', "params: required"],
      [
        '{"type":"threads.custom_action","params":{"thread_id":"t","action":{"type":1}}}',
        "params.action.type: expected string",
      ],
      ['{"type":"threads.list","params":{"order":"up"}}', /^params\.order: expected one of/],
      ['{"type":"threads.list","params":{"limit":"5"}}', "params.limit: expected number"],
      [
        '{"type":"items.feedback","params":{"thread_id":"t","item_ids":[1],"kind":"positive"}}',
        "params.item_ids.0: expected string",
      ],
      ['{"type":"threads.get_by_id","params":{}}', "params.thread_id: required"],
      [
        '{"type":"threads.create","params":{"input":{"content":[{"type":"input_text"}],"attachments":[],"inference_options":{}}}}',
        /^params\.input\.content\.0\.text: required/,
      ],
      [
        '{"type":"input.transcribe","params":{"audio_base64":"***","mime_type":"audio/webm"}}',
        "params.audio_base64: expected base64",
      ],
    ];
    for (const [body, message] of cases) {
      const res = await post(body);
      expect([body, res.status]).toEqual([body, 400]);
      expect(res.headers.get("content-type")).toBe("application/json");
      expectErrorBody(res.body, "invalid_request", message);
    }
    expect(await app.store.loadThreads(10, null, "desc", USER)).toEqual({
      data: [],
      has_more: false,
    });
  });

  it("refuses bodies nested deeper than the limit before touching anything", async () => {
    const deep = `${"[".repeat(5000)}1${"]".repeat(5000)}`;
    const res = await post(
      `{"type":"threads.create","params":{"input":${JSON.stringify(userInput("x"))}},"metadata":{"a":${deep}}}`,
    );
    expect(res.status).toBe(400);
    expectErrorBody(res.body, "invalid_request", /nested deeper than 100 levels/);
    expect((await app.store.loadThreads(10, null, "desc", USER)).data).toEqual([]);
  });

  it("413 payload_too_large over maxBodyBytes, declared or chunked", async () => {
    const big = JSON.stringify({
      type: "threads.list",
      params: {},
      metadata: { pad: "x".repeat(70_000) },
    });
    const declared = await post(big);
    expect(declared.status).toBe(413);
    expectErrorBody(declared.body, "payload_too_large", "Request body exceeds 65536 bytes");
    const chunked = await postChunked(running.url, 200 * 1024);
    expect(chunked.status).toBe(413);
    expectErrorBody(JSON.parse(chunked.body), "payload_too_large");
    // The server is still healthy afterwards.
    const ok = await post('{"type":"threads.list","params":{}}');
    expect(ok).toMatchObject({ status: 200, body: { data: [], has_more: false } });
  });

  it("405 method_not_allowed with Allow: POST", async () => {
    for (const method of ["GET", "PUT", "DELETE", "PATCH"]) {
      const res = await send(running.url, {
        method,
        body: method === "GET" ? undefined : "{}",
      });
      expect([method, res.status, res.headers.get("allow")]).toEqual([method, 405, "POST"]);
      expectErrorBody(res.body, "method_not_allowed", `Method ${method} not allowed`);
    }
  });

  it("404 before any stream starts for a missing thread or item", async () => {
    const client = httpClient(running);
    const created = await client.stream("threads.create", { input: userInput("Hi") });
    const threadId = (created[0]?.thread as { id: string }).id;
    const action = { type: "go" };
    const cases: Array<[string, Record<string, unknown>, string]> = [
      ["threads.add_user_message", { thread_id: "thr_missing", input: userInput("x") }, "Thread"],
      ["threads.custom_action", { thread_id: "thr_missing", action }, "Thread"],
      ["threads.custom_action", { thread_id: threadId, item_id: "msg_missing", action }, "Item"],
      ["threads.retry_after_item", { thread_id: "thr_missing", item_id: "x" }, "Thread"],
      ["threads.add_client_tool_output", { thread_id: "thr_missing", result: null }, "Thread"],
      [
        "threads.add_structured_input",
        { thread_id: threadId, item_id: "si_missing", input: { answers: {} } },
        "Item",
      ],
      ["threads.sync_custom_action", { thread_id: threadId, item_id: "nope", action }, "Item"],
      ["items.list", { thread_id: "thr_missing" }, "Thread"],
      ["threads.update", { thread_id: "thr_missing", title: "x" }, "Thread"],
      ["threads.delete", { thread_id: "thr_missing" }, "Thread"],
      [
        "threads.create",
        { input: { ...userInput("x"), attachments: ["atc_missing"] } },
        "Attachment",
      ],
      ["attachments.delete", { attachment_id: "atc_missing" }, "Attachment"],
    ];
    for (const [type, params, what] of cases) {
      const res = await post(JSON.stringify({ type, params }));
      expect([type, res.status, res.headers.get("content-type")]).toEqual([
        type,
        404,
        "application/json",
      ]);
      expectErrorBody(res.body, "not_found", new RegExp(`^${what} \\S+ not found`));
    }
    expect((await app.store.loadThreads(10, null, "desc", USER)).data).toHaveLength(1);
    expect(await storedItems(app.store, threadId, USER)).toHaveLength(2);
  });

  it("400 before the stream for broken preconditions; a non-widget sender gets one error event", async () => {
    const client = httpClient(running);
    const created = await client.stream("threads.create", { input: userInput("Hi") });
    const threadId = (created[0]?.thread as { id: string }).id;
    const answerId = (created[3]?.item as { id: string }).id;
    const tool = await post(
      JSON.stringify({
        type: "threads.add_client_tool_output",
        params: { thread_id: threadId, result: 1 },
      }),
    );
    expect(tool.status).toBe(400);
    expectErrorBody(tool.body, "invalid_request", /not a pending client tool call/);
    const retry = await post(
      JSON.stringify({
        type: "threads.retry_after_item",
        params: { thread_id: threadId, item_id: answerId },
      }),
    );
    expect(retry.status).toBe(400);
    expectErrorBody(retry.body, "invalid_request", /is not a user message/);
    const events = await client.stream("threads.custom_action", {
      thread_id: threadId,
      item_id: answerId,
      action: { type: "go" },
    });
    expect(events).toEqual([{ type: "error", code: "stream.error", allow_retry: false }]);
  });
});

describe.each(ADAPTERS)("%s adapter: default body limit", (kind: AdapterKind) => {
  let running: Running | undefined;
  afterEach(() => running?.close());

  it("is 1 MiB: just under is parsed, just over is 413", async () => {
    running = await startAdapter(kind, makeApp().server);
    const MiB = 1024 * 1024;
    const body = (size: number) => {
      const head = '{"type":"threads.list","params":{},"metadata":{"pad":"';
      const tail = '"}}';
      return head + "x".repeat(size - head.length - tail.length) + tail;
    };
    const under = await send(running.url, { method: "POST", body: body(MiB) });
    expect(under.status).toBe(200);
    const over = await send(running.url, { method: "POST", body: body(MiB + 1) });
    expect(over.status).toBe(413);
    expectErrorBody(over.body, "payload_too_large", `Request body exceeds ${MiB} bytes`);
  });
});

describe.each(ADAPTERS)("%s adapter: failures and logging", (kind: AdapterKind) => {
  let running: Running | undefined;
  afterEach(async () => {
    await running?.close();
    vi.restoreAllMocks();
  });
  const SECRET = "my-secret-diary-entry";

  it("a refused context answers its HttpError; a crash is a generic 500; no body or text is logged", async () => {
    const logged: string[] = [];
    for (const level of ["log", "info", "warn", "error", "debug"] as const) {
      vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
        logged.push(args.map(String).join(" "));
      });
    }
    const app = makeApp({
      async *respond(thread) {
        yield {
          type: "thread.item.done",
          item: assistantMessage(thread.id, "msg_1", "partial"),
        } as ThreadStreamEvent;
        throw new Error(`model failed on ${SECRET}`);
      },
      addFeedback() {
        throw new Error(`feedback store failed on ${SECRET}`);
      },
    });
    running = await startAdapter(kind, app.server);
    const client = httpClient(running);
    const events = await client.stream("threads.create", { input: userInput(SECRET) });
    expect(events.at(-1)).toEqual({ type: "error", code: "stream.error", allow_retry: true });
    const threadId = (events[0]?.thread as { id: string }).id;
    const crash = await client.fail({
      type: "items.feedback",
      params: { thread_id: threadId, item_ids: ["msg_1"], kind: "positive" },
    });
    expect(crash.status).toBe(500);
    expectErrorBody(crash.body, "internal_error", "Internal server error");
    const bad = await client.fail({ type: "threads.list", params: { order: SECRET } });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).not.toContain(SECRET);
    expect(logged.length).toBeGreaterThan(0);
    expect(logged.join("\n")).not.toContain(SECRET);
  });

  it("a client that disconnects mid-body is not an error: nothing logged, server healthy", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    running = await startAdapter(kind, makeApp().server);
    const url = running.url;
    await new Promise<void>((resolve) => {
      const req = request(url, {
        method: "POST",
        headers: { "content-type": "application/json", "content-length": "1000" },
      });
      req.on("error", () => resolve());
      req.on("close", () => resolve());
      req.write('{"type":"threads.list",', () => setTimeout(() => req.destroy(), 50));
    });
    const ok = await send(url, { method: "POST", body: '{"type":"threads.list","params":{}}' });
    expect(ok.status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(logged).not.toHaveBeenCalled();
  });

  it("getContext may refuse with an HttpError (401)", async () => {
    const app = makeApp();
    const { createNodeHandler, createFetchHandler } = await import("@threadkit/server");
    const { createServer } = await import("node:http");
    const { serveFetch } = await import("./helpers/http.js");
    const getContext = (): never => {
      throw new HttpError(401, "unauthorized", "Sign in first");
    };
    const http = createServer(
      kind === "node"
        ? createNodeHandler(app.server, { getContext })
        : serveFetch(createFetchHandler(app.server, { getContext })),
    );
    await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
    const { port } = http.address() as { port: number };
    running = {
      url: `http://127.0.0.1:${port}/`,
      origin: "",
      close: () => new Promise((resolve) => http.close(() => resolve())),
    };
    const res = await send(running.url, {
      method: "POST",
      body: '{"type":"threads.list","params":{}}',
    });
    expect(res.status).toBe(401);
    expectErrorBody(res.body, "unauthorized", "Sign in first");
  });
});
