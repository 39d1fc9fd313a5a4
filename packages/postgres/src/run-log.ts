import {
  appendStoredBatch,
  type LeaseRenewal,
  type RunBatch,
  type RunEndReason,
  type RunEntry,
  RunFencedError,
  type RunInfo,
  type RunLog,
  type RunLogRetention,
  type RunStart,
  type RunStartResult,
  type StoredBatch,
  splitRunBatch,
} from "@threadkit/server";
import pg from "pg";
import {
  connect,
  type PoolHandle,
  type PostgresConnectionOptions,
  prepared,
  quoteSchema,
} from "./connection.js";
import { lazyOnce, runMigrations } from "./migrations.js";
import { RUN_LOG_MIGRATIONS } from "./run-log-schema.js";

/** Options of {@link PostgresRunLog}. */
export type PostgresRunLogOptions = PostgresConnectionOptions &
  RunLogRetention & {
    /**
     * Connection string of the LISTEN connection (one per log). Default: `connectionString`, or
     * the pool's settings. It must reach PostgreSQL directly, not through a transaction-pooling
     * pgbouncer (LISTEN needs a session of its own).
     */
    listenConnectionString?: string;
  };

const DEFAULTS = { graceMs: 5 * 60_000, maxEntries: 100_000, recordMs: 60 * 60_000 };
/** How often ended runs past their retention are deleted. */
const SWEEP_MS = 60_000;

function statements(s: string) {
  return {
    start: prepared(
      `INSERT INTO ${s}.runs (run_id, thread_id, owner, resumable, context, body_hash, lease_until)
       VALUES ($1, $2, $3, $4, $5, $6, now() + $7 * interval '1 millisecond')
       ON CONFLICT DO NOTHING RETURNING run_id`,
    ),
    activeRun: prepared(`SELECT run_id FROM ${s}.runs WHERE thread_id = $1 AND ended IS NULL`),
    // One statement, so one transaction: the compare-and-set on (owner, last_seq, not ended)
    // fences zombies and gaps; the events, the trim and the NOTIFY only happen when it matched.
    append: prepared(
      `WITH run AS (
         UPDATE ${s}.runs
            SET last_seq = $4, ended = $5, ended_at = CASE WHEN $5::text IS NULL THEN NULL ELSE now() END
          WHERE run_id = $1 AND owner = $2 AND ended IS NULL AND last_seq = $3
          RETURNING run_id
       ), added AS (
         INSERT INTO ${s}.run_batches (run_id, first_seq, last_seq, frames, end_reason)
         SELECT run_id, $3 + 1, $4, convert_from($6::bytea, 'UTF8'), $5 FROM run
         RETURNING 1
       ), trimmed AS (
         DELETE FROM ${s}.run_batches
          WHERE run_id IN (SELECT run_id FROM run) AND last_seq <= $4 - $7::bigint
       ), told AS (
         SELECT pg_notify($8, $1) FROM run
       )
       SELECT (SELECT count(*) FROM run) AS matched, (SELECT count(*) FROM added) AS added,
              (SELECT count(*) FROM told) AS told`,
    ),
    // The appends holding entries after $2, up to $3 entries from the first one there (a
    // trimmed run's first entry may come after $2 + 1).
    read: prepared(
      `WITH first AS (
         SELECT GREATEST($2 + 1, first_seq) AS seq FROM ${s}.run_batches
          WHERE run_id = $1 AND last_seq > $2 ORDER BY last_seq LIMIT 1
       )
       SELECT b.last_seq, b.frames, b.end_reason
         FROM ${s}.run_batches b JOIN ${s}.runs r USING (run_id), first
        WHERE b.run_id = $1 AND b.last_seq > $2 AND b.first_seq < first.seq + $3
          AND (r.ended_at IS NULL OR r.ended_at > now() - $4 * interval '1 millisecond')
        ORDER BY b.last_seq`,
    ),
    info: prepared(
      `SELECT run_id, thread_id, owner, resumable, context, body_hash, last_seq, ended,
              stop_requested, (extract(epoch FROM lease_until) * 1000)::float8 AS lease_until
         FROM ${s}.runs
        WHERE run_id = $1 AND (ended_at IS NULL OR ended_at > now() - $2 * interval '1 millisecond')`,
    ),
    renew: prepared(
      `UPDATE ${s}.runs SET lease_until = now() + $3 * interval '1 millisecond'
        WHERE run_id = $1 AND owner = $2 AND ended IS NULL RETURNING stop_requested`,
    ),
    stopFlag: prepared(`SELECT stop_requested FROM ${s}.runs WHERE run_id = $1`),
    takeOver: prepared(
      `UPDATE ${s}.runs SET owner = $2, lease_until = now() + $3 * interval '1 millisecond'
        WHERE run_id = $1 AND ended IS NULL AND lease_until <= now() RETURNING run_id`,
    ),
    expired: prepared(
      `SELECT run_id FROM ${s}.runs WHERE ended IS NULL AND lease_until <= now() LIMIT $1`,
    ),
    stop: prepared(
      `WITH run AS (
         UPDATE ${s}.runs SET stop_requested = true
          WHERE thread_id = $1 AND ended IS NULL RETURNING run_id
       )
       SELECT run_id, pg_notify($2, run_id) FROM run`,
    ),
    sweepEvents: prepared(
      `DELETE FROM ${s}.run_batches WHERE run_id IN (
         SELECT run_id FROM ${s}.runs WHERE ended_at < now() - $1 * interval '1 millisecond')`,
    ),
    sweepRuns: prepared(
      `DELETE FROM ${s}.runs
        WHERE ended_at < now() - $1 * interval '1 millisecond' OR (NOT resumable AND ended IS NOT NULL)`,
    ),
  };
}

/**
 * A {@link RunLog} on PostgreSQL (tables `runs` and `run_batches` in the schema, migrated on first
 * use), for several server instances on one database. An append is one statement: it checks the
 * owner and the numbering (a zombie owner or a gap is refused), inserts the batch as one row of
 * SSE frames (the bytes the owner encoded for its readers, sent as they are), trims the run
 * to `maxEntries` and sends a NOTIFY carrying the run id, delivered at commit. Each log keeps one
 * LISTEN connection for live events and stops (readers also poll, so a dropped listener only
 * slows them). Lease times are the database's clock. Ended runs' events are hidden after
 * `graceMs` and deleted by a sweep; their records after `recordMs`.
 *
 * @example
 * import { PostgresRunLog } from "@threadkit/postgres";
 * const runLog = new PostgresRunLog({ connectionString: process.env.DATABASE_URL });
 * const server = new MyServer(store, { runLog });
 */
export class PostgresRunLog implements RunLog {
  readonly pool: pg.Pool;
  /** The quoted schema name. */
  readonly schema: string;
  readonly #handle: PoolHandle;
  readonly #sql: ReturnType<typeof statements>;
  readonly #ready: () => Promise<void>;
  readonly #retention: Required<RunLogRetention>;
  readonly #eventsChannel: string;
  readonly #stopChannel: string;
  readonly #listenConfig: pg.ClientConfig;
  #listener: Promise<pg.Client> | undefined;
  readonly #runListeners = new Map<string, Set<() => void>>();
  readonly #stopListeners = new Set<(runId: string) => void>();
  #sweeper: ReturnType<typeof setInterval> | undefined;
  #closed = false;

  constructor(options: PostgresRunLogOptions) {
    this.schema = quoteSchema(options.schema);
    this.#handle = connect(options);
    this.pool = this.#handle.pool;
    this.#sql = statements(this.schema);
    this.#retention = {
      graceMs: options.graceMs ?? DEFAULTS.graceMs,
      maxEntries: options.maxEntries ?? DEFAULTS.maxEntries,
      recordMs: options.recordMs ?? DEFAULTS.recordMs,
    };
    const name = this.schema.slice(1, -1);
    this.#eventsChannel = `${name}.run_events`;
    this.#stopChannel = `${name}.run_stops`;
    const poolOptions = (this.pool as unknown as { options: pg.PoolConfig }).options;
    this.#listenConfig = options.listenConnectionString
      ? { connectionString: options.listenConnectionString }
      : options.connectionString
        ? { connectionString: options.connectionString }
        : { ...poolOptions };
    this.#ready = lazyOnce(() =>
      runMigrations(this.pool, this.schema, "run_log", RUN_LOG_MIGRATIONS),
    );
  }

  /** Creates or upgrades the tables now (otherwise on first use). */
  migrate(): Promise<void> {
    return this.#ready();
  }

  async #query<R extends pg.QueryResultRow>(
    statement: { name: string; text: string },
    values: unknown[],
  ): Promise<pg.QueryResult<R>> {
    await this.#ready();
    this.#sweep();
    return this.pool.query<R>({ ...statement, values });
  }

  /** Starts the retention sweep (once, on first use). */
  #sweep(): void {
    if (this.#sweeper || this.#closed) return;
    this.#sweeper = setInterval(
      () => {
        const { graceMs, recordMs } = this.#retention;
        this.pool
          .query({ ...this.#sql.sweepEvents, values: [graceMs] })
          .then(() => this.pool.query({ ...this.#sql.sweepRuns, values: [recordMs] }))
          .catch(() => undefined);
      },
      Math.min(SWEEP_MS, Math.max(1000, this.#retention.graceMs)),
    );
    this.#sweeper.unref?.();
  }

  async start(run: RunStart): Promise<RunStartResult> {
    // The insert can meet a run that ends before we look it up: then the thread is free again,
    // so try again (a few times: each retry means another run ended in between).
    for (let attempt = 0; attempt < 5; attempt++) {
      const { rows } = await this.#query(this.#sql.start, [
        run.runId,
        run.threadId,
        run.owner,
        run.resumable,
        run.context,
        run.bodyHash,
        run.leaseMs,
      ]);
      if (rows.length > 0) return { started: true };
      const active = await this.activeRun(run.threadId);
      if (active) return { started: false, activeRunId: active };
    }
    throw new RunFencedError(`Run ${run.runId} could not start (id taken, or a race: retry)`);
  }

  append(
    runId: string,
    owner: string,
    entries: readonly RunEntry[],
    frames?: Uint8Array,
  ): Promise<void> {
    return appendStoredBatch(runId, entries, frames, (batch, firstSeq) =>
      this.#appendBatch(runId, owner, firstSeq, batch),
    );
  }

  async #appendBatch(
    runId: string,
    owner: string,
    firstSeq: number,
    batch: StoredBatch,
  ): Promise<void> {
    const { rows } = await this.#query<{ matched: string }>(this.#sql.append, [
      runId,
      owner,
      firstSeq - 1,
      batch.last,
      batch.end ?? null,
      batch.bytes, // pg sends a byte view as a binary parameter, as it is
      this.#retention.maxEntries,
      this.#eventsChannel,
    ]);
    if (Number(rows[0]?.matched) !== 1) {
      throw new RunFencedError(`Run ${runId}: append refused (not the owner, ended, or a gap)`);
    }
  }

  async read(runId: string, after: number, limit: number): Promise<RunEntry[]> {
    const { rows } = await this.#query<{
      last_seq: string;
      frames: string;
      end_reason: RunEndReason | null;
    }>(this.#sql.read, [runId, after, limit, this.#retention.graceMs]);
    const entries: RunEntry[] = [];
    for (const row of rows) {
      if (entries.length >= limit) break;
      const batch: RunBatch = { last: Number(row.last_seq), frames: row.frames };
      if (row.end_reason) batch.end = row.end_reason;
      splitRunBatch(batch, after, limit, entries);
    }
    return entries;
  }

  async info(runId: string): Promise<RunInfo | null> {
    const { rows } = await this.#query<{
      run_id: string;
      thread_id: string;
      owner: string;
      resumable: boolean;
      context: string;
      body_hash: string;
      last_seq: string;
      ended: string | null;
      stop_requested: boolean;
      lease_until: number;
    }>(this.#sql.info, [runId, this.#retention.recordMs]);
    const row = rows[0];
    if (!row) return null;
    return {
      runId: row.run_id,
      threadId: row.thread_id,
      owner: row.owner,
      resumable: row.resumable,
      context: row.context,
      bodyHash: row.body_hash,
      lastSeq: Number(row.last_seq),
      ended: row.ended as RunEndReason | null,
      leaseUntil: Number(row.lease_until),
      stopRequested: row.stop_requested,
    };
  }

  async activeRun(threadId: string): Promise<string | null> {
    const { rows } = await this.#query<{ run_id: string }>(this.#sql.activeRun, [threadId]);
    return rows[0]?.run_id ?? null;
  }

  /** The LISTEN connection, connected (and reconnected after a loss) on demand. */
  #listen(): Promise<pg.Client> {
    this.#listener ??= (async () => {
      await this.#ready();
      const client = new pg.Client(this.#listenConfig);
      client.on("notification", (message) => {
        const payload = message.payload ?? "";
        if (message.channel === this.#stopChannel) {
          for (const listener of this.#stopListeners) listener(payload);
        } else {
          for (const listener of this.#runListeners.get(payload) ?? []) listener();
        }
      });
      client.on("error", () => {
        // Forget the broken connection; the next subscriber reconnects (readers poll meanwhile).
        this.#listener = undefined;
        client.end().catch(() => undefined);
        if (!this.#closed && (this.#stopListeners.size > 0 || this.#runListeners.size > 0)) {
          setTimeout(() => void this.#listen().catch(() => undefined), 1000).unref?.();
        }
      });
      await client.connect();
      await client.query(`LISTEN "${this.#eventsChannel}"`);
      await client.query(`LISTEN "${this.#stopChannel}"`);
      return client;
    })();
    this.#listener.catch(() => {
      this.#listener = undefined;
    });
    return this.#listener;
  }

  async subscribe(runId: string, onAppend: () => void): Promise<() => void> {
    let listeners = this.#runListeners.get(runId);
    if (!listeners) {
      listeners = new Set();
      this.#runListeners.set(runId, listeners);
    }
    listeners.add(onAppend);
    const set = listeners;
    await this.#listen();
    return () => {
      set.delete(onAppend);
      if (set.size === 0 && this.#runListeners.get(runId) === set) this.#runListeners.delete(runId);
    };
  }

  async renewLease(runId: string, owner: string, leaseMs: number): Promise<LeaseRenewal> {
    const { rows } = await this.#query<{ stop_requested: boolean }>(this.#sql.renew, [
      runId,
      owner,
      leaseMs,
    ]);
    if (rows[0]) return { held: true, stopRequested: rows[0].stop_requested };
    const flag = await this.#query<{ stop_requested: boolean }>(this.#sql.stopFlag, [runId]);
    return { held: false, stopRequested: flag.rows[0]?.stop_requested ?? false };
  }

  async takeOver(runId: string, owner: string, leaseMs: number): Promise<boolean> {
    const { rows } = await this.#query(this.#sql.takeOver, [runId, owner, leaseMs]);
    return rows.length > 0;
  }

  async expiredRuns(limit: number): Promise<string[]> {
    const { rows } = await this.#query<{ run_id: string }>(this.#sql.expired, [limit]);
    return rows.map((row) => row.run_id);
  }

  async requestStop(threadId: string): Promise<string | null> {
    const { rows } = await this.#query<{ run_id: string }>(this.#sql.stop, [
      threadId,
      this.#stopChannel,
    ]);
    return rows[0]?.run_id ?? null;
  }

  async onStop(listener: (runId: string) => void): Promise<() => void> {
    this.#stopListeners.add(listener);
    await this.#listen();
    return () => this.#stopListeners.delete(listener);
  }

  async close(): Promise<void> {
    this.#closed = true;
    clearInterval(this.#sweeper);
    this.#runListeners.clear();
    this.#stopListeners.clear();
    const listener = this.#listener;
    this.#listener = undefined;
    if (listener) await (await listener.catch(() => null))?.end().catch(() => undefined);
    await this.#handle.end();
  }
}
