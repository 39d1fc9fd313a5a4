import { resolve } from "node:path";

/** How the app runs, read from the environment. */
export interface AppConfig {
  port: number;
  host: string;
  /** The SQLite file holding threads, items and todos (used when `databaseUrl` is null). */
  dbPath: string;
  /**
   * `DATABASE_URL`: a `postgres://` URL puts threads, items, attachments and todos in
   * PostgreSQL (so several instances can serve one app); null for the SQLite file.
   */
  databaseUrl: string | null;
  /** `DATABASE_SCHEMA`: the PostgreSQL schema of the app's tables (default `threadkit`). */
  databaseSchema: string;
  /**
   * `RATE_LIMIT`: each user's actions and messages, `<perMinute>/<burst>` (e.g. `120/30`), or
   * `off`; null for the server's default.
   */
  rateLimit: { perMinute: number; burst: number } | false | null;
  /** `REPLY_DELAY_MS`: the offline responder's pause between streamed words (default 18). */
  replyDelayMs: number;
  /** Set when `OPENAI_API_KEY` is: the Agents SDK responder is used instead of the offline one. */
  openai: { apiKey: string; baseUrl: string | null; model: string | null } | null;
}

/** `THREADKIT_DB` resolved against the working directory; `:memory:` stays as it is. */
function dbPath(value: string | undefined): string {
  if (value === ":memory:") return value;
  return resolve(value || "data/todo.sqlite");
}

function rateLimit(value: string | undefined): AppConfig["rateLimit"] {
  const text = value?.trim();
  if (!text) return null;
  if (text === "off") return false;
  const match = /^(\d+)\/(\d+)$/.exec(text);
  const [perMinute, burst] = match ? [Number(match[1]), Number(match[2])] : [0, 0];
  if (perMinute < 1 || burst < 1)
    throw new Error(`RATE_LIMIT must be <perMinute>/<burst> or off, got ${JSON.stringify(value)}`);
  return { perMinute, burst };
}

function replyDelayMs(value: string | undefined): number {
  if (value === undefined || value.trim() === "") return 18;
  const ms = Number(value);
  if (!Number.isInteger(ms) || ms < 0 || ms > 1000)
    throw new Error(
      `REPLY_DELAY_MS must be an integer from 0 to 1000, got ${JSON.stringify(value)}`,
    );
  return ms;
}

/**
 * Reads `PORT` (default 8000; 0 picks a free port), `HOST` (default 127.0.0.1), `THREADKIT_DB`
 * (default `data/todo.sqlite`, relative to the working directory; `:memory:` for a
 * throwaway database), `DATABASE_URL` (`postgres://...`: PostgreSQL instead of SQLite) and
 * `DATABASE_SCHEMA` (default `threadkit`), `RATE_LIMIT` (`<perMinute>/<burst>` or `off`), `REPLY_DELAY_MS` (default 18), and
 * `OPENAI_API_KEY`,
 * `OPENAI_BASE_URL`, `OPENAI_MODEL` for the agent.
 *
 * @example
 * readConfig({ PORT: "0", THREADKIT_DB: "/tmp/t.sqlite" }).port; // 0
 */
export function readConfig(env: NodeJS.ProcessEnv): AppConfig {
  const port = env.PORT === undefined || env.PORT === "" ? 8000 : Number(env.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be an integer from 0 to 65535, got ${JSON.stringify(env.PORT)}`);
  }
  const apiKey = env.OPENAI_API_KEY?.trim();
  const databaseUrl = env.DATABASE_URL?.trim() || null;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new Error("DATABASE_URL must be a postgres:// or postgresql:// URL");
  }
  return {
    port,
    host: env.HOST || "127.0.0.1",
    dbPath: dbPath(env.THREADKIT_DB),
    databaseUrl,
    databaseSchema: env.DATABASE_SCHEMA?.trim() || "threadkit",
    rateLimit: rateLimit(env.RATE_LIMIT),
    replyDelayMs: replyDelayMs(env.REPLY_DELAY_MS),
    openai: apiKey
      ? {
          apiKey,
          baseUrl: env.OPENAI_BASE_URL?.trim() || null,
          model: env.OPENAI_MODEL?.trim() || null,
        }
      : null,
  };
}
