import type Database from "better-sqlite3";
import {
  decideClaim,
  IDEMPOTENCY_TTL_MS,
  type IdempotencyClaim,
  type IdempotencyRecord,
} from "./idempotency.js";

type KeyRow = { fingerprint: string; done: number; response: string | null; created_ms: number };

/**
 * The `idempotency_keys` table of {@link SQLiteStore}: claims run in one immediate transaction,
 * so two processes sharing the file cannot both claim a key. Rows older than 24 h are deleted as
 * new keys are claimed (at most once a minute).
 */
export class SQLiteIdempotency {
  readonly #claim: (userId: string, key: string, fingerprint: string) => IdempotencyClaim;
  readonly #complete: Database.Statement;
  readonly #release: Database.Statement;
  readonly #expire: Database.Statement;
  #lastSweep = 0;

  constructor(db: Database.Database) {
    const read = db.prepare(
      "SELECT fingerprint, done, response, created_ms FROM idempotency_keys WHERE user_id = ? AND key = ?",
    );
    const write = db.prepare(
      `INSERT INTO idempotency_keys (user_id, key, fingerprint, done, response, created_ms)
       VALUES (?, ?, ?, 0, NULL, ?)
       ON CONFLICT (user_id, key) DO UPDATE SET fingerprint = excluded.fingerprint, done = 0,
         response = NULL, created_ms = excluded.created_ms`,
    );
    this.#complete = db.prepare(
      "UPDATE idempotency_keys SET done = 1, response = ? WHERE user_id = ? AND key = ?",
    );
    this.#release = db.prepare("DELETE FROM idempotency_keys WHERE user_id = ? AND key = ?");
    this.#expire = db.prepare("DELETE FROM idempotency_keys WHERE created_ms < ?");
    const claim = db.transaction((userId: string, key: string, fingerprint: string) => {
      const now = Date.now();
      const row = read.get(userId, key) as KeyRow | undefined;
      const existing: IdempotencyRecord | undefined = row && {
        fingerprint: row.fingerprint,
        done: row.done === 1,
        response: row.response,
        createdAt: row.created_ms,
      };
      const result = decideClaim(existing, fingerprint, now);
      if (result.state === "claimed") write.run(userId, key, fingerprint, now);
      return result;
    });
    this.#claim = (userId, key, fingerprint) => claim.immediate(userId, key, fingerprint);
  }

  claim(userId: string, key: string, fingerprint: string): IdempotencyClaim {
    const now = Date.now();
    if (now - this.#lastSweep >= 60_000) {
      this.#lastSweep = now;
      this.#expire.run(now - IDEMPOTENCY_TTL_MS);
    }
    return this.#claim(userId, key, fingerprint);
  }

  complete(userId: string, key: string, response: string | null): void {
    this.#complete.run(response, userId, key);
  }

  release(userId: string, key: string): void {
    this.#release.run(userId, key);
  }
}
