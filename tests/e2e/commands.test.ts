/**
 * The `/` command menu (`commands` option, 1.9.0) in the real `<threadkit-chat>`: built-ins and
 * `onSearch` results filtered as the user types, keyboard navigation (arrows, Enter, Escape) with
 * `aria-activedescendant`, `onSelect` answering nothing, a sub-menu, or an entity that becomes an
 * `input_tag` in the sent message.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createMockChatKit,
  launchBrowser,
  mountChat,
  newPage,
  recordedEvents,
  requestsOf,
  startHarness,
  streamText,
  waitForEvent,
} from "./helpers/index.js";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Integration commands: searched by label, "mention" opens a sub-menu of people. */
const SCRIPT = `
  window.__searches = [];
  window.__selected = [];
  const all = [
    { id: "summarize", label: "Summarize", description: "Summarize the thread", group: "Actions" },
    { id: "ping", label: "Ping the team", group: "Actions" },
    { id: "mention", label: "Mention a teammate", group: "People" },
  ];
  options.commands = {
    enabled: true,
    onSearch: async (query) => {
      window.__searches.push(query);
      return all.filter((c) => c.label.toLowerCase().includes(query.toLowerCase()));
    },
    onSelect: async (command) => {
      window.__selected.push(command.id);
      if (command.id === "mention")
        return { type: "menu", commands: [{ id: "ada", label: "Ada Lovelace" }, { id: "bob", label: "Bob Kahn" }] };
      if (command.id === "ada")
        return { type: "entity", entity: { id: "u_ada", title: "Ada Lovelace", group: "People", data: { team: "eng" } } };
    },
  };
`;

async function open() {
  const harness = await startHarness({
    mock: createMockChatKit({ respond: (ctx) => streamText(ctx, "ok") }),
  });
  const tab = await newPage(browser);
  await mountChat(tab.page, harness, {
    options: {
      composer: {
        attachments: { enabled: true },
        tools: [{ id: "search", label: "Search", icon: "search" }],
      },
    },
    script: SCRIPT,
  });
  const box = tab.page.locator("threadkit-chat textarea");
  const menu = tab.page.locator("threadkit-chat [role=listbox]");
  return {
    ...tab,
    harness,
    box,
    menu,
    dispose: async () => {
      await tab.close();
      await harness.close();
    },
  };
}

const optionLabels = (page: Page) =>
  page.locator("threadkit-chat [role=option] .command-label").allTextContents();
const activeLabel = (page: Page) =>
  page.locator("threadkit-chat [role=option][aria-selected=true] .command-label").textContent();

describe("the / command menu", () => {
  it("lists built-ins and searched commands, filters as you type, runs one with Enter", async () => {
    const { page, box, menu, errors, dispose } = await open();
    try {
      await box.pressSequentially("/");
      await menu.waitFor();
      await page.waitForFunction(() =>
        (window as unknown as { __searches: string[] }).__searches.includes(""),
      );
      await expect
        .poll(() => optionLabels(page))
        .toEqual([
          "Start a new chat",
          "Attach files",
          "Use Search",
          "Summarize",
          "Ping the team",
          "Mention a teammate",
        ]);
      // Groups head their commands.
      await expect(menu.locator(".command-group").allTextContents()).resolves.toEqual([
        "Actions",
        "People",
      ]);
      await box.pressSequentially("pi");
      await expect.poll(() => optionLabels(page)).toEqual(["Ping the team"]);
      await box.press("Enter");
      await menu.waitFor({ state: "detached" });
      expect(
        await page.evaluate(() => (window as unknown as { __selected: string[] }).__selected),
      ).toEqual(["ping"]);
      // The "/pi" that opened the menu is gone, and nothing was sent.
      await expect(box.inputValue()).resolves.toBe("");
      expect(errors).toEqual([]);
    } finally {
      await dispose();
    }
  });

  it("navigates with the arrow keys, opens a sub-menu, inserts an entity sent as an input_tag", async () => {
    const { page, box, menu, harness, dispose } = await open();
    try {
      await box.pressSequentially("Ask /");
      await menu.waitFor();
      await expect.poll(() => optionLabels(page)).toHaveLength(6);
      await expect(activeLabel(page)).resolves.toBe("Start a new chat");
      await box.press("ArrowUp"); // wraps to the last
      await expect(activeLabel(page)).resolves.toBe("Mention a teammate");
      const active = await page
        .locator("threadkit-chat [role=option][aria-selected=true]")
        .getAttribute("id");
      await expect(box.getAttribute("aria-activedescendant")).resolves.toBe(active);
      await expect(box.getAttribute("aria-controls")).resolves.toBe("tk-commands");
      await box.press("Enter");
      await expect.poll(() => optionLabels(page)).toEqual(["Ada Lovelace", "Bob Kahn"]);
      await box.press("ArrowDown");
      await expect(activeLabel(page)).resolves.toBe("Bob Kahn");
      await box.press("Escape"); // back to the parent menu
      await expect.poll(() => optionLabels(page)).toHaveLength(6);
      await box.press("ArrowUp");
      await box.press("Enter");
      await expect.poll(() => optionLabels(page)).toEqual(["Ada Lovelace", "Bob Kahn"]);
      await box.pressSequentially("ad"); // filters the sub-menu
      await expect.poll(() => optionLabels(page)).toEqual(["Ada Lovelace"]);
      await box.press("Tab");
      await menu.waitFor({ state: "detached" });
      await expect(box.inputValue()).resolves.toBe("Ask @Ada Lovelace ");
      await box.pressSequentially("about it");
      await box.press("Enter");
      await waitForEvent(page, "chatkit.response.end");
      const [sent] = requestsOf(harness, "threads.create");
      expect((sent?.params.input as { content: unknown[] }).content).toEqual([
        { type: "input_text", text: "Ask " },
        {
          type: "input_tag",
          id: "u_ada",
          text: "Ada Lovelace",
          group: "People",
          interactive: false,
          data: { team: "eng" },
        },
        { type: "input_text", text: " about it" },
      ]);
      await expect(
        page.locator("threadkit-chat [data-item-type=user_message] .tag").textContent(),
      ).resolves.toBe("@Ada Lovelace");
      expect(
        await page.evaluate(() => (window as unknown as { __selected: string[] }).__selected),
      ).toEqual(["mention", "mention", "ada"]);
    } finally {
      await dispose();
    }
  });

  it("runs built-ins (select a tool), closes on Escape, and only opens for / at a word start", async () => {
    const { page, box, menu, dispose } = await open();
    try {
      await box.pressSequentially("/use");
      await expect.poll(() => optionLabels(page)).toEqual(["Use Search"]);
      await box.press("Enter");
      await waitForEvent(page, "chatkit.tool.change");
      expect((await recordedEvents(page, "chatkit.tool.change")).at(-1)?.detail).toEqual({
        toolId: "search",
      });
      await expect(box.inputValue()).resolves.toBe("");
      await box.pressSequentially("/");
      await menu.waitFor();
      await expect.poll(() => optionLabels(page)).toContain("Stop using Search");
      await box.press("Escape");
      await menu.waitFor({ state: "detached" });
      await expect(box.inputValue()).resolves.toBe("/");
      await box.fill("");
      await box.pressSequentially("and/or");
      await expect(menu.count()).resolves.toBe(0);
    } finally {
      await dispose();
    }
  });

  it("@ searches entities (onTagSearch, the composer's @ button), inserts a tag, and tags call onClick", async () => {
    const harness = await startHarness({
      mock: createMockChatKit({ respond: (ctx) => streamText(ctx, "ok") }),
    });
    const { page, errors, close } = await newPage(browser);
    try {
      await mountChat(page, harness, {
        script: `
          window.__clicked = [];
          const people = [
            { id: "u_grace", title: "Grace Hopper", group: "People", data: { team: "navy" } },
            { id: "u_alan", title: "Alan Turing", group: "People" },
          ];
          options.entities = {
            showComposerMenu: true,
            onTagSearch: async (q) => people.filter((p) => p.title.toLowerCase().includes(q.toLowerCase())),
            onClick: (entity) => window.__clicked.push(entity),
            onRequestPreview: async (entity) => ({
              preview: { type: "Basic", children: [{ type: "Text", value: "Preview of " + entity.title }] },
            }),
          };
        `,
      });
      const chat = page.locator("threadkit-chat");
      const box = chat.locator("textarea");
      await box.pressSequentially("Ping");
      await chat.getByRole("button", { name: "Mention" }).click();
      await expect(box.inputValue()).resolves.toBe("Ping @");
      await expect.poll(() => optionLabels(page)).toEqual(["Grace Hopper", "Alan Turing"]);
      await expect(chat.getByRole("listbox").getAttribute("aria-label")).resolves.toBe("Mentions");
      await box.pressSequentially("tur");
      await expect.poll(() => optionLabels(page)).toEqual(["Alan Turing"]);
      await box.press("Escape");
      await box.press("Backspace");
      await box.press("Backspace");
      await box.press("Backspace");
      await box.pressSequentially("gr");
      await expect.poll(() => optionLabels(page)).toEqual(["Grace Hopper"]);
      await box.press("Enter");
      await expect(box.inputValue()).resolves.toBe("Ping @Grace Hopper ");
      await box.press("Enter");
      await waitForEvent(page, "chatkit.response.end");
      const [sent] = requestsOf(harness, "threads.create");
      expect((sent?.params.input as { content: unknown[] }).content).toEqual([
        { type: "input_text", text: "Ping " },
        {
          type: "input_tag",
          id: "u_grace",
          text: "Grace Hopper",
          group: "People",
          interactive: false,
          data: { team: "navy" },
        },
      ]);
      // Hovering the tag shows the host's preview widget; leaving hides it.
      const tagButton = chat.locator("[data-item-type=user_message] button.tag");
      await tagButton.hover();
      const card = chat.locator("[role=tooltip]");
      await card.getByText("Preview of Grace Hopper").waitFor();
      await box.hover();
      await card.waitFor({ state: "detached" });
      await tagButton.click();
      const clicked = await page.evaluate(
        () => (window as unknown as { __clicked: unknown[] }).__clicked,
      );
      expect(clicked).toEqual([
        {
          id: "u_grace",
          title: "Grace Hopper",
          group: "People",
          interactive: false,
          data: { team: "navy" },
        },
      ]);
      expect(errors).toEqual([]);
    } finally {
      await close();
      await harness.close();
    }
  });
});
