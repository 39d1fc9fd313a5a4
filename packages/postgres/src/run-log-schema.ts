import type { Migration } from "./migrations.js";

/**
 * The tables of {@link PostgresRunLog} (migration component `run_log`): `runs` holds each run's
 * record (owner, lease, stop flag, last seq, end), with at most one unended run per thread (a
 * partial unique index); `run_batches` holds the run's appends, deleted with their run: one row
 * per append (entries `first_seq` to `last_seq`, their SSE frames as one text), as the in-memory
 * and Redis logs keep them. Version 1's `run_events` held a row per event: inserting an append
 * of a thousand events cost the database a thousand rows, their index entries and foreign-key
 * checks, and held a resumable reply on this log to a fifth of its speed without the log.
 */
export const RUN_LOG_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    sql: (s) => `
      CREATE TABLE ${s}.runs (
        run_id text PRIMARY KEY,
        thread_id text NOT NULL,
        owner text NOT NULL,
        resumable boolean NOT NULL,
        context text NOT NULL,
        body_hash text NOT NULL,
        last_seq bigint NOT NULL DEFAULT 0,
        lease_until timestamptz NOT NULL,
        stop_requested boolean NOT NULL DEFAULT false,
        ended text,
        ended_at timestamptz
      );
      CREATE UNIQUE INDEX runs_one_active_per_thread ON ${s}.runs (thread_id) WHERE ended IS NULL;
      CREATE INDEX runs_by_lease ON ${s}.runs (lease_until) WHERE ended IS NULL;
      CREATE INDEX runs_by_end ON ${s}.runs (ended_at) WHERE ended IS NOT NULL;
      CREATE TABLE ${s}.run_events (
        run_id text NOT NULL REFERENCES ${s}.runs ON DELETE CASCADE,
        seq bigint NOT NULL,
        data text NOT NULL,
        end_reason text,
        PRIMARY KEY (run_id, seq)
      );
    `,
  },
  {
    // Events are kept for minutes: those of runs in progress during the upgrade are dropped (a
    // client resuming one gets 410 events_gone, as for a trimmed run).
    version: 2,
    sql: (s) => `
      CREATE TABLE ${s}.run_batches (
        run_id text NOT NULL REFERENCES ${s}.runs ON DELETE CASCADE,
        last_seq bigint NOT NULL,
        first_seq bigint NOT NULL,
        frames text NOT NULL,
        end_reason text,
        PRIMARY KEY (run_id, last_seq)
      );
      DROP TABLE ${s}.run_events;
      -- An append's frames are a few hundred KB of repetitive text: lz4 compresses them in a
      -- tenth of the time of the default pglz (about 0.1 against 1.4 ms for 300 KB) to the same
      -- size. A server built without lz4 keeps pglz.
      DO $$ BEGIN
        EXECUTE 'ALTER TABLE ${s}.run_batches ALTER COLUMN frames SET COMPRESSION lz4';
      EXCEPTION WHEN OTHERS THEN NULL;
      END $$;
    `,
  },
];
