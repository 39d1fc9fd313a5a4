import { createHash } from "node:crypto";
import pg from "pg";

/** How a PostgreSQL component reaches its database: a pool of yours, or a connection string. */
export interface PostgresConnectionOptions {
  /** A `pg.Pool` you own (shared between components); `close()` leaves it open. */
  pool?: pg.Pool;
  /** `postgres://user@host:port/db`: the component creates (and on `close()` ends) its own pool. */
  connectionString?: string;
  /** Settings for the pool made from `connectionString` (over the bounded defaults). */
  poolConfig?: Omit<pg.PoolConfig, "connectionString">;
  /**
   * Schema of the tables (default `threadkit`), created if missing. Letters, digits and `_`,
   * starting with a letter or `_`, at most 63 characters.
   */
  schema?: string;
}

/**
 * Settings of a pool a component creates itself: bounded waits (for a free connection or a new
 * one), so no request hangs forever, yet long enough for a busy instance's queue to drain.
 * Pass a pool of your own for other settings.
 */
const OWN_POOL_DEFAULTS: pg.PoolConfig = {
  max: 10,
  connectionTimeoutMillis: 10_000,
  // A database that stops answering mid-query (a network partition) fails the query instead of
  // holding the request until TCP gives up.
  query_timeout: 30_000,
  idleTimeoutMillis: 30_000,
  keepAlive: true,
  keepAliveInitialDelayMillis: 10_000,
};

/** A pool and whether the component that holds it created it (and so must end it). */
export interface PoolHandle {
  readonly pool: pg.Pool;
  readonly owned: boolean;
  /** Ends the pool when owned (once); a no-op for a pool passed in. */
  end(): Promise<void>;
}

/**
 * The pool a component uses: `options.pool` as is, or a new pool on `options.connectionString`.
 * A created pool ignores errors of idle connections (a restarting server drops them; `pg` then
 * discards them and connects afresh on the next query), which would otherwise crash the process.
 *
 * @example
 * const handle = connect({ connectionString: process.env.DATABASE_URL });
 * await handle.pool.query("SELECT 1");
 * await handle.end();
 */
export function connect(options: PostgresConnectionOptions): PoolHandle {
  if (options.pool) {
    const pool = options.pool;
    return { pool, owned: false, end: async () => undefined };
  }
  if (!options.connectionString) {
    throw new TypeError("PostgreSQL: pass a pool or a connectionString");
  }
  const pool = new pg.Pool({
    ...OWN_POOL_DEFAULTS,
    ...options.poolConfig,
    connectionString: options.connectionString,
  });
  pool.on("error", () => undefined);
  let ended: Promise<void> | undefined;
  return {
    pool,
    owned: true,
    end: () => {
      ended ??= pool.end();
      return ended;
    },
  };
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

/**
 * The schema name quoted for SQL (`"threadkit"`), after checking it is a plain identifier: the
 * one name that is interpolated into statements, so nothing else may pass.
 *
 * @example
 * quoteSchema("tk_test_1a2b"); // '"tk_test_1a2b"'
 * quoteSchema('x"; DROP'); // throws TypeError
 */
export function quoteSchema(schema: string | undefined): string {
  const name = schema ?? "threadkit";
  if (!IDENTIFIER.test(name)) {
    throw new TypeError(`PostgreSQL: invalid schema name ${JSON.stringify(name)}`);
  }
  return `"${name}"`;
}

/** A statement `pg` prepares once per connection and then only binds: `{ name, text }`. */
export interface PreparedStatement {
  readonly name: string;
  readonly text: string;
}

/**
 * `text` as a named prepared statement. The name is a digest of the text (which includes the
 * schema), so components on one pool with different schemas never clash.
 *
 * @example
 * await pool.query({ ...prepared(`SELECT data FROM ${schema}.threads WHERE id = $1`), values: [id] });
 */
export function prepared(text: string): PreparedStatement {
  return { name: `tk_${createHash("sha1").update(text).digest("hex").slice(0, 24)}`, text };
}
