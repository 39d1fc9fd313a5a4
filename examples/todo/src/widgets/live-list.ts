import {
  Basic,
  Icon,
  Row,
  Text,
  type ThreadMetadata,
  type ThreadStreamEvent,
} from "@threadkit/core";
import { replaceWidgetRoot, type Store } from "@threadkit/server";
import { isTodoWidget } from "./state.js";

/** The `id` of the note that takes an older list's place. */
export const MOVED_ROOT_ID = "todo-list-moved";

/** What an older copy of the list becomes: one quiet line pointing at the live list. */
export function movedNote(): Basic {
  return Basic({
    id: MOVED_ROOT_ID,
    children: [
      Row({
        gap: 2,
        children: [
          Icon({ name: "check-circle", color: "secondary", size: "sm" }),
          Text({ value: "This list moved below.", color: "secondary", size: "sm" }),
        ],
      }),
    ],
  });
}

/**
 * Keeps one live todo list per thread: before a new list is posted, every older list (or
 * delete confirmation) of the thread collapses into {@link movedNote}, so no widget on screen
 * can contradict the data or offer a stale button. Looks back over at most `pages` × 50 items.
 *
 * @example
 * yield* collapseOlderLists(store, thread, context);
 * yield* streamWidget(thread, todoListCard(...), { ... });
 */
export async function* collapseOlderLists<TContext>(
  store: Store<TContext>,
  thread: ThreadMetadata,
  context: TContext,
  pages = 5,
): AsyncGenerator<ThreadStreamEvent> {
  let after: string | undefined;
  for (let page = 0; page < pages; page++) {
    const items = await store.loadThreadItems(thread.id, after, 50, "desc", context);
    for (const item of items.data) {
      if (isTodoWidget(item)) yield* replaceWidgetRoot(store, thread, item, movedNote(), context);
    }
    if (!items.has_more || !items.after) break;
    after = items.after;
  }
}
