/**
 * @threadkit/react in Chromium: a tiny React 19 page (bundled with esbuild) renders <ChatKit>
 * from useChatKit; events reach the on* props (always the latest closures), onClientTool stays
 * an option, callback-only re-renders do not call setOptions again, data changes do, and the
 * hook's commands drive the element (and warn once it is unmounted).
 */
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createMockChatKit,
  type Harness,
  launchBrowser,
  type MockEvent,
  makeItem,
  newPage,
  type RespondContext,
  startHarness,
  streamText,
} from "./helpers/index.js";

const src = (path: string) => fileURLToPath(new URL(`../../packages/${path}`, import.meta.url));

const APP = `
import { useState } from "react";
import { createRoot } from "react-dom/client";
import { ChatKit, useChatKit } from "@threadkit/react";

const log = [];
window.__log = log;
window.__setOptionsCalls = 0;
const proto = customElements.get("threadkit-chat").prototype;
const setOptions = proto.setOptions;
proto.setOptions = function (o) { window.__setOptionsCalls++; return setOptions.call(this, o); };

function App() {
  const [tick, setTick] = useState(0);
  const [greeting, setGreeting] = useState("Hello from React");
  const chat = useChatKit({
    api: { url: "/chatkit" },
    startScreen: { greeting },
    composer: { tools: [{ id: "search", label: "Search" }] },
    onReady: () => log.push(["ready"]),
    onError: ({ error }) => log.push(["error", error.message]),
    onLog: ({ name }) => log.push(["log", name]),
    onEffect: ({ name, data }) => log.push(["effect", name, data]),
    onResponseStart: () => log.push(["response.start", tick]),
    onResponseEnd: () => log.push(["response.end", tick]),
    onThreadChange: ({ threadId }) => log.push(["thread.change", threadId]),
    onThreadLoadStart: ({ threadId }) => log.push(["thread.load.start", threadId]),
    onThreadLoadEnd: ({ threadId }) => log.push(["thread.load.end", threadId]),
    onToolChange: ({ toolId }) => log.push(["tool.change", toolId]),
    onClientTool: ({ name }) => ({ tool: name, tick }),
    widgets: { onAction: async (action, item) => log.push(["action", action.type, item.id, tick]) },
  });
  window.__chat = chat;
  window.__tick = () => setTick((t) => t + 1);
  window.__greet = setGreeting;
  return <ChatKit control={chat.control} className="react-chat" style={{ display: "block", height: "100vh" }} />;
}

const root = createRoot(document.getElementById("app"));
root.render(<App />);
window.__unmount = () => root.unmount();
`;

const PAGE = `<!doctype html><html><head><meta charset="utf-8"><title>react</title>
<style>html,body{margin:0;height:100%}</style></head>
<body><div id="app"></div><script type="module" src="/app.js"></script></body></html>`;

async function bundleApp(): Promise<string> {
  const out = await build({
    stdin: {
      contents: APP,
      loader: "tsx",
      resolveDir: fileURLToPath(new URL(".", import.meta.url)),
    },
    bundle: true,
    format: "esm",
    write: false,
    target: "es2022",
    jsx: "automatic",
    define: { "process.env.NODE_ENV": '"production"' },
    alias: {
      "@threadkit/react": src("react/src/index.ts"),
      "@threadkit/client": src("client/src/index.ts"),
      "@threadkit/core": src("core/src/index.ts"),
    },
    logLevel: "error",
  });
  return out.outputFiles[0]!.text;
}

/** Replies by the message text: "widget", "tool", "fail", else an echo. */
function* respond(ctx: RespondContext): Generator<MockEvent> {
  if (ctx.request.type === "threads.add_client_tool_output") {
    yield* streamText(ctx, `Tool output ${JSON.stringify(ctx.request.params.result)}`, 1);
  } else if (ctx.text === "widget") {
    yield { type: "client_effect", name: "highlight", data: { id: 3 } };
    const widget = {
      type: "Card",
      children: [
        { type: "Button", label: "Open", onClickAction: { type: "open", handler: "client" } },
      ],
    };
    yield { type: "thread.item.done", item: makeItem(ctx, "widget", { widget }) };
  } else if (ctx.text === "tool") {
    const call = { status: "pending", call_id: "call_1", name: "get_time", arguments: {} };
    yield { type: "thread.item.done", item: makeItem(ctx, "client_tool_call", call) };
  } else if (ctx.text === "fail") {
    yield { type: "error", code: "custom", message: "Model unavailable", allow_retry: false };
  } else {
    yield* streamText(ctx, `Echo ${ctx.text}`, 2);
  }
}

type Entry = [string, ...unknown[]];
const logOf = (page: Page) =>
  page.evaluate(() => (window as unknown as { __log: Entry[] }).__log.slice());
const waitForLog = (page: Page, name: string, count = 1) =>
  page.waitForFunction(
    ({ name, count }) =>
      (window as unknown as { __log: Entry[] }).__log.filter((e) => e[0] === name).length >= count,
    { name, count },
    { timeout: 15_000 },
  );
type Chat = Record<string, (...args: unknown[]) => Promise<void> | undefined>;
const command = (page: Page, name: string, ...args: unknown[]) =>
  page.evaluate(
    ({ name, args }) => {
      const chat = (window as unknown as { __chat: Chat }).__chat;
      const result = chat[name]!(...args);
      return result === undefined ? "undefined" : result.then(() => "resolved");
    },
    { name, args },
  );
const setOptionsCalls = (page: Page) =>
  page.evaluate(() => (window as unknown as { __setOptionsCalls: number }).__setOptionsCalls);

let browser: Browser;
let harness: Harness;
beforeAll(async () => {
  const app = await bundleApp();
  harness = await startHarness({
    mock: createMockChatKit({ respond }),
    files: { "/react.html": PAGE, "/app.js": app },
  });
  browser = await launchBrowser();
});
afterAll(async () => {
  await Promise.all([browser?.close(), harness?.close()]);
});

describe("@threadkit/react", () => {
  it("renders <ChatKit>, maps every event to its on* prop and drives the element's commands", async () => {
    const { page, errors, close } = await newPage(browser);
    try {
      await page.goto(`${harness.baseUrl}/react.html`);
      await waitForLog(page, "ready");
      const chat = page.locator("threadkit-chat.react-chat");
      await chat.getByText("Hello from React").waitFor();
      await expect(setOptionsCalls(page)).resolves.toBe(1);

      // Re-renders that only create new callbacks keep the options; handlers see the latest tick.
      await page.evaluate(() => (window as unknown as { __tick(): void }).__tick());
      await page.evaluate(() => (window as unknown as { __tick(): void }).__tick());
      await page.waitForTimeout(50);
      await expect(setOptionsCalls(page)).resolves.toBe(1);

      await expect(command(page, "sendUserMessage", { text: "hi" })).resolves.toBe("resolved");
      await chat.getByText("Echo hi").waitFor();
      const threadId = [...harness.mock.threads.keys()][0];
      expect(await logOf(page)).toEqual([
        ["ready"],
        ["response.start", 2],
        ["thread.change", threadId],
        ["response.end", 2],
      ]);

      // Effects, widget client actions (onLog + widgets.onAction), client tools, errors.
      await command(page, "sendUserMessage", { text: "widget" });
      await waitForLog(page, "effect");
      await chat.getByRole("button", { name: "Open" }).click();
      await waitForLog(page, "action");
      await command(page, "sendUserMessage", { text: "tool" });
      await chat.getByText('Tool output {"tool":"get_time","tick":2}').waitFor();
      await command(page, "sendUserMessage", { text: "fail" });
      await waitForLog(page, "error");
      const widgetItem = harness.mock.threads
        .get(threadId!)!
        .items.find((i) => i.type === "widget");
      const log = await logOf(page);
      expect(log).toContainEqual(["effect", "highlight", { id: 3 }]);
      expect(log).toContainEqual(["log", "widgets.action"]);
      expect(log).toContainEqual(["action", "open", widgetItem?.id, 2]);
      expect(log).toContainEqual(["error", "Model unavailable"]);

      // Tool selection, thread switching and loading.
      await command(page, "setComposerValue", { selectedToolId: "search" });
      await command(page, "setThreadId", null);
      await command(page, "setThreadId", threadId);
      await waitForLog(page, "thread.load.end");
      const tail = (await logOf(page)).slice(log.length);
      expect(tail).toEqual([
        ["tool.change", "search"],
        ["thread.change", null],
        ["thread.load.start", threadId],
        ["thread.change", threadId],
        ["thread.load.end", threadId],
      ]);
      await chat.getByText("Echo hi").waitFor();

      // Changing data re-configures the element.
      await command(page, "setThreadId", null);
      await page.evaluate(() =>
        (window as unknown as { __greet(g: string): void }).__greet("Bonjour"),
      );
      await chat.getByText("Bonjour").waitFor();
      await expect(setOptionsCalls(page)).resolves.toBe(2);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it("commands warn and return undefined once <ChatKit> is unmounted", async () => {
    const { page, close } = await newPage(browser);
    const warnings: string[] = [];
    page.on("console", (m) => {
      if (m.type() === "warning") warnings.push(m.text());
    });
    try {
      await page.goto(`${harness.baseUrl}/react.html`);
      await waitForLog(page, "ready");
      await expect(command(page, "focusComposer")).resolves.toBe("resolved");
      await page.evaluate(() => (window as unknown as { __unmount(): void }).__unmount());
      await expect(page.locator("threadkit-chat").count()).resolves.toBe(0);
      await expect(command(page, "sendCustomAction", { type: "x" })).resolves.toBe("undefined");
      expect(warnings).toContain("ChatKit element is not mounted");
    } finally {
      await close();
    }
  });
});
