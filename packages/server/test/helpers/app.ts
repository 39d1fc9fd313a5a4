import type { ThreadItem, ThreadStreamEvent } from "@threadkit/core";
import { Button, Card, Text } from "@threadkit/core";
import type { ChatKitServerOptions, Store } from "@threadkit/server";
import { FakeAttachmentStore } from "./attachments.js";
import {
  assistantMessage,
  type Ctx,
  type Hooks,
  makeStore,
  now,
  TEST_ACTIONS,
  TestServer,
} from "./server.js";

/** Declares the actions the request tests send from it: `create_user` and `toggle`. */
export const ORIGINAL_CARD = Card({
  children: [
    Text({ value: "Create user?" }),
    Button({ label: "Toggle", onClickAction: { type: "toggle" } }),
  ],
  confirm: { label: "Create", action: { type: "create_user", payload: { user_id: "123" } } },
});
export const UPDATED_CARD = Card({ children: [Text({ value: "User created" })] });

/** What the app's hooks saw, for assertions. */
export interface Calls {
  feedback: Array<{ threadId: string; itemIds: string[]; kind: string; user: string }>;
  actions: Array<{ type: string; payload: unknown; sender: string | null; user: string }>;
  transcribed: Array<{ bytes: number[]; mime_type: string; media_type: string }>;
}

function done(item: Record<string, unknown>): ThreadStreamEvent {
  return { type: "thread.item.done", item } as ThreadStreamEvent;
}

/**
 * A server that exercises every request type: the first word of the user's text picks the
 * response ("tool" -> a pending client tool call, "ask" -> a pending structured input,
 * "widget" -> a widget, anything else -> "Response to: <text>"; no input -> "continued").
 * Actions update the sender widget in place; sync actions return it with the updated card.
 */
export function makeApp(
  extra: Hooks = {},
  store: Store<Ctx> = makeStore(),
  options: ChatKitServerOptions<Ctx> = { actions: TEST_ACTIONS },
): {
  server: TestServer;
  store: Store<Ctx>;
  files: FakeAttachmentStore;
  calls: Calls;
} {
  const files = new FakeAttachmentStore();
  const calls: Calls = { feedback: [], actions: [], transcribed: [] };
  let n = 0;
  const id = (prefix: string) => `${prefix}_${++n}_${Math.random().toString(16).slice(2, 8)}`;
  const hooks: Hooks = {
    async *respond(thread, input) {
      const text = input?.content.map((c) => ("text" in c ? c.text : "")).join("") ?? null;
      const base = { thread_id: thread.id, created_at: now() };
      if (text === null) {
        yield done(assistantMessage(thread.id, id("msg"), "continued"));
      } else if (text.startsWith("tool")) {
        yield done({
          ...base,
          type: "client_tool_call",
          id: id("tc"),
          status: "pending",
          call_id: "call_1",
          name: "get_location",
          arguments: { precise: true },
        });
      } else if (text.startsWith("ask")) {
        yield done({
          ...base,
          type: "structured_input",
          id: id("si"),
          status: "pending",
          inputs: [{ type: "freeform", id: "q1", question: "Why?" }],
        });
      } else if (text.startsWith("widget")) {
        yield* server.streamWidget(thread, ORIGINAL_CARD, { copyText: "card" });
      } else {
        yield done(assistantMessage(thread.id, id("msg"), `Response to: ${text}`));
      }
    },
    async *action(thread, action, sender, context) {
      calls.actions.push({ ...action, sender: sender?.id ?? null, user: context.userId });
      if (sender) yield* server.replaceWidgetRoot(thread, sender, UPDATED_CARD, context);
    },
    async syncAction(_thread, action, sender, context) {
      calls.actions.push({ ...action, sender: sender?.id ?? null, user: context.userId });
      return sender ? { updated_item: { ...sender, widget: UPDATED_CARD } } : {};
    },
    addFeedback(threadId, itemIds, kind, ctx) {
      calls.feedback.push({ threadId, itemIds, kind, user: ctx.userId });
    },
    async transcribe(audio) {
      calls.transcribed.push({
        bytes: [...audio.data],
        mime_type: audio.mime_type,
        media_type: audio.media_type,
      });
      return { text: "transcribed" };
    },
    ...extra,
  };
  const server = new TestServer(store, hooks, files, options);
  return { server, store, files, calls };
}

/** Every stored item of a thread, oldest first (hidden ones included). */
export async function storedItems(
  store: Store<Ctx>,
  threadId: string,
  ctx: Ctx,
): Promise<ThreadItem[]> {
  return (await store.loadThreadItems(threadId, null, 1000, "asc", ctx)).data;
}
