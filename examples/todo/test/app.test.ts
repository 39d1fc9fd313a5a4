import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTodoApp, type TodoApp } from "../src/app.js";
import { readConfig } from "../src/config.js";

let app: TodoApp;
beforeAll(async () => {
  app = await startTodoApp(readConfig({ PORT: "0", THREADKIT_DB: ":memory:" }));
});
afterAll(async () => {
  await app?.close();
});

describe("readConfig", () => {
  it("reads PORT, HOST, THREADKIT_DB and the OpenAI settings", () => {
    const defaults = readConfig({});
    expect(defaults).toMatchObject({ port: 8000, host: "127.0.0.1", openai: null });
    expect(defaults.dbPath.endsWith("data/todo.sqlite")).toBe(true);
    expect(
      readConfig({
        PORT: "9001",
        HOST: "0.0.0.0",
        OPENAI_API_KEY: "sk-x",
        OPENAI_BASE_URL: "http://l/v1",
      }),
    ).toMatchObject({
      port: 9001,
      host: "0.0.0.0",
      openai: { apiKey: "sk-x", baseUrl: "http://l/v1", model: null },
    });
    expect(readConfig({ THREADKIT_DB: ":memory:" }).dbPath).toBe(":memory:");
    expect(() => readConfig({ PORT: "http" })).toThrow("PORT must be an integer");
    expect(defaults).toMatchObject({
      databaseUrl: null,
      databaseSchema: "threadkit",
      rateLimit: null,
    });
    expect(readConfig({ RATE_LIMIT: "off" }).rateLimit).toBe(false);
    expect(readConfig({ RATE_LIMIT: "60/10" }).rateLimit).toEqual({ perMinute: 60, burst: 10 });
    expect(() => readConfig({ RATE_LIMIT: "lots" })).toThrow("RATE_LIMIT must be");
    expect(defaults.replyDelayMs).toBe(18);
    expect(readConfig({ REPLY_DELAY_MS: "5" }).replyDelayMs).toBe(5);
    expect(() => readConfig({ REPLY_DELAY_MS: "-1" })).toThrow("REPLY_DELAY_MS must be");
    expect(
      readConfig({ DATABASE_URL: "postgres://u@db:5432/app", DATABASE_SCHEMA: "todo_a" }),
    ).toMatchObject({ databaseUrl: "postgres://u@db:5432/app", databaseSchema: "todo_a" });
    expect(() => readConfig({ DATABASE_URL: "mysql://db/app" })).toThrow("DATABASE_URL must be");
  });

  it("reads RATE_LIMIT as perMinute/burst or off", () => {
    expect(readConfig({}).rateLimit).toBeNull();
    expect(readConfig({ RATE_LIMIT: "20/4" }).rateLimit).toEqual({ perMinute: 20, burst: 4 });
    expect(readConfig({ RATE_LIMIT: "off" }).rateLimit).toBe(false);
    expect(() => readConfig({ RATE_LIMIT: "fast" })).toThrow("RATE_LIMIT must be");
    expect(() => readConfig({ RATE_LIMIT: "0/4" })).toThrow("RATE_LIMIT must be");
  });
});

describe("the app's HTTP routes", () => {
  it("serves the page with a new user cookie, the bundles and the stylesheet", async () => {
    const page = await fetch(`${app.url}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<threadkit-chat id="chat"></threadkit-chat>');
    expect(page.headers.get("set-cookie")).toMatch(
      /^tk_user=u_[0-9a-f]{24}; Path=\/; HttpOnly; SameSite=Lax/,
    );
    for (const [path, type] of [
      ["/threadkit.js", "text/javascript"],
      ["/app.js", "text/javascript"],
      ["/app.css", "text/css"],
    ] as const) {
      const res = await fetch(`${app.url}${path}`);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toContain(type);
    }
    // The page script uses only the action *types*: no zod in the browser.
    const script = await (await fetch(`${app.url}/app.js`)).text();
    expect(script.length).toBeLessThan(30_000);
    expect((await fetch(`${app.url}/nope`)).status).toBe(404);
    expect((await fetch(`${app.url}/api/todos`, { method: "DELETE" })).status).toBe(405);
  });

  it("answers POST /chatkit and /api/todos for the cookie's user only", async () => {
    const cookie = (await fetch(`${app.url}/`)).headers.get("set-cookie")?.split(";")[0] ?? "";
    const body = JSON.stringify({
      type: "threads.create",
      params: {
        input: {
          content: [{ type: "input_text", text: "add Buy milk" }],
          attachments: [],
          inference_options: {},
        },
      },
    });
    const res = await fetch(`${app.url}/chatkit`, { method: "POST", body, headers: { cookie } });
    expect(res.headers.get("content-type")).toBe("text/event-stream");
    expect(await res.text()).toContain("Added “Buy milk”.");
    const mine = (await (await fetch(`${app.url}/api/todos`, { headers: { cookie } })).json()) as {
      todos: { title: string }[];
    };
    expect(mine.todos.map((t) => t.title)).toEqual(["Buy milk"]);
    const demo = (await (await fetch(`${app.url}/api/todos`)).json()) as { todos: unknown[] };
    expect(demo.todos).toEqual([]);
  });
});
