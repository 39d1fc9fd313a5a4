/**
 * @threadkit/postgres — PostgreSQL for Threadkit: a Store, a shared attachment store and a run
 * log on node-postgres, for several server instances on one database.
 *
 * @example
 * import { PostgresStore } from "@threadkit/postgres";
 * const store = new PostgresStore({ connectionString: process.env.DATABASE_URL });
 */
export { PostgresAttachmentStore, type PostgresAttachmentStoreOptions } from "./attachments.js";
export {
  connect,
  type PoolHandle,
  type PostgresConnectionOptions,
  type PreparedStatement,
  prepared,
  quoteSchema,
} from "./connection.js";
export { lazyOnce, type Migration, runMigrations } from "./migrations.js";
export { PostgresRunLog, type PostgresRunLogOptions } from "./run-log.js";
export { RUN_LOG_MIGRATIONS } from "./run-log-schema.js";
export { STORE_MIGRATIONS } from "./schema.js";
export { PostgresStore, type PostgresStoreOptions } from "./store.js";
export { isUnavailable, mapUnavailable } from "./unavailable.js";
