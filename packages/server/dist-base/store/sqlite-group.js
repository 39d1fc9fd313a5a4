/**
 * Group commit on one better-sqlite3 connection. Staged writes run at once inside a transaction
 * opened for them (so reads see them and their checks and errors happen at the call), and are
 * made durable together by {@link commit}: the server calls it before any event that follows
 * them reaches a client. The transaction is committed at the end of the event-loop turn at the
 * latest (`setImmediate`), so the write lock is never held across I/O a handler waits for.
 *
 * A write that is not staged ({@link now}) commits before it returns, with whatever is staged.
 */
export class GroupCommit {
    #db;
    #begin;
    #commit;
    #rollback;
    #open;
    #ceiling = () => this.#end();
    constructor(db) {
        this.#db = db;
        this.#begin = db.prepare("BEGIN IMMEDIATE");
        this.#commit = db.prepare("COMMIT");
        this.#rollback = db.prepare("ROLLBACK");
    }
    /** Runs `write` inside the open transaction (opening one); returns the transaction. */
    stage(write) {
        let group = this.#open;
        if (!group) {
            this.#begin.run();
            group = {};
            this.#open = group;
            setImmediate(this.#ceiling);
        }
        this.#run(group, write);
        return group;
    }
    /** Runs `write` and commits before returning (with what is staged, if anything is). */
    now(write) {
        const group = this.#open;
        if (!group)
            return write();
        const result = this.#run(group, write);
        this.commit(group);
        return result;
    }
    /** Commits the open transaction; throws when `group`'s writes could not be made durable. */
    commit(group) {
        this.#end();
        if (group?.error !== undefined)
            throw group.error;
    }
    #run(group, write) {
        try {
            return write();
        }
        catch (error) {
            // A failed statement undoes only itself, unless SQLite had to roll back the transaction.
            if (!this.#db.inTransaction && this.#open === group) {
                group.error = error;
                this.#open = undefined;
            }
            throw error;
        }
    }
    #end() {
        const group = this.#open;
        if (!group)
            return;
        this.#open = undefined;
        try {
            this.#commit.run();
        }
        catch (error) {
            group.error = error;
            if (this.#db.inTransaction)
                this.#rollback.run();
        }
    }
}
//# sourceMappingURL=sqlite-group.js.map