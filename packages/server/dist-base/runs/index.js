export { runFrames, splitRunBatch, storedBatch, } from "./batch.js";
export { RESUME_HEADER, resumeQuery, wantsResume } from "./http.js";
export { parseEventId } from "./ids.js";
export { RunFencedError, } from "./log.js";
export { MemoryRunLog } from "./memory.js";
export { pendingItemsOf } from "./pending.js";
export { DEFAULT_LEASE_MS, DEFAULT_MAX_RUN_MS, RunRegistry } from "./registry.js";
export { STOP_REQUEST } from "./stop-request.js";
//# sourceMappingURL=index.js.map