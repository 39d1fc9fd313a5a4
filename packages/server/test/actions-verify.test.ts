import type { ThreadStreamEvent, WidgetRoot } from "@threadkit/core";
import {
  actionSet,
  Button,
  Card,
  Checkbox,
  DatePicker,
  defineAction,
  Form,
  Input,
  ListView,
  ListViewItem,
  Select,
  Text,
  z,
} from "@threadkit/core";
import { type ChatKitServerOptions, FieldErrors } from "@threadkit/server";
import { describe, expect, it } from "vitest";
import { storedItems } from "./helpers/app.js";
import {
  type Ctx,
  fetchClient,
  listen,
  makeStore,
  now,
  TestServer,
  USER,
} from "./helpers/server.js";

/** A todo-like widget: a form adding a titled todo, a list of deletable rows and a confirm card. */
const FORM_WIDGET = Card({
  children: [
    Form({
      onSubmitAction: { type: "todo.add", payload: { list: "home" } },
      children: [
        Input({ name: "todo.title", required: true, pattern: "[A-Za-z ]+" }),
        Select({
          name: "todo.size",
          options: [
            { value: "s", label: "Small" },
            { value: "l", label: "Large" },
          ],
        }),
        Checkbox({ name: "todo.urgent" }),
        DatePicker({ name: "todo.due", min: "2025-01-01T00:00:00Z" }),
        Input({ name: "secret", disabled: true }),
        Button({ label: "Add", submit: true }),
        Button({ label: "Preview", onClickAction: { type: "todo.preview" } }),
      ],
    }),
    ListView({
      children: [
        ListViewItem({
          onClickAction: { type: "todo.delete", payload: { id: "t1" } },
          children: [Text({ value: "One" })],
        }),
        ListViewItem({
          onClickAction: { type: "todo.delete", payload: { id: "t2" } },
          children: [Text({ value: "Two" })],
        }),
      ],
    }),
  ],
} as never) as WidgetRoot;

interface Harness {
  server: TestServer;
  client: ReturnType<typeof fetchClient>;
  store: ReturnType<typeof makeStore>;
  threadId: string;
  widgetId: string;
  calls: Array<{ type: string; payload: unknown }>;
}

async function harness(
  options: ChatKitServerOptions<Ctx> = {},
  handler?: (action: { type: string; payload: unknown }) => void,
): Promise<Harness> {
  const store = makeStore();
  const calls: Harness["calls"] = [];
  const server = new TestServer(
    store,
    {
      async *respond(thread) {
        yield {
          type: "thread.item.done",
          item: {
            type: "widget",
            id: "wdg_form",
            thread_id: thread.id,
            created_at: now(),
            widget: FORM_WIDGET,
          },
        } as ThreadStreamEvent;
      },
      async *action(thread, action, _sender, ctx) {
        handler?.(action);
        calls.push(action);
        await store.addThreadItem(
          thread.id,
          {
            type: "hidden_context_item",
            id: `hc_${calls.length}`,
            thread_id: thread.id,
            created_at: now(),
            content: action.type,
          } as never,
          ctx,
        );
      },
      async syncAction(_thread, action) {
        handler?.(action);
        calls.push(action);
        return {};
      },
    },
    undefined,
    options,
  );
  const client = fetchClient(server);
  const events = await client.stream("threads.create", {
    input: {
      content: [{ type: "input_text", text: "hi" }],
      attachments: [],
      inference_options: {},
    },
  });
  const threadId = (events[0]?.thread as { id: string }).id;
  return { server, client, store, threadId, widgetId: "wdg_form", calls };
}

const valid = { list: "home", todo: { title: "Milk", size: "s", urgent: false, due: "" } };

async function refused(h: Harness, action: Record<string, unknown>) {
  const before = await storedItems(h.store, h.threadId, USER);
  const events = await h.client.stream("threads.custom_action", {
    thread_id: h.threadId,
    item_id: h.widgetId,
    action,
  });
  expect(h.calls).toEqual([]);
  expect(await storedItems(h.store, h.threadId, USER)).toEqual(before);
  return events;
}

describe("declared actions: threads.custom_action", () => {
  it("accepts a declared form submit with valid values and runs the handler once", async () => {
    const h = await harness();
    const events = await h.client.stream("threads.custom_action", {
      thread_id: h.threadId,
      item_id: h.widgetId,
      action: { type: "todo.add", payload: valid },
    });
    expect(events.map((e) => e.type)).toEqual(["stream_options"]);
    expect(h.calls).toEqual([{ type: "todo.add", payload: valid }]);
  });

  it("refuses a forged type, naming it, without retry", async () => {
    const h = await harness();
    const events = await refused(h, { type: "todo.delete_all", payload: null });
    expect(events).toEqual([
      {
        type: "error",
        code: "action_refused",
        message: 'Action "todo.delete_all" is not declared by the widget it was sent from',
        allow_retry: false,
      },
    ]);
  });

  it("refuses a tampered static payload", async () => {
    const h = await harness();
    const tampered = await refused(h, { type: "todo.delete", payload: { id: "t9" } });
    expect(tampered[0]).toMatchObject({
      type: "error",
      message: 'Action "todo.delete": payload.id differs from the value the widget declared',
    });
    const dropped = await refused(h, { type: "todo.add", payload: { todo: { title: "Milk" } } });
    expect(dropped[0]?.message).toBe(
      'Action "todo.add": payload.list differs from the value the widget declared',
    );
  });

  it("refuses keys that are not fields of the declaring node's form, naming them", async () => {
    const h = await harness();
    const extra = { ...valid, admin: true, todo: { ...valid.todo, owner: "x" } };
    const events = await refused(h, { type: "todo.add", payload: extra });
    expect(events[0]?.message).toBe(
      'Action "todo.add": payload keys that are not fields of the widget\'s form: "todo.owner", "admin"',
    );
    // A disabled field is not sent by the element, so it cannot be sent at all.
    const disabled = await refused(h, { type: "todo.add", payload: { ...valid, secret: "x" } });
    expect(disabled[0]?.message).toContain('"secret"');
    // A row outside the form takes no form values.
    const row = await refused(h, { type: "todo.delete", payload: { id: "t1", "todo.title": "x" } });
    expect(row[0]?.message).toContain("not fields");
  });

  it("refuses a value breaking the input's pattern as field errors for the sender", async () => {
    const h = await harness();
    const events = await refused(h, {
      type: "todo.add",
      payload: { ...valid, todo: { ...valid.todo, title: "Milk 2" } },
    });
    expect(events).toEqual([
      {
        type: "client_effect",
        name: "threadkit.field_errors",
        data: {
          item_id: "wdg_form",
          errors: { "todo.title": "Please match the requested format." },
        },
      },
    ]);
  });

  it("re-checks required, options, booleans and date bounds, all fields at once", async () => {
    const h = await harness();
    const events = await refused(h, {
      type: "todo.add",
      payload: { list: "home", todo: { size: "xl", urgent: "yes", due: "2024-12-31" } },
    });
    expect(events[0]?.data).toEqual({
      item_id: "wdg_form",
      errors: {
        "todo.title": "Please fill out this field.",
        "todo.size": "Please select one of the listed options.",
        "todo.urgent": "Expected true or false.",
        "todo.due": "Value must be 2025-01-01 or later.",
      },
    });
  });

  it("does not validate actions the element does not validate (a plain button in the form)", async () => {
    const h = await harness();
    await h.client.stream("threads.custom_action", {
      thread_id: h.threadId,
      item_id: h.widgetId,
      action: { type: "todo.preview", payload: { todo: { title: "" } } },
    });
    expect(h.calls).toEqual([{ type: "todo.preview", payload: { todo: { title: "" } } }]);
  });

  it("matches any of several declarations of one type", async () => {
    const h = await harness();
    await h.client.stream("threads.custom_action", {
      thread_id: h.threadId,
      item_id: h.widgetId,
      action: { type: "todo.delete", payload: { id: "t2" } },
    });
    expect(h.calls).toEqual([{ type: "todo.delete", payload: { id: "t2" } }]);
  });

  it("verifyActions: false turns the check off", async () => {
    const h = await harness({ verifyActions: false });
    await h.client.stream("threads.custom_action", {
      thread_id: h.threadId,
      item_id: h.widgetId,
      action: { type: "anything", payload: { a: 1 } },
    });
    expect(h.calls).toEqual([{ type: "anything", payload: { a: 1 } }]);
  });

  it("a FieldErrors thrown by action() comes back as the effect for the sender", async () => {
    const h = await harness({}, () => {
      throw new FieldErrors({ "todo.title": "Already on your list" });
    });
    const events = await h.client.stream("threads.custom_action", {
      thread_id: h.threadId,
      item_id: h.widgetId,
      action: { type: "todo.add", payload: valid },
    });
    expect(events).toEqual([
      { type: "stream_options", stream_options: { allow_cancel: true } },
      {
        type: "client_effect",
        name: "threadkit.field_errors",
        data: { item_id: "wdg_form", errors: { "todo.title": "Already on your list" } },
      },
    ]);
  });
});

describe("declared actions: imperative and sync", () => {
  const Refresh = defineAction("refresh", z.object({ page: z.number() }), { imperative: true });
  const Hidden = defineAction("hidden");

  it("accepts an action without a widget only when declared imperative; the app parses its payload", async () => {
    const h = await harness({ actions: actionSet(Refresh, Hidden) });
    const send = (action: unknown) =>
      h.client.stream("threads.custom_action", { thread_id: h.threadId, action });
    const undeclared = await send({ type: "hidden" });
    expect(undeclared[0]).toMatchObject({ type: "error", allow_retry: false });
    expect(undeclared[0]?.message).toContain('"hidden"');
    expect(h.calls).toEqual([]);
    await send({ type: "refresh", payload: { page: 1 } });
    expect(h.calls).toEqual([{ type: "refresh", payload: { page: 1 } }]);
    // The page's code may attach it to a widget (sendCustomAction(action, itemId)).
    const attached = (action: unknown) =>
      h.client.stream("threads.custom_action", {
        thread_id: h.threadId,
        item_id: h.widgetId,
        action,
      });
    await attached({ type: "refresh", payload: { page: 2 } });
    expect(h.calls).toHaveLength(2);
    const hidden = await attached({ type: "hidden" });
    expect(hidden[0]?.message).toContain("is not declared by the widget");
    expect(h.calls).toHaveLength(2);
  });

  it("a FieldErrors for an action sent without a widget is an error event with its messages", async () => {
    const h = await harness({ actions: actionSet(Refresh) }, () => {
      throw new FieldErrors({ page: "There is no such page." });
    });
    const events = await h.client.stream("threads.custom_action", {
      thread_id: h.threadId,
      action: { type: "refresh", payload: { page: 9 } },
    });
    expect(events.at(-1)).toEqual({
      type: "error",
      code: "custom",
      message: "There is no such page.",
      allow_retry: false,
    });
  });

  it("refuses every imperative action when the server declares none", async () => {
    const h = await harness();
    const events = await h.client.stream("threads.custom_action", {
      thread_id: h.threadId,
      action: { type: "go" },
    });
    expect(events[0]?.type).toBe("error");
    expect(h.calls).toEqual([]);
  });

  it("answers a refused sync action with 400 and field errors with 422, over node:http", async () => {
    const h = await harness({}, (action) => {
      if (action.type === "todo.add") throw new FieldErrors({ "todo.title": "Taken" });
    });
    const { url, close } = await listen(h.server);
    try {
      const post = (action: unknown) =>
        fetch(url, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({
            type: "threads.sync_custom_action",
            params: { thread_id: h.threadId, item_id: h.widgetId, action },
          }),
        });
      const forged = await post({ type: "todo.nuke" });
      expect(forged.status).toBe(400);
      expect(await forged.json()).toEqual({
        error: {
          code: "action_refused",
          message: 'Action "todo.nuke" is not declared by the widget it was sent from',
        },
      });
      const pattern = await post({
        type: "todo.add",
        payload: { ...valid, todo: { ...valid.todo, title: "123" } },
      });
      expect(pattern.status).toBe(422);
      expect(await pattern.json()).toEqual({
        error: {
          code: "field_errors",
          message: "Invalid field: todo.title",
          item_id: "wdg_form",
          fields: { "todo.title": "Please match the requested format." },
        },
      });
      expect(h.calls).toEqual([]);
      const taken = await post({ type: "todo.add", payload: valid });
      expect(taken.status).toBe(422);
      expect(((await taken.json()) as { error: { fields: unknown } }).error.fields).toEqual({
        "todo.title": "Taken",
      });
    } finally {
      await close();
    }
  });
});
