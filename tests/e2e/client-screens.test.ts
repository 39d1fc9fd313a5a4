import type { Browser } from "playwright-core";
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

const REPLY = `Here is a quick comparison of the **two plans**:

| Plan | Price | Seats |
| --- | --- | --- |
| Starter | $9 | 3 |
| Team | $29 | 10 |

1. Pick a plan
2. Invite your team with \`tk invite\`

\`\`\`ts
const chat = document.querySelector("threadkit-chat");
chat.setOptions({ api: { url: "/chatkit" } });
\`\`\`

See [the docs](https://example.com/docs) for more.`;

function* turn(ctx: RespondContext): Generator<MockEvent> {
  yield {
    type: "thread.item.done",
    item: makeItem(ctx, "workflow", {
      workflow: {
        type: "reasoning",
        expanded: false,
        summary: { duration: 4 },
        tasks: [{ type: "thought", content: "Comparing plans", status_indicator: "complete" }],
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
          { type: "Title", value: "Team plan" },
          { type: "Text", value: "10 seats, priority support" },
          { type: "Button", label: "Choose", onClickAction: { type: "choose" } },
        ],
      },
    }),
  };
  yield { type: "notice", level: "info", message: "Prices shown **exclude tax**." };
  yield {
    type: "thread.updated",
    thread: { ...ctx.thread, title: "Plan comparison", items: { data: [], has_more: false } },
  };
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("screenshots", () => {
  for (const width of [375, 1280]) {
    for (const scheme of ["light", "dark"] as const) {
      it(`renders a conversation at ${width}px ${scheme}`, async () => {
        const mock = createMockChatKit({ respond: turn });
        const harness = await startHarness({ mock });
        const { page, errors, close } = await newPage(browser, {
          width,
          height: 820,
          colorScheme: scheme,
        });
        try {
          const options = {
            theme: { colorScheme: scheme },
            startScreen: {
              greeting: "What can I help with today?",
              prompts: [
                { label: "Compare plans", prompt: "Compare the plans", icon: "sparkle" },
                { label: "Write an email", prompt: "Write an email" },
                { label: "Summarise a doc", prompt: "Summarise" },
              ],
            },
            threadItemActions: { feedback: true, retry: true },
            composer: { placeholder: "Ask anything", attachments: { enabled: true } },
            disclaimer: { text: "AI can make mistakes. Check important info." },
          };
          await mountChat(page, harness, { options });
          await screenshot(page, `start-${width}-${scheme}`);
          await sendMessage(page, "Which plan should my team of 8 pick?");
          await waitForEvent(page, "chatkit.response.end");
          // The title is drawn on the frame after the stream ends: wait for what the user sees.
          await expect
            .poll(() => page.locator("threadkit-chat .header .title").textContent())
            .toBe("Plan comparison");
          await screenshot(page, `chat-${width}-${scheme}`);
          await page.locator('threadkit-chat button[aria-label="History"]').click();
          await page.locator("threadkit-chat .history-row").first().waitFor();
          await screenshot(page, `history-${width}-${scheme}`);
          expect(errors).toEqual([]);
        } finally {
          await close();
          await harness.close();
        }
      });
    }
  }
});
