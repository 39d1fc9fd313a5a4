/** The automatic checkpoint's threshold on the request path, in WAL pages (about 40 MB). */
export declare const FALLBACK_PAGES = 10000;
/** Starts background checkpoints of the database file at `path` (a WAL database). */
export declare function watchWal(path: string): void;
/** Stops them (the store closed). */
export declare function unwatchWal(path: string): void;
//# sourceMappingURL=sqlite-checkpoint.d.ts.map