import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";
/**
 * WAL checkpoints off the request path. SQLite's automatic checkpoint runs inside the COMMIT
 * that crosses 1,000 WAL pages, so one request in a few hundred paid for copying the WAL into
 * the database and its fsyncs (and every commit paid the check). Instead, one worker thread per
 * process, with its own connection to each file, runs a PASSIVE checkpoint every
 * {@link INTERVAL_MS}: it never blocks readers or writers, and copies only what no reader still
 * needs. The stores keep SQLite's automatic checkpoint at {@link FALLBACK_PAGES} as a bound,
 * should the worker fall behind.
 */
const INTERVAL_MS = 100;
/** The automatic checkpoint's threshold on the request path, in WAL pages (about 40 MB). */
export const FALLBACK_PAGES = 10_000;
const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const Database = require(workerData.driver);
const open = new Map();
parentPort.on("message", ({ op, path }) => {
  const entry = open.get(path);
  if (op === "open") {
    if (entry) entry.refs++;
    else {
      const db = new Database(path, { fileMustExist: true });
      db.pragma("busy_timeout = 5000");
      open.set(path, { db, refs: 1, checkpoint: db.prepare("PRAGMA wal_checkpoint(PASSIVE)") });
    }
  } else if (entry && --entry.refs === 0) {
    open.delete(path);
    entry.db.close();
  }
});
setInterval(() => {
  for (const [path, entry] of open) {
    try {
      entry.checkpoint.run();
    } catch (error) {
      // A busy or removed file: the next round tries again; the stores' own bound still holds.
      if (!require("node:fs").existsSync(path)) { open.delete(path); entry.db.close(); }
    }
  }
}, ${INTERVAL_MS});
`;
let worker;
function checkpointer() {
    if (!worker) {
        const driver = createRequire(import.meta.url).resolve("better-sqlite3");
        worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { driver } });
        // Never keeps the process alive; a worker that fails leaves SQLite's own checkpoints.
        worker.unref();
        worker.on("error", () => {
            worker = undefined;
        });
    }
    return worker;
}
/** Starts background checkpoints of the database file at `path` (a WAL database). */
export function watchWal(path) {
    checkpointer().postMessage({ op: "open", path });
}
/** Stops them (the store closed). */
export function unwatchWal(path) {
    worker?.postMessage({ op: "close", path });
}
//# sourceMappingURL=sqlite-checkpoint.js.map