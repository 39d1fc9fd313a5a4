export {
  appendStoredBatch,
  type RunBatch,
  runFrames,
  type StoredBatch,
  splitRunBatch,
  storedBatch,
} from "./batch.js";
export { type ParsedResumeQuery, RESUME_HEADER, resumeQuery, wantsResume } from "./http.js";
export { parseEventId, type RunPosition } from "./ids.js";
export {
  type LeaseRenewal,
  type RunEndReason,
  type RunEntry,
  RunFencedError,
  type RunInfo,
  type RunLog,
  type RunLogRetention,
  type RunStart,
  type RunStartResult,
} from "./log.js";
export { MemoryRunLog, type MemoryRunLogOptions } from "./memory.js";
export { pendingItemsOf } from "./pending.js";
export { DEFAULT_LEASE_MS, DEFAULT_MAX_RUN_MS, RunRegistry, type StopStatus } from "./registry.js";
export type { ResumeRequest } from "./resume.js";
export { STOP_REQUEST } from "./stop-request.js";
