import type { Migration } from "./migrations.js";

/**
 * The tables of {@link PostgresStore} and {@link PostgresAttachmentStore}, one migration
 * component (`store`) both run, so a thread's deletion can remove its items, attachment records
 * and uploaded bytes in one statement.
 *
 * Rows keep their JSON as `text` (exactly the bytes written, key order kept, no parse on the
 * server); the columns beside it are keys and order: `created_key` (microseconds of
 * `created_at`) and `seq` (an identity: unique, assigned inside the insert, so concurrent
 * instances never share a position). Pages are keyset scans of `(scope, created_key, seq)`.
 * Items reference their thread with `ON DELETE CASCADE`: an insert racing a thread's deletion
 * either lands before it (and is deleted with it) or fails (and is reported as not found).
 */
export const STORE_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    sql: (s) => `
      CREATE TABLE ${s}.threads (
        id text PRIMARY KEY,
        user_id text NOT NULL,
        created_key bigint NOT NULL,
        seq bigint GENERATED ALWAYS AS IDENTITY,
        data text NOT NULL
      );
      CREATE INDEX threads_by_user_order ON ${s}.threads (user_id, created_key, seq);

      CREATE TABLE ${s}.items (
        thread_id text NOT NULL REFERENCES ${s}.threads (id) ON DELETE CASCADE,
        id text NOT NULL,
        created_key bigint NOT NULL,
        seq bigint GENERATED ALWAYS AS IDENTITY,
        data text NOT NULL,
        PRIMARY KEY (thread_id, id)
      );
      CREATE INDEX items_by_thread_order ON ${s}.items (thread_id, created_key, seq);

      CREATE TABLE ${s}.attachments (
        id text PRIMARY KEY,
        user_id text NOT NULL,
        thread_id text,
        data text NOT NULL
      );
      CREATE INDEX attachments_by_thread ON ${s}.attachments (thread_id) WHERE thread_id IS NOT NULL;

      CREATE TABLE ${s}.attachment_files (
        id text PRIMARY KEY,
        user_id text NOT NULL,
        name text NOT NULL,
        mime_type text NOT NULL,
        size bigint NOT NULL,
        uploaded boolean NOT NULL DEFAULT false,
        bytes bytea,
        created_at timestamptz NOT NULL DEFAULT now()
      );
    `,
  },
  {
    // Idempotency keys of actions, per user, for 24 h (see IdempotencyStore).
    version: 2,
    sql: (s) => `
      CREATE TABLE ${s}.idempotency_keys (
        user_id text NOT NULL,
        key text NOT NULL,
        fingerprint text NOT NULL,
        done boolean NOT NULL,
        response text,
        created_ms bigint NOT NULL,
        PRIMARY KEY (user_id, key)
      );
      CREATE INDEX idempotency_keys_by_age ON ${s}.idempotency_keys (created_ms);
    `,
  },
  {
    // Rows over 2 KB are compressed: lz4 takes a fifth of pglz's time (a 50-node card's 9.7 KB:
    // 8 against 44 µs an insert; a 2 MB message: 3.5 against 15 ms) for about 7% more bytes.
    // Rows written before keep pglz; a server built without lz4 keeps pglz for all.
    version: 3,
    sql: (s) => `
      DO $$ BEGIN
        EXECUTE 'ALTER TABLE ${s}.items ALTER COLUMN data SET COMPRESSION lz4';
        EXECUTE 'ALTER TABLE ${s}.threads ALTER COLUMN data SET COMPRESSION lz4';
        EXECUTE 'ALTER TABLE ${s}.idempotency_keys ALTER COLUMN response SET COMPRESSION lz4';
      EXCEPTION WHEN OTHERS THEN NULL;
      END $$;
    `,
  },
];
