import type Database from "better-sqlite3";
/** One open SQLite transaction and what became of it. */
export interface Group {
    /** Set when the transaction could not commit (or SQLite rolled it back): its writes are lost. */
    error?: unknown;
}
/**
 * Group commit on one better-sqlite3 connection. Staged writes run at once inside a transaction
 * opened for them (so reads see them and their checks and errors happen at the call), and are
 * made durable together by {@link commit}: the server calls it before any event that follows
 * them reaches a client. The transaction is committed at the end of the event-loop turn at the
 * latest (`setImmediate`), so the write lock is never held across I/O a handler waits for.
 *
 * A write that is not staged ({@link now}) commits before it returns, with whatever is staged.
 */
export declare class GroupCommit {
    #private;
    constructor(db: Database.Database);
    /** Runs `write` inside the open transaction (opening one); returns the transaction. */
    stage(write: () => void): Group;
    /** Runs `write` and commits before returning (with what is staged, if anything is). */
    now<T>(write: () => T): T;
    /** Commits the open transaction; throws when `group`'s writes could not be made durable. */
    commit(group?: Group): void;
}
//# sourceMappingURL=sqlite-group.d.ts.map