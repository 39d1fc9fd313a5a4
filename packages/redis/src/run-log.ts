import { randomBytes } from "node:crypto";
import {
  appendStoredBatch,
  type LeaseRenewal,
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
import { createClient } from "redis";
import { APPEND, EXPIRED, READ, RENEW, START, STOP, TAKE_OVER } from "./scripts.js";

/** A node-redis client (`createClient()` from `redis`). */
export type RedisClient = ReturnType<typeof createClient>;

/** Options of {@link RedisRunLog}: a URL to connect to, or a connected client to share. */
export type RedisRunLogOptions = RunLogRetention & {
  /** Prefix of every key and channel. Default `"tk:"`. */
  keyPrefix?: string;
} & ({ url: string; client?: never } | { client: RedisClient; url?: never });

const DEFAULTS = { graceMs: 5 * 60_000, maxEntries: 100_000, recordMs: 60 * 60_000 };

type Reply = unknown;

function text(value: Reply): string {
  return typeof value === "string" ? value : Buffer.isBuffer(value) ? value.toString() : "";
}

/** A hash's fields (`[f, v, …]` in RESP2, an object or pairs in RESP3). */
function fieldsOf(value: Reply): Map<string, string> {
  const fields = new Map<string, string>();
  if (Array.isArray(value)) {
    for (let i = 0; i + 1 < value.length; i += 2) fields.set(text(value[i]), text(value[i + 1]));
  } else if (value instanceof Map) {
    for (const [k, v] of value) fields.set(text(k), text(v));
  } else if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) fields.set(k, text(v));
  }
  return fields;
}

/**
 * A {@link RunLog} on Redis, for several server instances: each run is a hash (owner, lease,
 * stop flag, last seq) and a Redis Stream of its appends (one entry per append, id
 * `0-<last seq>`, naming the key that holds the append's SSE frames; capped with `MINID`),
 * written by Lua scripts that check the owner and the numbering atomically (a zombie owner is
 * fenced off: its frames' key is never named in the stream). Live readers are woken through
 * pub/sub on one subscriber connection per instance; stops are a durable flag plus a pub/sub
 * message. Ended runs' events expire after `graceMs`, their record after `recordMs`. Not for
 * Redis Cluster (a run's keys span slots).
 *
 * @example
 * import { RedisRunLog } from "@threadkit/redis";
 * const server = new MyServer(store, { runLog: new RedisRunLog({ url: "redis://127.0.0.1:6379" }) });
 */
export class RedisRunLog implements RunLog {
  /**
   * One connection carries an append's commands, issued in call order (scripts are loaded once for
   * all callers, see #eval; only a run's last append waits for anything else first), and Redis runs
   * a connection's commands in the order received.
   */
  readonly orderedAppends: boolean = true;
  readonly #prefix: string;
  readonly #retention: Required<RunLogRetention>;
  readonly #client: RedisClient;
  readonly #ownsClient: boolean;
  #ready: Promise<void> | undefined;
  #subscriber: Promise<RedisClient> | undefined;
  readonly #channels = new Map<string, Set<(message: string) => void>>();
  /** Thread of each run this instance touched (the end of a run frees the thread's key). */
  readonly #threads = new Map<string, string>();
  /** Each script's SHA-1, or its load while it runs. */
  readonly #shas = new Map<string, string | Promise<string>>();
  /** Makes data keys unique across instances (random) and appends (a count): see #dataKey. */
  readonly #keySuffix = randomBytes(6).toString("hex");
  #keys = 0;

  constructor(options: RedisRunLogOptions) {
    this.#prefix = options.keyPrefix ?? "tk:";
    this.#retention = {
      graceMs: options.graceMs ?? DEFAULTS.graceMs,
      maxEntries: options.maxEntries ?? DEFAULTS.maxEntries,
      recordMs: options.recordMs ?? DEFAULTS.recordMs,
    };
    if (options.client) {
      this.#client = options.client;
      this.#ownsClient = false;
    } else {
      this.#client = createClient({ url: options.url });
      this.#client.on("error", () => undefined); // reconnects by itself; commands reject meanwhile
      this.#ownsClient = true;
    }
  }

  async #command(args: Array<string | number | Buffer>): Promise<Reply> {
    if (this.#ownsClient) {
      this.#ready ??= this.#client.connect().then(() => undefined);
      await this.#ready;
    }
    return this.#client.sendCommand(
      args.map((arg) => (typeof arg === "number" ? String(arg) : arg)),
    );
  }

  /**
   * Runs a script by its SHA-1 (loaded once per script); a server that lost its script cache
   * (restart, SCRIPT FLUSH) gets it again.
   */
  async #eval(
    script: string,
    keys: string[],
    args: Array<string | number | Buffer>,
  ): Promise<Reply> {
    let sha = this.#shas.get(script);
    if (sha === undefined) {
      // One load for every caller until it answers: each then sends its EVALSHA in call order (a
      // caller that found no SHA and loaded it again could send its append after a later one).
      const loading = this.#command(["SCRIPT", "LOAD", script]).then(text);
      this.#shas.set(script, loading);
      loading.then(
        (loaded) => this.#shas.set(script, loaded),
        () => this.#shas.delete(script),
      );
      sha = loading;
    }
    if (typeof sha !== "string") sha = await sha;
    try {
      return await this.#command(["EVALSHA", sha, keys.length, ...keys, ...args]);
    } catch (error) {
      if (!String((error as Error).message).includes("NOSCRIPT")) throw error;
      this.#shas.delete(script);
      return this.#command(["EVAL", script, keys.length, ...keys, ...args]);
    }
  }

  #runKey(runId: string): string {
    return `${this.#prefix}run:{${runId}}`;
  }
  #logKey(runId: string): string {
    return `${this.#prefix}log:{${runId}}`;
  }
  /**
   * The key of one append's frames (see {@link append}): its own, even for an append retried or
   * refused with the same numbers, whose key the script deletes.
   */
  #dataKey(runId: string, last: number): string {
    return `${this.#prefix}data:{${runId}}:${last}:${this.#keySuffix}${++this.#keys}`;
  }
  #threadKey(threadId: string): string {
    return `${this.#prefix}thread:{${threadId}}`;
  }
  get #activeKey(): string {
    return `${this.#prefix}active`;
  }
  get #stopChannel(): string {
    return `${this.#prefix}stop`;
  }
  #liveChannel(runId: string): string {
    return `${this.#prefix}live:${runId}`;
  }

  async start(run: RunStart): Promise<RunStartResult> {
    const reply = await this.#eval(
      START,
      [this.#threadKey(run.threadId), this.#runKey(run.runId), this.#activeKey],
      [
        run.runId,
        run.threadId,
        run.owner,
        run.leaseMs,
        run.resumable ? 1 : 0,
        run.context,
        run.bodyHash,
        this.#retention.recordMs,
      ],
    );
    if (reply === "!exists") throw new RunFencedError(`Run ${run.runId} already exists`);
    if (reply) return { started: false, activeRunId: text(reply) };
    this.#threads.set(run.runId, run.threadId);
    return { started: true };
  }

  async #threadOf(runId: string): Promise<string> {
    const known = this.#threads.get(runId);
    if (known) return known;
    const threadId = text(await this.#command(["HGET", this.#runKey(runId), "threadId"]));
    if (threadId) this.#threads.set(runId, threadId);
    return threadId;
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
    const threadKey = batch.end
      ? this.#threadKey(await this.#threadOf(runId))
      : this.#threadKey("");
    // The frames go in a key of their own, with a plain SET: handed to the append script, a
    // batch of a few hundred KB cost Redis several times its XADD (Lua takes every argument as a
    // string of its own). The script, sent next on the same connection, checks the owner and the
    // numbering and only then names the key in the log; a zombie's key never is (it is deleted).
    const dataKey = this.#dataKey(runId, batch.last);
    const [, reply] = await Promise.all([
      this.#command([
        "SET",
        dataKey,
        Buffer.from(batch.bytes.buffer, batch.bytes.byteOffset, batch.bytes.byteLength),
        "PX",
        this.#retention.recordMs,
      ]),
      this.#eval(
        APPEND,
        [this.#runKey(runId), this.#logKey(runId), threadKey, this.#activeKey, dataKey],
        [
          owner,
          this.#retention.maxEntries,
          this.#retention.graceMs,
          this.#retention.recordMs,
          this.#liveChannel(runId),
          runId,
          firstSeq,
          batch.last,
          batch.end ?? "",
        ],
      ).then(text),
    ]);
    if (reply !== "ok") throw new RunFencedError(`Run ${runId}: append refused (${reply})`);
    if (batch.end) this.#threads.delete(runId);
  }

  async read(runId: string, after: number, limit: number): Promise<RunEntry[]> {
    const reply = (await this.#eval(READ, [this.#logKey(runId)], [after, limit])) as Array<
      [Reply, Reply, Reply]
    > | null;
    const out: RunEntry[] = [];
    for (const [id, frames, end] of reply ?? []) {
      const last = Number(text(id).slice(2));
      const reason = text(end) as RunEndReason | "";
      splitRunBatch(
        reason ? { last, frames: text(frames), end: reason } : { last, frames: text(frames) },
        after,
        limit,
        out,
      );
    }
    return out;
  }

  async info(runId: string): Promise<RunInfo | null> {
    const fields = fieldsOf(await this.#command(["HGETALL", this.#runKey(runId)]));
    if (!fields.has("threadId")) return null;
    return {
      runId,
      threadId: fields.get("threadId") as string,
      owner: fields.get("owner") ?? "",
      resumable: fields.get("resumable") === "1",
      context: fields.get("context") ?? "null",
      bodyHash: fields.get("bodyHash") ?? "",
      lastSeq: Number(fields.get("lastSeq") ?? 0),
      ended: (fields.get("ended") || null) as RunEndReason | null,
      leaseUntil: Number(fields.get("leaseUntil") ?? 0),
      stopRequested: fields.get("stop") === "1",
    };
  }

  async activeRun(threadId: string): Promise<string | null> {
    return text(await this.#command(["GET", this.#threadKey(threadId)])) || null;
  }

  /** The subscriber connection (one per log), connected on first use. */
  #sub(): Promise<RedisClient> {
    this.#subscriber ??= (async () => {
      const subscriber = this.#client.duplicate();
      subscriber.on("error", () => undefined);
      await subscriber.connect();
      return subscriber;
    })();
    return this.#subscriber;
  }

  async #listen(channel: string, listener: (message: string) => void): Promise<() => void> {
    let listeners = this.#channels.get(channel);
    if (!listeners) {
      listeners = new Set();
      this.#channels.set(channel, listeners);
      const set = listeners;
      const subscriber = await this.#sub();
      await subscriber.SUBSCRIBE(channel, (message) => {
        for (const fn of set) fn(message);
      });
    }
    listeners.add(listener);
    return () => {
      const current = this.#channels.get(channel);
      if (!current) return;
      current.delete(listener);
      if (current.size > 0) return;
      this.#channels.delete(channel);
      this.#sub()
        .then((subscriber) => subscriber.UNSUBSCRIBE(channel))
        .catch(() => undefined);
    };
  }

  subscribe(runId: string, onAppend: () => void): Promise<() => void> {
    return this.#listen(this.#liveChannel(runId), () => onAppend());
  }

  async renewLease(runId: string, owner: string, leaseMs: number): Promise<LeaseRenewal> {
    const reply = (await this.#eval(
      RENEW,
      [this.#runKey(runId), this.#activeKey],
      [owner, leaseMs, runId, this.#retention.recordMs],
    )) as [number, number];
    return { held: Number(reply[0]) === 1, stopRequested: Number(reply[1]) === 1 };
  }

  async takeOver(runId: string, owner: string, leaseMs: number): Promise<boolean> {
    const reply = await this.#eval(
      TAKE_OVER,
      [this.#runKey(runId), this.#activeKey],
      [owner, leaseMs, runId],
    );
    return Number(reply) === 1;
  }

  async expiredRuns(limit: number): Promise<string[]> {
    const reply = (await this.#eval(EXPIRED, [this.#activeKey], [limit])) as Reply[];
    return reply.map(text);
  }

  async requestStop(threadId: string): Promise<string | null> {
    const runId = await this.activeRun(threadId);
    if (!runId) return null;
    const set = await this.#eval(STOP, [this.#runKey(runId)], []);
    if (Number(set) !== 1) return null;
    await this.#command(["PUBLISH", this.#stopChannel, runId]);
    return runId;
  }

  onStop(listener: (runId: string) => void): Promise<() => void> {
    return this.#listen(this.#stopChannel, listener);
  }

  async close(): Promise<void> {
    this.#channels.clear();
    const subscriber = this.#subscriber;
    this.#subscriber = undefined;
    if (subscriber) await (await subscriber).close().catch(() => undefined);
    if (this.#ownsClient && this.#ready) {
      await this.#ready.catch(() => undefined);
      await this.#client.close().catch(() => undefined);
    }
  }
}
