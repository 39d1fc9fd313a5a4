import {
  type ChatKitRequest,
  formatZodError,
  isStreamingReq,
  parseRequest,
  REQUEST_TYPES,
  STREAMING_REQUEST_TYPES,
  schemas,
} from "@threadkit/core";
import { describe, expect, it } from "vitest";

const input = {
  content: [
    { type: "input_text", text: "Hello" },
    {
      type: "input_tag",
      id: "u1",
      text: "Ada",
      data: { k: "v" },
      group: "People",
      interactive: true,
    },
  ],
  attachments: ["atc_1"],
  quoted_text: "quoted",
  inference_options: { tool_choice: { id: "search" }, model: "gpt-5" },
};

/** One valid body of each of the 16 request types. */
const valid: Record<ChatKitRequest["type"], unknown> = {
  "threads.create": { type: "threads.create", params: { input } },
  "threads.add_user_message": {
    type: "threads.add_user_message",
    params: { thread_id: "thr_1", input: { content: [], attachments: [], inference_options: {} } },
  },
  "threads.add_client_tool_output": {
    type: "threads.add_client_tool_output",
    params: { thread_id: "thr_1", result: { lat: 1 } },
  },
  "threads.add_structured_input": {
    type: "threads.add_structured_input",
    params: {
      thread_id: "thr_1",
      item_id: "si_1",
      input: { status: "answered", answers: { q1: { values: ["Math"], skipped: false } } },
    },
  },
  "threads.retry_after_item": {
    type: "threads.retry_after_item",
    params: { thread_id: "thr_1", item_id: "msg_1" },
  },
  "threads.custom_action": {
    type: "threads.custom_action",
    params: {
      thread_id: "thr_1",
      item_id: "msg_2",
      action: { type: "todo.add", payload: { a: 1 } },
    },
  },
  "threads.sync_custom_action": {
    type: "threads.sync_custom_action",
    params: { thread_id: "thr_1", item_id: null, action: { type: "todo.toggle" } },
  },
  "threads.get_by_id": { type: "threads.get_by_id", params: { thread_id: "thr_1" } },
  "threads.list": { type: "threads.list", params: { limit: 10, order: "asc", after: "thr_0" } },
  "items.list": { type: "items.list", params: { thread_id: "thr_1" } },
  "threads.update": { type: "threads.update", params: { thread_id: "thr_1", title: "Trip" } },
  "threads.delete": { type: "threads.delete", params: { thread_id: "thr_1" } },
  "items.feedback": {
    type: "items.feedback",
    params: { thread_id: "thr_1", item_ids: ["msg_2"], kind: "positive" },
  },
  "attachments.create": {
    type: "attachments.create",
    params: { name: "a.png", size: 1024, mime_type: "image/png" },
  },
  "attachments.delete": { type: "attachments.delete", params: { attachment_id: "atc_1" } },
  "input.transcribe": {
    type: "input.transcribe",
    params: { audio_base64: "AAAA", mime_type: "audio/webm;codecs=opus" },
    metadata: { locale: "en" },
  },
};

function message(body: unknown): string {
  const result = parseRequest(body);
  if (result.ok) throw new Error(`expected a parse error for ${JSON.stringify(body)}`);
  return result.message;
}

describe("ChatKitRequest", () => {
  it("knows the 16 request types, 6 of them streaming", () => {
    expect(REQUEST_TYPES).toHaveLength(16);
    expect(new Set(REQUEST_TYPES)).toEqual(new Set(Object.keys(valid)));
    expect([...STREAMING_REQUEST_TYPES].sort()).toEqual(
      [
        "threads.add_client_tool_output",
        "threads.add_structured_input",
        "threads.add_user_message",
        "threads.create",
        "threads.custom_action",
        "threads.retry_after_item",
      ].sort(),
    );
  });

  for (const [type, body] of Object.entries(valid)) {
    it(`parses ${type}`, () => {
      const result = parseRequest(body);
      expect(result).toMatchObject({ ok: true, value: { type } });
      if (!result.ok) return;
      expect(isStreamingReq(result.value)).toBe(
        (STREAMING_REQUEST_TYPES as readonly string[]).includes(type),
      );
      expect(schemas.ChatKitRequest.parse(body)).toEqual(result.value);
    });
  }

  it("treats sync_custom_action as non-streaming", () => {
    const req = schemas.ChatKitRequest.parse(valid["threads.sync_custom_action"]);
    expect(isStreamingReq(req)).toBe(false);
    expect(schemas.NonStreamingReq.safeParse(req).success).toBe(true);
    expect(schemas.StreamingReq.safeParse(req).success).toBe(false);
  });

  it("fills ChatKit's defaults: metadata {}, order desc, tag data/interactive", () => {
    const list = schemas.ChatKitRequest.parse({ type: "items.list", params: { thread_id: "t" } });
    expect(list).toEqual({
      type: "items.list",
      params: { thread_id: "t", order: "desc" },
      metadata: {},
    });
    const answer = schemas.ThreadsAddStructuredInputReq.parse({
      type: "threads.add_structured_input",
      params: { thread_id: "t", item_id: "i", input: { answers: { q: {} } } },
    });
    expect(answer.params.input).toEqual({
      status: "answered",
      answers: { q: { values: [], skipped: false } },
    });
  });

  it("ignores unknown extra keys, including an action's handler", () => {
    const req = schemas.ChatKitRequest.parse({
      type: "threads.custom_action",
      params: {
        thread_id: "t",
        action: { type: "go", handler: "server", loadingBehavior: "auto", streaming: true },
        extra: 1,
      },
      extra: true,
    });
    expect(req).toEqual({
      type: "threads.custom_action",
      params: { thread_id: "t", action: { type: "go" } },
      metadata: {},
    });
  });

  it("accepts a null tool result but not a missing one", () => {
    const ok = parseRequest({
      type: "threads.add_client_tool_output",
      params: { thread_id: "t", result: null },
    });
    expect(ok.ok).toBe(true);
    expect(message({ type: "threads.add_client_tool_output", params: { thread_id: "t" } })).toBe(
      "params.result: required",
    );
  });
});

describe("bad requests", () => {
  it("names the path and the expectation", () => {
    expect(
      message({ type: "threads.custom_action", params: { thread_id: "t", action: { type: 7 } } }),
    ).toBe("params.action.type: expected string");
  });

  it("requires params, even on threads.list", () => {
    expect(message({ type: "threads.list" })).toBe("params: required");
    expect(message({ type: "threads.list", params: null })).toBe("params: expected object");
  });

  it("rejects an unknown or missing type", () => {
    expect(message({ type: "foo", params: {} })).toBe('type: unknown request type "foo"');
    expect(message({ params: {} })).toBe("type: required");
    expect(message({ type: 3, params: {} })).toBe("type: expected string");
    expect(message("threads.list")).toBe("expected object");
    expect(message(null)).toBe("expected object");
  });

  it("lists enum options and array indexes", () => {
    expect(message({ type: "items.list", params: { thread_id: "t", order: "up" } })).toBe(
      'params.order: expected one of "asc" | "desc"',
    );
    expect(
      message({
        type: "items.feedback",
        params: { thread_id: "t", item_ids: ["a", 2], kind: "x" },
      }),
    ).toBe(
      'params.item_ids.1: expected string; params.kind: expected one of "positive" | "negative"',
    );
    expect(
      message({
        type: "threads.create",
        params: { input: { ...input, content: [{ type: "input_txt", text: "x" }] } },
      }),
    ).toBe(
      'params.input.content.0.type: unknown type "input_txt", expected one of "input_text" | "input_tag"',
    );
  });

  it("never coerces", () => {
    expect(
      message({ type: "attachments.create", params: { name: "a", size: "12", mime_type: "x" } }),
    ).toBe("params.size: expected number");
    expect(
      message({ type: "attachments.create", params: { name: "a", size: 1.5, mime_type: "x" } }),
    ).toBe("params.size: expected integer");
    expect(message({ type: "threads.list", params: { limit: "5" } })).toBe(
      "params.limit: expected number",
    );
  });

  it("requires inference_options and attachments on a user message input", () => {
    expect(message({ type: "threads.create", params: { input: { content: [] } } })).toBe(
      "params.input.attachments: required; params.input.inference_options: required",
    );
  });

  it("formats a raw ZodError the same way", () => {
    const body = { type: "threads.delete", params: { thread_id: 1 } };
    const result = schemas.ChatKitRequest.safeParse(body, { reportInput: true });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(formatZodError(result.error)).toBe("params.thread_id: expected string");
    const missing = schemas.ChatKitRequest.safeParse({ type: "threads.delete", params: {} });
    if (missing.success) throw new Error("should fail");
    expect(formatZodError(missing.error, { type: "threads.delete", params: {} })).toBe(
      "params.thread_id: required",
    );
  });
});
