/**
 * Helpers for the todo example's browser tests (owner: TODO). They drive the real app: the same
 * entry as `npm start` (`examples/todo/start.mjs`) in a child process, with `PORT` and
 * `THREADKIT_DB` pointing at a temporary database.
 *
 * - `startTodoServer({ dbPath?, port? })` → `{ url, port, dbPath, stop() }`.
 * - `openTodoApp(browser, server, { width?, colorScheme? })` → a `TestPage` on the app whose
 *   `chatkit.*` events are recorded into `window.__tkEvents` (so `waitForEvent` works).
 * - `say(page, text)` sends a message and waits for the end of the response.
 * - `widget(page)` the newest todo widget; `todoRow(page, title)` its row for a todo.
 * - `assistantSaid(page, text)` waits for an assistant message containing `text`.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { launchBrowser, newPage, type TestPage } from "./browser.js";
import { CHATKIT_EVENTS, recordedEvents, waitForEvent } from "./page.js";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));

/** A running todo app process. */
export interface TodoServer {
  url: string;
  port: number;
  dbPath: string;
  /** Everything the process printed. */
  output(): string;
  /** Stops the process (SIGTERM) and waits for it to exit. */
  stop(): Promise<void>;
}

/** A fresh temporary directory for a database; removed by the returned function. */
export function tempDb(): { dbPath: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), "threadkit-todo-"));
  return {
    dbPath: join(dir, "todo.sqlite"),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/**
 * The usual set-up of a todo browser test file: Chromium and a todo app process on a fresh SQLite
 * file, started before the file's tests (handed to `ready`) and stopped and removed after them.
 *
 * @example
 * let browser: Browser;
 * let server: TodoServer;
 * withTodoApp((b, s) => ([browser, server] = [b, s]));
 */
export function withTodoApp(ready: (browser: Browser, server: TodoServer) => void): void {
  let browser: Browser | undefined;
  let server: TodoServer | undefined;
  let db: ReturnType<typeof tempDb> | undefined;
  beforeAll(async () => {
    db = tempDb();
    [browser, server] = await Promise.all([
      launchBrowser(),
      startTodoServer({ dbPath: db.dbPath }),
    ]);
    ready(browser, server);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    db?.remove();
  });
}

/**
 * Starts `node examples/todo/start.mjs` (what `npm start` runs) with `PORT` (default 0, a free
 * port) and `THREADKIT_DB`, and resolves once it prints where it listens. `OPENAI_API_KEY` is
 * removed from its environment, so it always runs the offline responder.
 */
export function startTodoServer(options: {
  dbPath: string;
  port?: number;
  /** More environment for the server (e.g. `RATE_LIMIT`). */
  env?: Record<string, string>;
}): Promise<TodoServer> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...options.env,
    PORT: String(options.port ?? 0),
    HOST: "127.0.0.1",
    THREADKIT_DB: options.dbPath,
  };
  delete env.OPENAI_API_KEY;
  delete env.OPENAI_BASE_URL;
  const child: ChildProcess = spawn(process.execPath, ["examples/todo/start.mjs"], {
    cwd: ROOT,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`todo server did not start:\n${output}`));
    }, 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /on (http:\/\/127\.0\.0\.1:(\d+))\//.exec(output);
      if (!match?.[1] || !match[2]) return;
      clearTimeout(timer);
      resolve({
        url: match[1],
        port: Number(match[2]),
        dbPath: options.dbPath,
        output: () => output,
        async stop() {
          if (child.exitCode === null) child.kill("SIGTERM");
          await exited;
        },
      });
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`todo server exited with ${code}:\n${output}`));
    });
  });
}

/** Records every `chatkit.*` event of the page's element (capture phase: they do not bubble). */
function recordEvents(names: readonly string[]): void {
  const w = window as unknown as { __tkEvents: { name: string; detail: unknown }[] };
  w.__tkEvents = [];
  for (const name of names) {
    document.addEventListener(
      name,
      (e) => {
        const detail = (e as CustomEvent).detail;
        const safe =
          detail && typeof detail === "object" && "error" in detail
            ? { error: { message: String((detail.error as Error)?.message ?? detail.error) } }
            : detail;
        w.__tkEvents.push({ name, detail: JSON.parse(JSON.stringify(safe ?? null)) });
      },
      true,
    );
  }
}

/** Opens the app in a fresh browser context (a new user) and waits for the chat to be ready. */
export async function openTodoApp(
  browser: Browser,
  server: TodoServer,
  options: { width?: number; height?: number; colorScheme?: "light" | "dark" } = {},
): Promise<TestPage> {
  const test = await newPage(browser, { width: 1280, height: 900, ...options });
  await test.page.addInitScript(recordEvents, [...CHATKIT_EVENTS]);
  await test.page.goto(`${server.url}/`);
  await waitForEvent(test.page, "chatkit.ready");
  return test;
}

/** Opens another page in `page`'s browser context (the same user and thread) on the app. */
export async function openSamePage(page: Page, server: TodoServer): Promise<Page> {
  const other = await page.context().newPage();
  await other.addInitScript(recordEvents, [...CHATKIT_EVENTS]);
  await other.goto(`${server.url}/`);
  await waitForEvent(other, "chatkit.ready");
  return other;
}

/** Reloads the page (same user, same stored thread) and waits for the chat to be ready. */
export async function reloadTodoApp(page: Page, server: TodoServer): Promise<void> {
  await page.goto(`${server.url}/`);
  await waitForEvent(page, "chatkit.ready");
}

/** How many `chatkit.response.end` events the page has seen. */
export async function responseCount(page: Page): Promise<number> {
  return (await recordedEvents(page, "chatkit.response.end")).length;
}

/** Runs `act` and waits for the response it starts to end. */
export async function andWaitForResponse(page: Page, act: () => Promise<unknown>): Promise<void> {
  const before = await responseCount(page);
  await act();
  await waitForEvent(page, "chatkit.response.end", before + 1);
}

/** Sends `text` through the composer and waits for the whole response. */
export async function say(page: Page, text: string): Promise<void> {
  await andWaitForResponse(page, async () => {
    const box = page.locator("threadkit-chat textarea").first();
    await box.fill(text);
    await box.press("Enter");
  });
}

/** The newest todo widget of the thread. */
export function widget(page: Page): Locator {
  return page.locator('threadkit-chat [data-item-type="widget"]').last();
}

/** The row of the todo titled `title` in the newest widget (the row holding its buttons). */
export function todoRow(page: Page, title: string): Locator {
  return widget(page)
    .locator(".box.row")
    .filter({ hasText: title })
    .filter({ has: page.getByRole("button", { name: "Edit" }) })
    .last();
}

/** Waits for an assistant message containing `text` and returns it. */
export async function assistantSaid(page: Page, text: string): Promise<Locator> {
  const message = page
    .locator('threadkit-chat [data-item-type="assistant_message"]')
    .filter({ hasText: text })
    .last();
  await message.waitFor({ timeout: 15_000 });
  return message;
}

/** The user's todos as the server has them (`GET /api/todos` with the page's cookie). */
export async function serverTodos(
  page: Page,
  server: TodoServer,
): Promise<
  {
    id: string;
    title: string;
    done: boolean;
    note: string;
    priority: string;
    due: string | null;
    description: string;
  }[]
> {
  const res = await page.context().request.get(`${server.url}/api/todos`);
  return ((await res.json()) as { todos: [] }).todos;
}

/** Counts the `POST /chatkit` requests the page makes from now on. */
export function countChatkitRequests(page: Page): { readonly count: number } {
  const counter = { count: 0 };
  page.on("request", (req) => {
    if (req.method() === "POST" && req.url().endsWith("/chatkit")) counter.count += 1;
  });
  return counter;
}

/** The text a widget shows (its content lives in the `<tk-widget>` shadow root). */
export function widgetText(page: Page): Promise<string> {
  return widget(page).evaluate((el) => el.shadowRoot?.textContent ?? el.textContent ?? "");
}

/** A `threads.custom_action` request's params, as the page sent them. */
export interface CustomActionParams {
  item_id: string | null;
  action: { type: string; payload: unknown };
}

/** The `threads.custom_action` requests the page sends from now on (a live list of their params). */
export function customActions(page: Page): CustomActionParams[] {
  const sent: CustomActionParams[] = [];
  page.on("request", (req) => {
    if (!req.url().endsWith("/chatkit") || req.method() !== "POST") return;
    const body = JSON.parse(req.postData() ?? "{}") as {
      type?: string;
      params?: CustomActionParams;
    };
    if (body.type === "threads.custom_action" && body.params) sent.push(body.params);
  });
  return sent;
}
