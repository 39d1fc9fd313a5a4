import type { Browser, Locator, Page } from "playwright-core";
import { newPage, type TestPage } from "./browser.js";
import { type Harness, type HarnessOptions, startHarness } from "./harness.js";
import {
  createMockChatKit,
  type MockChatKitOptions,
  type MockEvent,
  makeItem,
  type RespondContext,
} from "./mock-chatkit.js";
import { type MountOptions, mountChat, sendMessage, waitForEvent } from "./page.js";

/** Options for {@link openWidgetChat}. */
export interface WidgetChatOptions extends Omit<MockChatKitOptions, "respond"> {
  /** The widget the first reply shows (a Card, ListView or Basic root). */
  widget: unknown;
  /** Options and page script for `mountChat` (see {@link MountOptions}). */
  mount?: MountOptions;
  /** Extra harness routes (e.g. to fail one request type). */
  route?: HarnessOptions["route"];
  /** Viewport and colour scheme of the page. */
  page?: { width?: number; height?: number; colorScheme?: "light" | "dark" };
}

/** A chat showing one widget item, ready for clicks. */
export interface WidgetChat extends TestPage {
  harness: Harness;
  /** The rendered `<tk-widget>` of the first widget item. */
  widget: Locator;
  /** The widget item's id (what `item_id` / `onAction`'s `{id}` carry). */
  itemId: string;
  /** The thread's id. */
  threadId: string;
  /** Closes the page and the harness. */
  dispose(): Promise<void>;
}

/**
 * A responder whose turn is a single widget item built from `widget`.
 *
 * @example
 * const mock = createMockChatKit({ respond: replyWithWidget({ type: "Card", children: [] }) });
 */
export function replyWithWidget(widget: unknown) {
  return function* (ctx: RespondContext): Generator<MockEvent> {
    yield { type: "thread.item.done", item: makeItem(ctx, "widget", { widget }) };
  };
}

/**
 * Starts a harness whose mock answers the first message with `widget`, opens a page, mounts
 * `<threadkit-chat>`, sends a message and waits for the widget to render.
 *
 * @example
 * const chat = await openWidgetChat(browser, { widget: card, action: (ctx) => ... });
 * await chat.widget.locator("button").click();
 * await chat.dispose();
 */
export async function openWidgetChat(
  browser: Browser,
  options: WidgetChatOptions,
): Promise<WidgetChat> {
  const { widget, mount, route, page: pageOptions, ...mockOptions } = options;
  const mock = createMockChatKit({ ...mockOptions, respond: replyWithWidget(widget) });
  const harness = await startHarness({ mock, ...(route ? { route } : {}) });
  const tp = await newPage(browser, pageOptions);
  try {
    await mountChat(tp.page, harness, mount);
    await sendMessage(tp.page, "show me the widget");
    await waitForEvent(tp.page, "chatkit.response.end");
    const locator = tp.page.locator('threadkit-chat tk-widget[data-item-type="widget"]').first();
    await locator.locator(".root").waitFor();
    const thread = [...mock.threads.values()][0];
    const item = thread?.items.find((i) => i.type === "widget");
    if (!thread || !item) throw new Error("the mock did not store the widget item");
    return {
      ...tp,
      harness,
      widget: locator,
      itemId: item.id,
      threadId: thread.id,
      async dispose() {
        await tp.close();
        await harness.close();
      },
    };
  } catch (error) {
    await tp.close();
    await harness.close();
    throw error;
  }
}

/** The requests of `type` the mock received so far. */
export function requestsOf(harness: Harness, type: string) {
  return harness.mock.requests.filter((r) => r.type === type);
}

/**
 * The element that has focus, looking through open shadow roots; returns its `name` attribute
 * (or tag name when it has none).
 */
export function focusedName(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    let a: Element | null = document.activeElement;
    while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
    return a ? (a.getAttribute("name") ?? a.tagName.toLowerCase()) : null;
  });
}
