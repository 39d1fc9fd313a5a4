import type { ThreadItem } from "@threadkit/core";
import { describe, expect, it } from "vitest";
import { en } from "../src/i18n/en.js";
import { createI18n } from "../src/i18n/index.js";
import { announcement } from "../src/ui/announce.js";
import { errorText as errorTextIn } from "../src/ui/error-text.js";

const { t } = createI18n("en");
const errorText = (e: Parameters<typeof errorTextIn>[0]) => errorTextIn(e, t);

const base = { thread_id: "thr_1", created_at: "2026-12-01T00:00:00.000Z" };
const widget: ThreadItem = {
  ...base,
  id: "w1",
  type: "widget",
  widget: { type: "Card", children: [{ type: "Title", value: "Todos" }] },
} as ThreadItem;
const reply = (id: string, text: string): ThreadItem =>
  ({
    ...base,
    id,
    type: "assistant_message",
    content: [{ type: "output_text", text, annotations: [] }],
  }) as ThreadItem;

describe("announcement after a widget action", () => {
  it("reads the replies the action added, without Markdown marks", () => {
    const items = [widget, reply("m1", "old"), reply("m2", "You marked **Eggs** as done.")];
    expect(announcement(new Set(["w1", "m1"]), items, "w1", t)).toBe("You marked Eggs as done.");
  });

  it("says the widget was updated when nothing was added, named by its first Title", () => {
    expect(announcement(new Set(["w1"]), [widget], "w1", t)).toBe("Todos updated");
    expect(announcement(new Set(), [], "gone", t)).toBe("Updated");
  });

  it("keeps long replies short", () => {
    const text = announcement(new Set(), [reply("m1", "word ".repeat(200))], "w1", t);
    expect(text.length).toBeLessThanOrEqual(301);
  });
});

describe("error row text", () => {
  it("shows a server's message for people as is", () => {
    expect(errorText({ code: "custom", message: "The calendar is down.", allowRetry: false })).toBe(
      "The calendar is down.",
    );
  });

  it("replaces developer text of failed requests with a sentence", () => {
    expect(
      errorText({ code: "request", message: "TypeError: Failed to fetch", allowRetry: true }),
    ).toBe(en.errorNetwork);
    expect(
      errorText({
        code: "request",
        message: 'ChatKit request failed (500): {"stack":"at x"}',
        allowRetry: true,
      }),
    ).toBe(en.errorGeneric);
    expect(
      errorText({ code: "load", message: "ChatKit request failed (404): nope", allowRetry: false }),
    ).toBe(en.errorThreadNotFound);
    expect(errorText({ code: "stream.error", allowRetry: true })).toBe(en.errorGeneric);
  });
});
