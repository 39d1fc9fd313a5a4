/**
 * Arabic: the element speaks the locale (built-in strings, Arabic-Indic digits from `Intl`) and
 * lays itself out right-to-left, while mixed-direction message text reads right (`dir="auto"`).
 * Screenshots at 1280 and 390 px, light and dark, go to /tmp/shots/rtl-*.png for review.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createMockChatKit,
  launchBrowser,
  type MockEvent,
  makeItem,
  mountChat,
  newPage,
  type RespondContext,
  screenshot,
  sendMessage,
  startHarness,
  streamText,
  waitForEvent,
} from "./helpers/index.js";

const REPLY = `إليك مقارنة سريعة بين **الخطتين**:

| الخطة | السعر | المقاعد |
| --- | --- | --- |
| Starter | $9 | 3 |
| Team | $29 | 10 |

1. اختر خطة
2. ادعُ فريقك باستخدام \`tk invite\`

Use the **Team** plan for more than 3 people.`;

function* turn(ctx: RespondContext): Generator<MockEvent> {
  yield {
    type: "thread.item.done",
    item: makeItem(ctx, "workflow", {
      workflow: {
        type: "reasoning",
        expanded: false,
        summary: { duration: 4 },
        tasks: [{ type: "thought", content: "مقارنة الخطط", status_indicator: "complete" }],
      },
    }),
  };
  yield* streamText(ctx, REPLY, 4);
  yield {
    type: "thread.item.done",
    item: makeItem(ctx, "widget", {
      widget: {
        type: "Card",
        children: [
          { type: "Title", value: "خطة الفريق" },
          { type: "Text", value: "١٠ مقاعد ودعم ذو أولوية" },
          {
            type: "Row",
            children: [
              {
                type: "Select",
                name: "seats",
                variant: "ghost",
                options: [{ value: "10", label: "١٠" }],
              },
              { type: "Button", label: "اختيار", onClickAction: { type: "choose" } },
            ],
          },
        ],
      },
    }),
  };
  yield {
    type: "thread.updated",
    thread: { ...ctx.thread, title: "مقارنة الخطط", items: { data: [], has_more: false } },
  };
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Bounding boxes (viewport px) of elements in the element's shadow root. */
const box = (page: Page, selector: string) =>
  page.evaluate((sel) => {
    const el = document.querySelector("threadkit-chat")?.shadowRoot?.querySelector(sel);
    const r = el?.getBoundingClientRect();
    return r ? { left: r.left, right: r.right, width: r.width } : null;
  }, selector);

describe("Arabic, right-to-left", () => {
  for (const width of [1280, 390]) {
    for (const scheme of ["light", "dark"] as const) {
      it(`lays out and speaks Arabic at ${width}px ${scheme}`, async () => {
        const harness = await startHarness({ mock: createMockChatKit({ respond: turn }) });
        const { page, errors, close } = await newPage(browser, {
          width,
          height: 820,
          colorScheme: scheme,
        });
        try {
          await mountChat(page, harness, {
            options: {
              locale: "ar",
              theme: { colorScheme: scheme },
              startScreen: {
                prompts: [
                  { label: "قارن الخطط", prompt: "قارن الخطط", icon: "sparkle" },
                  { label: "Write an email", prompt: "Write an email" },
                ],
              },
              threadItemActions: { feedback: true, retry: true },
              composer: {
                attachments: { enabled: true },
                tools: [{ id: "search", label: "بحث", icon: "search", pinned: true }],
              },
              disclaimer: { text: "قد يخطئ الذكاء الاصطناعي." },
            },
          });
          const root = page.locator("threadkit-chat .root");
          await expect(root.getAttribute("dir")).resolves.toBe("rtl");
          await expect(root.getAttribute("lang")).resolves.toBe("ar");
          // Built-in strings in Arabic: greeting, placeholder, buttons.
          await expect(page.locator("threadkit-chat h1.greeting").textContent()).resolves.toBe(
            "كيف يمكنني مساعدتك اليوم؟",
          );
          const composer = page.locator("threadkit-chat .composer textarea");
          await expect(composer.getAttribute("placeholder")).resolves.toBe(
            "أرسل رسالة إلى الذكاء الاصطناعي",
          );
          await expect(composer.getAttribute("dir")).resolves.toBe("auto");
          await screenshot(page, `rtl-start-${width}-${scheme}`);

          await sendMessage(page, "ما الخطة المناسبة لفريق من 8 أشخاص؟ (Team or Starter)");
          await waitForEvent(page, "chatkit.response.end");
          await expect
            .poll(() => page.locator("threadkit-chat h2.title").textContent())
            .toBe("مقارنة الخطط");
          // Mirrored: the user's bubble hugs the left edge, the send button sits at the left end.
          const thread = await box(page, ".thread-inner");
          const bubble = await box(page, ".msg.user .bubble");
          expect(thread && bubble).toBeTruthy();
          expect(bubble!.left - thread!.left).toBeLessThan(thread!.right - bubble!.right);
          const send = await box(page, ".composer .send");
          const area = await box(page, ".composer");
          expect(send!.left - area!.left).toBeLessThan(area!.right - send!.right);
          // Workflow summary with the duration formatted by Intl for the locale.
          const seconds = await page.evaluate(() =>
            new Intl.NumberFormat("ar", {
              style: "unit",
              unit: "second",
              unitDisplay: "narrow",
            }).format(4),
          );
          await expect(
            page.locator("threadkit-chat .workflow summary span").textContent(),
          ).resolves.toBe(`عمل لمدة ${seconds}`);
          // An English paragraph inside Arabic prose reads left-to-right: its final period sits
          // at the right end, after "people", not at the left.
          const order = await page.evaluate(() => {
            const prose = document
              .querySelector("threadkit-chat")
              ?.shadowRoot?.querySelectorAll(".msg.assistant .prose p");
            const text = prose?.[prose.length - 1]?.lastChild;
            if (!text?.textContent) return null;
            const at = (i: number) => {
              const range = document.createRange();
              range.setStart(text, i);
              range.setEnd(text, i + 1);
              return range.getBoundingClientRect().left;
            };
            const n = text.textContent.length;
            return { people: at(n - 2), period: at(n - 1) };
          });
          expect(order && order.period > order.people).toBe(true);
          await expect(
            page.locator("threadkit-chat .msg.assistant .prose").first().getAttribute("dir"),
          ).resolves.toBe("auto");
          // The widget inherits the direction.
          const widgetDir = await page.evaluate(() => {
            const w = document
              .querySelector("threadkit-chat")
              ?.shadowRoot?.querySelector("tk-widget");
            const card = w?.shadowRoot?.querySelector(".root");
            return card ? getComputedStyle(card).direction : null;
          });
          expect(widgetDir).toBe("rtl");
          await screenshot(page, `rtl-chat-${width}-${scheme}`);

          await page.locator('threadkit-chat button[aria-label="السجل"]').click();
          await page.locator("threadkit-chat .history-row").first().waitFor();
          // The history panel opens from the right (the inline start), once it has slid in.
          await page.evaluate(async () => {
            const panel = document
              .querySelector("threadkit-chat")
              ?.shadowRoot?.querySelector<HTMLElement>(".history");
            await Promise.all((panel?.getAnimations() ?? []).map((a) => a.finished));
          });
          const panel = await box(page, ".history");
          expect(Math.round(panel!.right)).toBe(width);
          await screenshot(page, `rtl-history-${width}-${scheme}`);
          expect(errors).toEqual([]);
        } finally {
          await close();
          await harness.close();
        }
      });
    }
  }
});
