/**
 * Loading states per `loadingBehavior`, through the real `<threadkit-chat>`: self / container /
 * none and what `auto` resolves to at each binding site; each state lasts until the action's
 * stream ends, the sync response arrives or the client handler settles; a busy control sends
 * nothing on a second click. Also screenshots the states (light/dark, 375 and 1280 wide).
 */
import type { Browser, Locator } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createGate,
  type Gate,
  launchBrowser,
  openWidgetChat,
  requestsOf,
  SHOTS_DIR,
  streamText,
  type WidgetChat,
  waitForEvent,
} from "./helpers/index.js";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const OPTIONS = [
  { value: "a", label: "Alpha" },
  { value: "b", label: "Beta" },
];
const WIDGET = {
  type: "Card",
  children: [
    { type: "Title", value: "Loading states" },
    {
      type: "Row",
      children: [
        { type: "Button", key: "self", label: "Self", onClickAction: { type: "slow" } },
        {
          type: "Button",
          key: "container",
          label: "Container",
          onClickAction: { type: "slow", loadingBehavior: "container" },
        },
        {
          type: "Button",
          key: "none",
          label: "Quiet",
          onClickAction: { type: "slow", loadingBehavior: "none" },
        },
      ],
    },
    {
      type: "Row",
      children: [
        { type: "Select", name: "auto_pick", onChangeAction: { type: "slow" }, options: OPTIONS },
        {
          type: "Select",
          name: "self_pick",
          onChangeAction: { type: "slow", loadingBehavior: "self" },
          options: OPTIONS,
        },
        {
          type: "Button",
          key: "sync",
          label: "Sync",
          onClickAction: { type: "slow_sync", streaming: false },
        },
        {
          type: "Button",
          key: "client",
          label: "Client",
          onClickAction: { type: "local", handler: "client" },
        },
      ],
    },
    {
      type: "Form",
      onSubmitAction: { type: "slow" },
      children: [
        { type: "Input", name: "note", placeholder: "Note" },
        { type: "Button", label: "Submit", submit: true },
      ],
    },
  ],
};
const LIST = {
  type: "ListView",
  children: [
    {
      type: "ListViewItem",
      key: "one",
      onClickAction: { type: "slow" },
      children: [{ type: "Text", value: "Row one" }],
    },
    {
      type: "ListViewItem",
      key: "two",
      onClickAction: { type: "slow" },
      children: [{ type: "Text", value: "Row two" }],
    },
  ],
};
const CONFIRM = {
  type: "Card",
  confirm: { label: "Confirm", action: { type: "slow" } },
  cancel: { label: "Cancel", action: { type: "slow" } },
  children: [{ type: "Text", value: "Book the 9:40 flight?" }],
};

/** A mock whose actions (streaming and sync) wait until the test calls `release()`. */
function heldActions() {
  let gate: Gate = createGate();
  return {
    release() {
      const g = gate;
      gate = createGate();
      g.open();
    },
    action: async function* (ctx: Parameters<typeof streamText>[0]) {
      await gate.promise;
      yield* streamText(ctx, "Done", 1);
    },
    syncAction: async () => {
      await gate.promise;
      return {};
    },
    openAll: () => gate.open(),
  };
}

type State = { busy: string | null; disabled: boolean };
const stateOf = (control: Locator): Promise<State> =>
  control.evaluate((el) => ({
    busy: el.getAttribute("aria-busy"),
    disabled: (el as HTMLButtonElement).disabled || el.getAttribute("aria-disabled") === "true",
  }));
const rootOf = (chat: WidgetChat) => chat.widget.locator(".root");
const rootState = (chat: WidgetChat) =>
  rootOf(chat).evaluate((el) => ({
    busy: el.getAttribute("aria-busy"),
    inert: (el as HTMLElement).inert,
  }));
const busyCount = (chat: WidgetChat) =>
  chat.widget.evaluate((host) => host.shadowRoot!.querySelectorAll('[aria-busy="true"]').length);
const IDLE: State = { busy: null, disabled: false };
const SELF: State = { busy: "true", disabled: true };

async function open(widget: unknown, extra: { script?: string } = {}) {
  const held = heldActions();
  const chat = await openWidgetChat(browser, {
    widget,
    action: held.action,
    syncAction: held.syncAction,
    ...(extra.script ? { mount: { script: extra.script } } : {}),
  });
  return { chat, held };
}

const count = (chat: WidgetChat, type = "threads.custom_action") =>
  requestsOf(chat.harness, type).length;
async function waitForRequests(chat: WidgetChat, n: number, type = "threads.custom_action") {
  for (let i = 0; i < 200 && count(chat, type) < n; i++) await chat.page.waitForTimeout(25);
  expect(count(chat, type)).toBe(n);
}

describe("loading states", () => {
  it("self (Button auto) marks only the clicked button, until the stream ends", async () => {
    const { chat, held } = await open(WIDGET);
    try {
      const self = chat.widget.getByRole("button", { name: "Self" });
      await self.click();
      await waitForRequests(chat, 1);
      await expect(stateOf(self)).resolves.toEqual(SELF);
      await expect(rootState(chat)).resolves.toEqual({ busy: null, inert: false });
      await expect(
        stateOf(chat.widget.getByRole("button", { name: "Container" })),
      ).resolves.toEqual(IDLE);
      held.release();
      await waitForEvent(chat.page, "chatkit.response.end", 2);
      await expect(stateOf(self)).resolves.toEqual(IDLE);
      expect(chat.errors).toEqual([]);
    } finally {
      held.openAll();
      await chat.dispose();
    }
  });

  it("container fades the whole widget and makes it inert; clicks inside send nothing", async () => {
    const { chat, held } = await open(WIDGET);
    try {
      await chat.widget.getByRole("button", { name: "Container" }).click();
      await waitForRequests(chat, 1);
      await expect(rootState(chat)).resolves.toEqual({ busy: "true", inert: true });
      await chat.page.waitForFunction(() => {
        const host = document
          .querySelector("threadkit-chat")!
          .shadowRoot!.querySelector("tk-widget")!;
        return Number(getComputedStyle(host.shadowRoot!.querySelector(".root")!).opacity) < 0.8;
      });
      await chat.widget.getByRole("button", { name: "Self" }).click({ force: true });
      await chat.page.waitForTimeout(150);
      expect(count(chat)).toBe(1);
      held.release();
      await waitForEvent(chat.page, "chatkit.response.end", 2);
      await expect(rootState(chat)).resolves.toEqual({ busy: null, inert: false });
    } finally {
      held.openAll();
      await chat.dispose();
    }
  });

  it("none shows nothing: loadingBehavior none on a Button, and auto on a change action", async () => {
    const { chat, held } = await open(WIDGET);
    try {
      await chat.widget.getByRole("button", { name: "Quiet" }).click();
      await waitForRequests(chat, 1);
      await expect(busyCount(chat)).resolves.toBe(0);
      await expect(stateOf(chat.widget.getByRole("button", { name: "Quiet" }))).resolves.toEqual(
        IDLE,
      );
      held.release();
      await waitForEvent(chat.page, "chatkit.response.end", 2);
      await chat.widget.locator('select[name="auto_pick"]').selectOption("b");
      await waitForRequests(chat, 2);
      await expect(busyCount(chat)).resolves.toBe(0);
      await expect(stateOf(chat.widget.locator('select[name="auto_pick"]'))).resolves.toEqual(IDLE);
      held.release();
      await waitForEvent(chat.page, "chatkit.response.end", 3);
    } finally {
      held.openAll();
      await chat.dispose();
    }
  });

  it("self on a change action disables the select itself until the stream ends", async () => {
    const { chat, held } = await open(WIDGET);
    try {
      const select = chat.widget.locator('select[name="self_pick"]');
      await select.selectOption("b");
      await waitForRequests(chat, 1);
      await expect(stateOf(select)).resolves.toEqual(SELF);
      held.release();
      await waitForEvent(chat.page, "chatkit.response.end", 2);
      await expect(stateOf(select)).resolves.toEqual(IDLE);
      await expect(select.inputValue()).resolves.toBe("b");
    } finally {
      held.openAll();
      await chat.dispose();
    }
  });

  it("Form submit (auto) is container; a sync action lasts until its response", async () => {
    const { chat, held } = await open(WIDGET);
    try {
      await chat.widget.getByRole("button", { name: "Submit" }).click();
      await waitForRequests(chat, 1);
      await expect(rootState(chat)).resolves.toEqual({ busy: "true", inert: true });
      held.release();
      await waitForEvent(chat.page, "chatkit.response.end", 2);
      await expect(rootState(chat)).resolves.toEqual({ busy: null, inert: false });

      const sync = chat.widget.getByRole("button", { name: "Sync" });
      await sync.click();
      await waitForRequests(chat, 1, "threads.sync_custom_action");
      await expect(stateOf(sync)).resolves.toEqual(SELF);
      held.release();
      await chat.page.waitForFunction(() => {
        const host = document
          .querySelector("threadkit-chat")!
          .shadowRoot!.querySelector("tk-widget")!;
        return !host.shadowRoot!.querySelector('[aria-busy="true"]');
      });
      await expect(stateOf(sync)).resolves.toEqual(IDLE);
    } finally {
      held.openAll();
      await chat.dispose();
    }
  });

  it("a client action stays busy until the onAction promise settles", async () => {
    const { chat, held } = await open(WIDGET, {
      script: `options.widgets = { onAction: () => new Promise((r) => { window.__release = r; }) };`,
    });
    try {
      const client = chat.widget.getByRole("button", { name: "Client" });
      await client.click();
      await chat.page.waitForFunction(() => "__release" in window);
      await expect(stateOf(client)).resolves.toEqual(SELF);
      await chat.page.evaluate(() => (window as unknown as { __release(): void }).__release());
      await chat.page.waitForFunction(() => {
        const host = document
          .querySelector("threadkit-chat")!
          .shadowRoot!.querySelector("tk-widget")!;
        return !host.shadowRoot!.querySelector('[aria-busy="true"]');
      });
      expect(count(chat)).toBe(0);
    } finally {
      held.openAll();
      await chat.dispose();
    }
  });

  it("ListViewItem (auto) is self, and a second click on the busy row sends nothing", async () => {
    const { chat, held } = await open(LIST);
    try {
      const row = chat.widget.getByRole("button", { name: "Row one" });
      await row.click();
      await waitForRequests(chat, 1);
      await expect(stateOf(row)).resolves.toEqual(SELF);
      await row.click({ force: true });
      await row.press("Enter");
      await chat.page.waitForTimeout(150);
      expect(count(chat)).toBe(1);
      await expect(stateOf(chat.widget.getByRole("button", { name: "Row two" }))).resolves.toEqual(
        IDLE,
      );
      held.release();
      await waitForEvent(chat.page, "chatkit.response.end", 2);
      await expect(stateOf(row)).resolves.toEqual(IDLE);
    } finally {
      held.openAll();
      await chat.dispose();
    }
  });

  it("Card confirm and cancel (auto) are container", async () => {
    const { chat, held } = await open(CONFIRM);
    try {
      for (const [i, name] of ["Confirm", "Cancel"].entries()) {
        await chat.widget.getByRole("button", { name }).click();
        await waitForRequests(chat, i + 1);
        await expect(rootState(chat)).resolves.toEqual({ busy: "true", inert: true });
        held.release();
        await waitForEvent(chat.page, "chatkit.response.end", i + 2);
        await expect(rootState(chat)).resolves.toEqual({ busy: null, inert: false });
      }
    } finally {
      held.openAll();
      await chat.dispose();
    }
  });
});

describe("loading state screenshots", () => {
  it("captures self and container states in light and dark at 375 and 1280 wide", async () => {
    for (const colorScheme of ["light", "dark"] as const) {
      for (const width of [375, 1280]) {
        const held = heldActions();
        const chat = await openWidgetChat(browser, {
          widget: WIDGET,
          action: held.action,
          mount: { options: { theme: colorScheme } },
          page: { width, height: 720, colorScheme },
        });
        try {
          await chat.widget.getByRole("button", { name: "Self" }).click();
          await waitForRequests(chat, 1);
          await chat.widget.screenshot({
            path: `${SHOTS_DIR}/loading-self-${colorScheme}-${width}.png`,
            animations: "disabled",
          });
          held.release();
          await waitForEvent(chat.page, "chatkit.response.end", 2);
          await chat.widget.getByRole("button", { name: "Submit" }).click();
          await waitForRequests(chat, 2);
          await chat.page.waitForTimeout(300);
          await chat.page.screenshot({
            path: `${SHOTS_DIR}/loading-container-${colorScheme}-${width}.png`,
            animations: "disabled",
          });
          held.release();
          await waitForEvent(chat.page, "chatkit.response.end", 3);
          expect(chat.errors).toEqual([]);
        } finally {
          held.openAll();
          await chat.dispose();
        }
      }
    }
  });
});
