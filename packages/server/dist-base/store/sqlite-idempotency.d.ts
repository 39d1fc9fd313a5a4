import type Database from "better-sqlite3";
import { type IdempotencyClaim } from "./idempotency.js";
/**
 * The `idempotency_keys` table of {@link SQLiteStore}: claims run in one immediate transaction,
 * so two processes sharing the file cannot both claim a key. Rows older than 24 h are deleted as
 * new keys are claimed (at most once a minute).
 */
export declare class SQLiteIdempotency {
    #private;
    constructor(db: Database.Database);
    claim(userId: string, key: string, fingerprint: string): IdempotencyClaim;
    complete(userId: string, key: string, response: string | null): void;
    release(userId: string, key: string): void;
}
//# sourceMappingURL=sqlite-idempotency.d.ts.map