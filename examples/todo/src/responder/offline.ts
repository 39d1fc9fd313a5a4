import type { ThreadItem, ThreadStreamEvent } from "@threadkit/core";
import { HttpError, type Store, streamWidget } from "@threadkit/server";
import type { RequestContext } from "../context.js";
import { TodoLimitError, type TodoRepo } from "../todos/repo.js";
import { countTodos, isoToday, LIMITS } from "../todos/todo.js";
import { readUserAction, type UserAction } from "../user-action.js";
import { todoListCard } from "../widgets/list.js";
import { collapseOlderLists } from "../widgets/live-list.js";
import { messageText, type Responder, type ResponderTurn } from "./responder.js";
import { streamText } from "./stream-text.js";

const ADD = /^\s*add\s+(?:an?\s+)?(?:todo\s*:?\s*|task\s*:?\s*)?(.+?)\s*$/is;
const TODO = /\btodos?\b/i;

/** The help reply: what the offline responder understands. */
export const HELP =
  "I'm the offline demo assistant, a stand-in for a model. I understand two requests: " +
  "**“show my todos”** (any message mentioning todos) shows your list, and **“add <title>”** " +
  "adds one, e.g. “add buy milk”. Everything else happens in the list itself: Done, Details, " +
  "Edit, the filter and the forms.";

/** What the offline responder will do with a message. */
export type Intent =
  | { kind: "add"; title: string }
  | { kind: "too-long"; length: number }
  | { kind: "list" }
  | { kind: "help" };

/**
 * Understands a message: `add <title>` adds a todo (a title over the limit is refused, never
 * cut silently), anything mentioning "todo" shows the list, everything else gets the help text.
 *
 * @example
 * intentOf("add buy milk"); // { kind: "add", title: "buy milk" }
 * intentOf("what are my todos?"); // { kind: "list" }
 */
export function intentOf(text: string): Intent {
  const add = ADD.exec(text);
  const title = add?.[1];
  if (title) {
    const length = [...title].length;
    return length > LIMITS.title ? { kind: "too-long", length } : { kind: "add", title };
  }
  if (TODO.test(text)) return { kind: "list" };
  return { kind: "help" };
}

/** The refusal of a title over the limit: what happened and what to do. */
export function tooLong(length: number): string {
  return (
    `That title is ${length} characters long, and a todo title can have at most ${LIMITS.title}, ` +
    "so I did not add it. Please send a shorter title."
  );
}

/**
 * A thread's title for the history panel, from the first message's intent rather than its raw
 * text: "Todos: Buy milk" for an add, "Todo list" for the list, else the first line, cut at a
 * word and capitalised.
 *
 * @example
 * threadTitle({ kind: "add", title: "Buy milk" }, "add Buy milk"); // "Todos: Buy milk"
 */
export function threadTitle(intent: Intent, text: string): string | undefined {
  if (intent.kind === "add") return `Todos: ${atWord(intent.title, 40)}`;
  if (intent.kind !== "help") return "Todo list";
  const line = atWord(text.split("\n")[0]?.trim() ?? "", 48);
  return line ? line.charAt(0).toUpperCase() + line.slice(1) : undefined;
}

/** `text` cut to at most `max` characters at a word boundary, with an ellipsis when cut. */
function atWord(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max + 1).replace(/\s+\S*$/, "");
  return `${cut || text.slice(0, max)}…`;
}

/** "2 todos are still open." after finishing or removing work, "You have 2 open todos." else. */
function openLine(open: number, still = false): string {
  if (open === 0) return "Nothing is open now.";
  if (still) return `${open} todo${open === 1 ? " is" : "s are"} still open.`;
  return `You have ${open} open todo${open === 1 ? "" : "s"}.`;
}

/** The actions after which "still open" is the natural thing to say. */
const FINISHING = new Set(["todo.complete", "todo.clear_completed", "todo.delete_done"]);

/**
 * The reply to a widget action, from its `<USER_ACTION>` note: the note in the second person,
 * then how many todos are open.
 *
 * @example
 * replyToAction({ type: "todo.complete", text: "The user marked “Milk” as done." }, 2);
 * // "You marked “Milk” as done. 2 todos are still open."
 */
export function replyToAction(action: UserAction, open: number): string {
  const said = action.text.replace(/^The user\b/, "You");
  switch (action.type) {
    case "todo.set_priority":
      return said;
    default:
      return `${said} ${openLine(open, FINISHING.has(action.type))}`;
  }
}

/** The newest `<USER_ACTION>` since the last message (items newest first), if any. */
export function latestUserAction(itemsNewestFirst: readonly ThreadItem[]): UserAction | null {
  for (const item of itemsNewestFirst) {
    if (item.type === "user_message" || item.type === "assistant_message") return null;
    const action = readUserAction(item);
    if (action) return action;
  }
  return null;
}

/**
 * The default responder: deterministic, offline, written for this app. It is a stand-in for a
 * model, not one: it knows "add <title>" and "todo", reads the hidden `<USER_ACTION>` items that
 * widget actions record, and streams its replies word by word so streaming is visible.
 */
export class OfflineResponder implements Responder {
  readonly name = "offline";
  readonly #store: Store<RequestContext>;
  readonly #todos: TodoRepo;
  readonly #delayMs: number;

  constructor(store: Store<RequestContext>, todos: TodoRepo, options: { delayMs?: number } = {}) {
    this.#store = store;
    this.#todos = todos;
    this.#delayMs = options.delayMs ?? 18;
  }

  async *respond(turn: ResponderTurn): AsyncGenerator<ThreadStreamEvent> {
    const { thread, input, context } = turn;
    const userId = context.userId;
    if (input === null) {
      const recent = await this.#store.loadThreadItems(thread.id, null, 10, "desc", context);
      const action = latestUserAction(recent.data);
      const open = countTodos(await this.#todos.list(userId)).open;
      yield* this.#say(turn, action ? replyToAction(action, open) : HELP);
      return;
    }
    const text = messageText(input);
    const intent = intentOf(text);
    if (!thread.title) thread.title = threadTitle(intent, text);
    if (intent.kind === "help") {
      yield* this.#say(turn, HELP);
      return;
    }
    if (intent.kind === "too-long") {
      yield* this.#say(turn, tooLong(intent.length));
      return;
    }
    let reply: string;
    if (intent.kind === "add") {
      try {
        const todo = await this.#todos.add(userId, { title: intent.title });
        const { open } = countTodos(await this.#todos.list(userId));
        reply = `Added “${todo.title}”. ${openLine(open)}`;
      } catch (error) {
        if (error instanceof HttpError) throw error; // e.g. the database is unavailable
        reply = error instanceof TodoLimitError ? error.message : "That title is empty.";
      }
    } else {
      const { open, done } = countTodos(await this.#todos.list(userId));
      reply =
        open + done === 0
          ? "Your list is empty. Add a todo with the button below, or say “add buy milk”."
          : `Here is your list: ${open} open, ${done} done. Press Done when you finish one.`;
    }
    yield* this.#say(turn, reply);
    yield* collapseOlderLists(this.#store, thread, context);
    const card = todoListCard(
      await this.#todos.list(userId),
      { filter: "all" },
      isoToday(),
      context.locale,
    );
    yield* streamWidget(thread, card, {
      copyText: "Todos",
      generateId: (kind) => this.#store.generateItemId(kind, thread, context),
    });
  }

  #say(turn: ResponderTurn, text: string): AsyncGenerator<ThreadStreamEvent> {
    const id = this.#store.generateItemId("message", turn.thread, turn.context);
    return streamText(turn.thread, text, { id, delayMs: this.#delayMs, signal: turn.signal });
  }
}
