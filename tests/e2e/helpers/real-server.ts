import type { ChatKitServer } from "@threadkit/server";
import type { ChatKitHandler } from "./harness.js";

/**
 * A harness `chatkit` handler running a real `ChatKitServer` (the harness has already read the
 * body): JSON answers as JSON, streams as SSE, the request's origin passed for attachment URLs.
 *
 * @example
 * const harness = await startHarness({ chatkit: realChatKit(new MyServer(new MemoryStore())) });
 */
export function realChatKit<C>(server: ChatKitServer<C>, context: C): ChatKitHandler {
  return async (req, res, body) => {
    const result = await server.process(body, context, {
      origin: `http://${req.headers.host ?? "127.0.0.1"}`,
    });
    if (!result.streaming) {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(result.json);
      return;
    }
    res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-store" });
    // The browser went away mid-stream: cancel it as the real adapters do.
    res.on("close", () => {
      if (!res.writableEnded) result.cancel();
    });
    for await (const frame of result.frames()) res.write(frame);
    res.end();
  };
}
