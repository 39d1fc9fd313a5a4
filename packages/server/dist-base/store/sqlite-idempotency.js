import { decideClaim, IDEMPOTENCY_TTL_MS, } from "./idempotency.js";
/**
 * The `idempotency_keys` table of {@link SQLiteStore}: claims run in one immediate transaction,
 * so two processes sharing the file cannot both claim a key. Rows older than 24 h are deleted as
 * new keys are claimed (at most once a minute).
 */
export class SQLiteIdempotency {
    #claim;
    #complete;
    #release;
    #expire;
    #lastSweep = 0;
    constructor(db) {
        const read = db.prepare("SELECT fingerprint, done, response, created_ms FROM idempotency_keys WHERE user_id = ? AND key = ?");
        const write = db.prepare(`INSERT INTO idempotency_keys (user_id, key, fingerprint, done, response, created_ms)
       VALUES (?, ?, ?, 0, NULL, ?)
       ON CONFLICT (user_id, key) DO UPDATE SET fingerprint = excluded.fingerprint, done = 0,
         response = NULL, created_ms = excluded.created_ms`);
        this.#complete = db.prepare("UPDATE idempotency_keys SET done = 1, response = ? WHERE user_id = ? AND key = ?");
        this.#release = db.prepare("DELETE FROM idempotency_keys WHERE user_id = ? AND key = ?");
        this.#expire = db.prepare("DELETE FROM idempotency_keys WHERE created_ms < ?");
        const claim = db.transaction((userId, key, fingerprint) => {
            const now = Date.now();
            const row = read.get(userId, key);
            const existing = row && {
                fingerprint: row.fingerprint,
                done: row.done === 1,
                response: row.response,
                createdAt: row.created_ms,
            };
            const result = decideClaim(existing, fingerprint, now);
            if (result.state === "claimed")
                write.run(userId, key, fingerprint, now);
            return result;
        });
        this.#claim = (userId, key, fingerprint) => claim.immediate(userId, key, fingerprint);
    }
    claim(userId, key, fingerprint) {
        const now = Date.now();
        if (now - this.#lastSweep >= 60_000) {
            this.#lastSweep = now;
            this.#expire.run(now - IDEMPOTENCY_TTL_MS);
        }
        return this.#claim(userId, key, fingerprint);
    }
    complete(userId, key, response) {
        this.#complete.run(response, userId, key);
    }
    release(userId, key) {
        this.#release.run(userId, key);
    }
}
//# sourceMappingURL=sqlite-idempotency.js.map