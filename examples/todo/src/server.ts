import type {
  Action,
  ThreadMetadata,
  ThreadStreamEvent,
  UserMessageItem,
  WidgetItem,
} from "@threadkit/core";
import {
  ChatKitServer,
  type ChatKitServerOptions,
  type HandlerOptions,
  type RunLog,
  type ServerAttachmentStore,
  type Store,
  streamWidget,
} from "@threadkit/server";
import { parseForPeople } from "./action-errors.js";
import { TodoActions } from "./actions.js";
import type { RequestContext } from "./context.js";
import { handleTodoAction } from "./handlers.js";
import type { Responder } from "./responder/responder.js";
import type { TodoRepo } from "./todos/repo.js";
import { isoToday } from "./todos/todo.js";
import { recordUserAction } from "./user-action.js";
import { isTodoWidget, readFilter } from "./widgets/state.js";

/** Options of {@link TodoServer}. */
export interface TodoServerOptions {
  store: Store<RequestContext>;
  /** Where uploads go (optional: without it, `attachments.create` answers 501). */
  attachmentStore?: ServerAttachmentStore<RequestContext>;
  /** Where replies run (default: in memory; `PostgresRunLog` when several instances serve). */
  runLog?: RunLog | undefined;
  /** Each user's actions and messages (default: the server's, `{ perMinute: 120, burst: 30 }`). */
  rateLimit?: ChatKitServerOptions<RequestContext>["rateLimit"];
  todos: TodoRepo;
  responder: Responder;
  /** How long "Delete all done" takes on purpose, so its loading state is visible. Default 1000. */
  slowMs?: number;
}

/**
 * The todo app's ChatKit server. `respond` hands the turn to the responder (offline or the
 * Agents SDK). `action` parses every incoming action with `TodoActions` (a bad payload becomes
 * an `error` event), runs it on the user's todos, updates the widget it came from (or the latest
 * todo widget, for actions sent from the page), records a `<USER_ACTION>` hidden context item
 * and lets the responder answer.
 *
 * @example
 * const server = new TodoServer({ store, todos, responder: new OfflineResponder(store, todos) });
 * http.createServer(createNodeHandler(server, { getContext })).listen(8000);
 */
export class TodoServer extends ChatKitServer<RequestContext> {
  readonly todos: TodoRepo;
  readonly responder: Responder;
  readonly #slowMs: number;

  constructor(options: TodoServerOptions) {
    super(options.store, {
      attachmentStore: options.attachmentStore,
      runLog: options.runLog,
      actions: TodoActions,
      ...(options.rateLimit === undefined ? {} : { rateLimit: options.rateLimit }),
    });
    this.todos = options.todos;
    this.responder = options.responder;
    this.#slowMs = options.slowMs ?? 1000;
  }

  override respond(
    thread: ThreadMetadata,
    input: UserMessageItem | null,
    context: RequestContext,
    options: HandlerOptions,
  ): AsyncIterable<ThreadStreamEvent> {
    return this.responder.respond({ thread, input, context, signal: options.signal });
  }

  override async *action(
    thread: ThreadMetadata,
    action: Action,
    sender: WidgetItem | null,
    context: RequestContext,
    options: HandlerOptions,
  ): AsyncGenerator<ThreadStreamEvent> {
    // A bad payload becomes an `error` event with a sentence for people (details in the log).
    const todoAction = parseForPeople(() => TodoActions.parse(action));
    const target =
      sender && isTodoWidget(sender) ? sender : await this.#latestTodoWidget(thread, context);
    const outcome = await handleTodoAction(todoAction, {
      todos: this.todos,
      userId: context.userId,
      filter: readFilter(target?.widget),
      today: isoToday(),
      locale: context.locale,
      slowMs: this.#slowMs,
      signal: options.signal,
    });
    if (target) yield* this.replaceWidgetRoot(thread, target, outcome.widget, context);
    else {
      yield* streamWidget(thread, outcome.widget, {
        copyText: "Todos",
        generateId: (kind) => this.store.generateItemId(kind, thread, context),
      });
    }
    // UI-only actions (filter, Edit, Cancel, opening a form) change the widget and stay quiet.
    if (!outcome.userAction) return;
    await recordUserAction(this.store, thread, outcome.userAction, context);
    yield* this.generate(thread, context, options);
  }

  /** The newest todo list (or confirmation) widget of the thread, for actions sent from the page. */
  async #latestTodoWidget(
    thread: ThreadMetadata,
    context: RequestContext,
  ): Promise<WidgetItem | null> {
    let after: string | undefined;
    for (let page = 0; page < 5; page++) {
      const items = await this.store.loadThreadItems(thread.id, after, 50, "desc", context);
      const found = items.data.find(isTodoWidget);
      if (found) return found;
      if (!items.has_more || !items.after) break;
      after = items.after;
    }
    return null;
  }
}
