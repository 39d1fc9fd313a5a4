import type { ServerResponse } from "node:http";
import { type StreamingResult } from "../results.js";
/**
 * Writes a streaming result to `res` as SSE and ends it (the node handler's streaming half): the
 * frames of a tick in one write, `: keep-alive` after `heartbeatMs` idle (0: never), writes paused
 * while the socket is full. A gone client (`controller` aborted, `res` destroyed) stops the
 * stream, which runs the cancellation path.
 */
export declare function writeSse(res: ServerResponse, result: StreamingResult, heartbeatMs: number, controller: AbortController): Promise<void>;
//# sourceMappingURL=node-sse.d.ts.map