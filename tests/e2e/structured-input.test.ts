/**
 * Structured input (chatkit-python 1.6.4) through the real `<threadkit-chat>` and a real
 * `ChatKitServer`: the element renders a pending `structured_input` item as a form, answers it
 * with `threads.add_structured_input` (single choice, multiple choice with a custom answer,
 * free text, or Skip) and shows the reply the server resumes with.
 */
import type {
  StructuredInputItem,
  ThreadItem,
  ThreadMetadata,
  ThreadStreamEvent,
  UserMessageItem,
} from "@threadkit/core";
import { ChatKitServer, MemoryStore } from "@threadkit/server";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type Harness,
  launchBrowser,
  mountChat,
  newPage,
  realChatKit,
  recordedEvents,
  sendMessage,
  startHarness,
  waitForEvent,
} from "./helpers/index.js";

type Ctx = { userId: string };
const now = () => new Date().toISOString();

/** Asks three questions; when resumed, replies with the answers it finds on the item. */
class SurveyServer extends ChatKitServer<Ctx> {
  submissions: unknown[] = [];
  async *respond(
    thread: ThreadMetadata,
    input: UserMessageItem | null,
    context: Ctx,
  ): AsyncGenerator<ThreadStreamEvent> {
    const base = { thread_id: thread.id, created_at: now() };
    if (input) {
      yield {
        type: "thread.item.done",
        item: {
          ...base,
          type: "structured_input",
          id: `si_${Date.now()}`,
          status: "pending",
          inputs: [
            {
              type: "multiple_choice",
              id: "subject",
              question: "Which subject?",
              options: [{ value: "Math" }, { value: "History" }],
            },
            {
              type: "multiple_choice",
              id: "days",
              question: "Which days?",
              multiple: true,
              options: [{ value: "Mon" }, { value: "Tue" }, { value: "Wed" }],
            },
            { type: "freeform", id: "notes", question: "Anything else?", description: "Optional" },
          ],
        },
      } as ThreadStreamEvent;
      return;
    }
    const page = await this.store.loadThreadItems(thread.id, null, 20, "desc", context);
    const asked = page.data.find(
      (i: ThreadItem): i is StructuredInputItem => i.type === "structured_input",
    );
    const text =
      asked?.status === "skipped"
        ? "You skipped the survey."
        : `Got ${asked?.inputs.map((q) => `${q.id}=${q.answer?.skipped ? "(skipped)" : q.answer?.values.join("+")}`).join(", ")}`;
    yield {
      type: "thread.item.done",
      item: {
        ...base,
        type: "assistant_message",
        id: `msg_${Date.now()}`,
        content: [{ type: "output_text", text, annotations: [] }],
      },
    } as ThreadStreamEvent;
  }
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function survey(locale?: string) {
  const server = new SurveyServer(new MemoryStore<Ctx>());
  const harness: Harness = await startHarness({ chatkit: realChatKit(server, { userId: "u" }) });
  const tab = await newPage(browser);
  await mountChat(tab.page, harness, locale ? { options: { locale } } : {});
  await sendMessage(tab.page, "survey please");
  const form = tab.page.locator("threadkit-chat form[data-item-type=structured_input]");
  await form.waitFor();
  return {
    ...tab,
    form,
    server,
    dispose: async () => {
      await tab.close();
      await harness.close();
    },
  };
}

describe("structured input", () => {
  it("answers single choice, multiple choice with a custom answer and free text, then shows the resumed reply", async () => {
    const { page, form, errors, dispose } = await survey();
    try {
      await expect(form.locator("legend").allTextContents()).resolves.toEqual([
        "Which subject?",
        "Which days?",
        "Anything else?",
      ]);
      await form.getByRole("radio", { name: "History" }).check();
      await form.getByRole("checkbox", { name: "Mon" }).check();
      await form.getByRole("checkbox", { name: "Wed" }).check();
      // Typing a custom answer selects "Other" for that question.
      await form.getByRole("textbox", { name: "Which days? — Your answer" }).fill("Sat");
      await form.getByRole("textbox", { name: "Anything else?" }).fill("  bring snacks ");
      await form.getByRole("button", { name: "Submit" }).click();
      await waitForEvent(page, "chatkit.response.end", 2);
      const reply = page.locator("threadkit-chat [data-item-type=assistant_message]").last();
      await expect(reply.textContent()).resolves.toContain(
        "Got subject=History, days=Mon+Wed+Sat, notes=bring snacks",
      );
      // The item was replaced by its answered form: a read-only summary.
      const done = page.locator("threadkit-chat [data-item-type=structured_input]");
      await expect(done.getAttribute("data-status")).resolves.toBe("answered");
      await expect(done.locator(".si-answer").allTextContents()).resolves.toEqual([
        "History",
        "Mon",
        "Wed",
        "Sat",
        "bring snacks",
      ]);
      await expect(done.locator("form, input, button").count()).resolves.toBe(0);
      expect(errors).toEqual([]);
    } finally {
      await dispose();
    }
  });

  it("Skip sends a skipped submission and shows the reply; unanswered questions count as skipped", async () => {
    const { page, form, dispose } = await survey();
    try {
      await form.getByRole("button", { name: "Skip" }).click();
      await waitForEvent(page, "chatkit.response.end", 2);
      const reply = page.locator("threadkit-chat [data-item-type=assistant_message]").last();
      await expect(reply.textContent()).resolves.toContain("You skipped the survey.");
      const done = page.locator("threadkit-chat [data-item-type=structured_input]");
      await expect(done.getAttribute("data-status")).resolves.toBe("skipped");
      await expect(done.locator(".si-skipped").count()).resolves.toBe(3);
    } finally {
      await dispose();
    }
    const second = await survey();
    try {
      await second.form.getByRole("radio", { name: "Math" }).check();
      await second.form.getByRole("button", { name: "Submit" }).click();
      await waitForEvent(second.page, "chatkit.response.end", 2);
      const reply = second.page.locator("threadkit-chat [data-item-type=assistant_message]").last();
      await expect(reply.textContent()).resolves.toContain(
        "Got subject=Math, days=(skipped), notes=(skipped)",
      );
    } finally {
      await second.dispose();
    }
  });

  it("speaks the element's locale and lays the form out right-to-left in Arabic", async () => {
    const { page, form, dispose } = await survey("ar");
    try {
      await expect(form.getByRole("button", { name: "إرسال" }).count()).resolves.toBe(1);
      await expect(form.getByRole("button", { name: "تخطٍّ" }).count()).resolves.toBe(1);
      const dir = await form.evaluate((el) => getComputedStyle(el).direction);
      expect(dir).toBe("rtl");
      const ends = await page.evaluate(() => {
        const root = document.querySelector("threadkit-chat")?.shadowRoot;
        const submit = root?.querySelector<HTMLElement>(".si-submit")?.getBoundingClientRect();
        const skip = root?.querySelector<HTMLElement>(".si-skip")?.getBoundingClientRect();
        return { submit: submit?.left ?? 0, skip: skip?.left ?? 0 };
      });
      // Actions sit at the inline end, Submit last: in RTL that is the far left.
      expect(ends.submit).toBeLessThan(ends.skip);
      expect(await recordedEvents(page, "chatkit.error")).toEqual([]);
    } finally {
      await dispose();
    }
  });
});
