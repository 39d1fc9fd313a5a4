/**
 * The todo domain: what a todo is, its limits, and the filters of the list. Every limit here is
 * enforced twice: by the action schemas (untrusted payloads) and by {@link TodoRepo} (storage).
 * @module
 */

/** How urgent a todo is. */
export type Priority = "low" | "normal" | "high";
/** Every priority, lowest first. */
export const PRIORITIES: readonly Priority[] = ["low", "normal", "high"];

/** Which todos the list shows. */
export type Filter = "all" | "open" | "done";
/** Every filter, in the order the filter Select lists them. */
export const FILTERS: readonly Filter[] = ["all", "open", "done"];

/** Longest title, description and note accepted (characters, after trimming). */
export const LIMITS = { title: 120, description: 1000, note: 1000 } as const;

/** Most todos one user may keep (a bound on what an untrusted client can make us store). */
export const MAX_TODOS = 500;

/** A todo id: `td_` and 16 hex digits. */
export const TODO_ID = /^td_[0-9a-f]{16}$/;

/** A due date: an ISO calendar date (`YYYY-MM-DD`). */
export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** One todo of one user. */
export interface Todo {
  id: string;
  title: string;
  description: string;
  /** ISO date (`YYYY-MM-DD`) or null. */
  due: string | null;
  priority: Priority;
  /** The note written in the host page's Details dialog. */
  note: string;
  done: boolean;
  /** ISO timestamps. */
  createdAt: string;
  completedAt: string | null;
}

/** What it takes to add a todo; omitted fields get their defaults. */
export interface NewTodo {
  title: string;
  description?: string | undefined;
  due?: string | null | undefined;
  priority?: Priority | undefined;
}

/** Whether `todo` is shown under `filter`. */
export function matchesFilter(todo: Todo, filter: Filter): boolean {
  if (filter === "all") return true;
  return filter === "done" ? todo.done : !todo.done;
}

/** `todos` counted by state. */
export function countTodos(todos: readonly Todo[]): { open: number; done: number } {
  const done = todos.filter((t) => t.done).length;
  return { open: todos.length - done, done };
}

/** The one way the app writes a date ("Mon 3 Dec" in en-GB, "Mon, Dec 3" in en-US). */
export const DATE_STYLE: Intl.DateTimeFormatOptions = {
  weekday: "short",
  day: "numeric",
  month: "short",
};

/** A date (`YYYY-MM-DD`, read in UTC) or timestamp in {@link DATE_STYLE}, in `locale`. */
export function formatDate(iso: string, locale?: string): string {
  const dateOnly = ISO_DATE.test(iso);
  const time = Date.parse(dateOnly ? `${iso}T00:00:00Z` : iso);
  if (Number.isNaN(time)) return "";
  return new Date(time).toLocaleDateString(locale, {
    ...DATE_STYLE,
    ...(dateOnly ? { timeZone: "UTC" } : {}),
  });
}

/**
 * A due date for people, in `locale`: "today", "tomorrow", "yesterday" (the locale's words),
 * else {@link formatDate}, relative to `today` (an ISO date).
 */
export function formatDue(due: string, today: string, locale?: string): string {
  const day = Date.parse(`${due}T00:00:00Z`);
  const now = Date.parse(`${today}T00:00:00Z`);
  const diff = Math.round((day - now) / 86_400_000);
  if (Math.abs(diff) <= 1)
    return new Intl.RelativeTimeFormat(locale, { numeric: "auto" }).format(diff, "day");
  return formatDate(due, locale);
}

/**
 * The request's locale from `Accept-Language` (its first tag the runtime supports), else "en".
 *
 * @example
 * localeOf("fr-CH, fr;q=0.9"); // "fr-CH"
 */
export function localeOf(acceptLanguage: string | undefined): string {
  const tag = (acceptLanguage ?? "").split(",")[0]?.split(";")[0]?.trim().slice(0, 35) ?? "";
  try {
    return Intl.DateTimeFormat.supportedLocalesOf(tag ? [tag] : [])[0] ?? "en";
  } catch {
    return "en";
  }
}

/** Today's date as `YYYY-MM-DD` (UTC). */
export function isoToday(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}
