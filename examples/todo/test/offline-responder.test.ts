import type { ThreadItem } from "@threadkit/core";
import { describe, expect, it } from "vitest";
import {
  HELP,
  intentOf,
  latestUserAction,
  replyToAction,
  threadTitle,
  tooLong,
} from "../src/responder/offline.js";
import { deltas } from "../src/responder/stream-text.js";
import { userActionText } from "../src/user-action.js";

const base = { thread_id: "thr_1", created_at: "2026-11-29T10:00:00.000Z" };

describe("offline responder", () => {
  it("understands 'add <title>', anything about todos, and nothing else", () => {
    expect(intentOf("add Buy milk")).toEqual({ kind: "add", title: "Buy milk" });
    expect(intentOf("Add a todo: call mom")).toEqual({ kind: "add", title: "call mom" });
    expect(intentOf("show my todos")).toEqual({ kind: "list" });
    expect(intentOf("What's on my TODO list?")).toEqual({ kind: "list" });
    expect(intentOf("hello")).toEqual({ kind: "help" });
    expect(intentOf("address book")).toEqual({ kind: "help" });
    expect(HELP).toContain("stand-in for a model");
  });

  it("reads the newest <USER_ACTION> since the last message", () => {
    const hidden = (id: string, type: string, text: string): ThreadItem => ({
      ...base,
      id,
      type: "hidden_context_item",
      content: userActionText({ type, text }),
    });
    const items: ThreadItem[] = [
      hidden("h2", "todo.complete", "The user marked “Milk” as done."),
      hidden("h1", "todo.edit", "The user opened the edit form of “Milk”."),
      { ...base, id: "m1", type: "assistant_message", content: [] },
      hidden("h0", "todo.add", "old"),
    ];
    expect(latestUserAction(items)).toEqual({
      type: "todo.complete",
      text: "The user marked “Milk” as done.",
    });
    expect(latestUserAction(items.slice(2))).toBeNull();
  });

  it("answers about what the user did, in the second person", () => {
    expect(
      replyToAction({ type: "todo.complete", text: "The user marked “Milk” as done." }, 2),
    ).toBe("You marked “Milk” as done. 2 todos are still open.");
    expect(replyToAction({ type: "todo.reopen", text: "The user reopened “Milk”." }, 1)).toBe(
      "You reopened “Milk”. You have 1 open todo.",
    );
    expect(replyToAction({ type: "todo.complete", text: "“Milk” was already done." }, 1)).toBe(
      "“Milk” was already done. 1 todo is still open.",
    );
  });

  it("refuses an over-long title and names threads by intent, cut at a word", () => {
    expect(intentOf(`add ${"x".repeat(121)}`)).toEqual({ kind: "too-long", length: 121 });
    expect(intentOf(`add ${"x".repeat(120)}`)).toEqual({ kind: "add", title: "x".repeat(120) });
    expect(tooLong(550)).toContain("550 characters long");
    expect(threadTitle({ kind: "add", title: "Buy milk" }, "add Buy milk")).toBe("Todos: Buy milk");
    expect(threadTitle({ kind: "list" }, "show my todos")).toBe("Todo list");
    expect(
      threadTitle({ kind: "help" }, "what is the weather going to be like tomorrow in Lisbon?"),
    ).toBe("What is the weather going to be like tomorrow in…");
  });

  it("streams in word-sized deltas that add up to the text", () => {
    const text = "You marked “Milk” as done.  2 todos are still open.";
    const parts = deltas(text);
    expect(parts).toHaveLength(10);
    expect(parts[4]).toBe("done.  ");
    expect(parts.join("")).toBe(text);
  });
});
