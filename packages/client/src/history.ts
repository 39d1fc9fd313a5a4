import type { Page, ThreadMetadata } from "@threadkit/core";
import type { Transport } from "./transport.js";

/** One row in the history panel. */
export type HistoryThread = Pick<ThreadMetadata, "id" | "title" | "created_at">;

/**
 * The history panel's data: pages of `threads.list` (newest first), rename via `threads.update`,
 * delete via `threads.delete`.
 *
 * @example
 * ```ts
 * const h = new HistoryModel(transport, () => el.requestUpdate());
 * await h.refresh();
 * await h.rename(h.threads[0].id, "Trip ideas");
 * ```
 */
export class HistoryModel {
  threads: HistoryThread[] = [];
  hasMore = false;
  loading = false;
  error: string | null = null;
  #after: string | undefined;
  #transport: Transport;
  #changed: () => void;

  constructor(transport: Transport, changed: () => void) {
    this.#transport = transport;
    this.#changed = changed;
  }

  async #page(after?: string): Promise<void> {
    this.loading = true;
    this.error = null;
    this.#changed();
    try {
      const page = await this.#transport.request<Page<ThreadMetadata>>("threads.list", {
        limit: 20,
        order: "desc",
        ...(after ? { after } : {}),
      });
      const rows = page.data.map(({ id, title, created_at }) => ({ id, title, created_at }));
      this.threads = after ? [...this.threads, ...rows] : rows;
      this.hasMore = page.has_more;
      this.#after = page.after ?? rows.at(-1)?.id;
    } catch (e) {
      this.error = e instanceof Error ? e.message : String(e);
      throw e;
    } finally {
      this.loading = false;
      this.#changed();
    }
  }

  /** Loads the first page again. */
  refresh(): Promise<void> {
    return this.#page();
  }

  /** Loads the next page (no-op when there is none). */
  async more(): Promise<void> {
    if (this.hasMore && !this.loading) await this.#page(this.#after);
  }

  /** Renames a thread and updates the row. */
  async rename(threadId: string, title: string): Promise<void> {
    const thread = await this.#transport.request<ThreadMetadata>("threads.update", {
      thread_id: threadId,
      title,
    });
    this.threads = this.threads.map((t) =>
      t.id === threadId ? { ...t, title: thread.title ?? title } : t,
    );
    this.#changed();
  }

  /** Deletes a thread and removes its row. */
  async remove(threadId: string): Promise<void> {
    await this.#transport.request("threads.delete", { thread_id: threadId });
    this.threads = this.threads.filter((t) => t.id !== threadId);
    this.#changed();
  }
}
