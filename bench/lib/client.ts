import http from "node:http";

/** One agent for every request the load makes, so sockets are reused as a real client would. */
export const agent = new http.Agent({ keepAlive: true, maxSockets: Number.POSITIVE_INFINITY });

/** Silence after which a request of the load is abandoned (the socket's idle timeout). */
const IDLE_LIMIT_MS = 60_000;

export interface StreamTiming {
  /** Milliseconds from sending the request to the first body byte. */
  ttfb: number;
  /** Milliseconds from sending the request to the end of the body. */
  end: number;
  /** SSE events received (`data:` frames), heartbeats excluded. */
  events: number;
  /** The body, when asked for. */
  body?: string;
}

/**
 * POSTs a ChatKit request and reads the answer to its end, counting SSE frames as they arrive.
 * Rejects on a non-2xx status.
 */
export function post(
  port: number,
  request: unknown,
  options: { keepBody?: boolean; path?: string; headers?: Record<string, string> } = {},
): Promise<StreamTiming> {
  const payload = Buffer.from(JSON.stringify(request));
  return new Promise((resolve, reject) => {
    const start = performance.now();
    let ttfb = 0;
    let events = 0;
    let tail = "";
    const chunks: Buffer[] = [];
    const req = http.request(
      {
        host: "127.0.0.1",
        port,
        path: options.path ?? "/chatkit",
        method: "POST",
        agent,
        headers: {
          "content-type": "application/json",
          "content-length": payload.length,
          ...options.headers,
        },
      },
      (res) => {
        if ((res.statusCode ?? 500) >= 300) {
          res.resume();
          reject(new Error(`HTTP ${res.statusCode} for ${JSON.stringify(request).slice(0, 80)}`));
          return;
        }
        res.on("data", (chunk: Buffer) => {
          if (ttfb === 0) ttfb = performance.now() - start;
          if (options.keepBody) chunks.push(chunk);
          // Count frames without decoding the whole stream: a frame starts with "data:" after a blank line.
          const text = tail + chunk.toString("latin1");
          let index = text.indexOf("data: ");
          while (index !== -1) {
            events++;
            index = text.indexOf("data: ", index + 6);
          }
          tail = text.slice(-5);
        });
        res.on("end", () => {
          const end = performance.now() - start;
          resolve({
            ttfb,
            end,
            events,
            ...(options.keepBody ? { body: Buffer.concat(chunks).toString("utf8") } : {}),
          });
        });
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    // A server that stops answering fails the run instead of hanging it.
    req.setTimeout(IDLE_LIMIT_MS, () => {
      req.destroy(
        new Error(
          `no answer for ${IDLE_LIMIT_MS / 1000} s to ${JSON.stringify(request).slice(0, 80)}`,
        ),
      );
    });
    req.end(payload);
  });
}

/** The events of an SSE body, parsed. */
export function parseSse(body: string): Array<Record<string, unknown>> {
  return body
    .split("\n\n")
    .filter((frame) => frame.startsWith("data: "))
    .map((frame) => JSON.parse(frame.slice(6)) as Record<string, unknown>);
}

/** Holds a stream open without reading past its headers; resolves once the response has begun. */
export function openIdleStream(port: number, request: unknown): Promise<http.ClientRequest> {
  const payload = Buffer.from(JSON.stringify(request));
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: "127.0.0.1",
        port,
        path: "/chatkit",
        method: "POST",
        agent,
        headers: { "content-type": "application/json", "content-length": payload.length },
      },
      (res) => {
        res.on("data", () => {});
        res.on("error", () => {});
        // A refusal (a JSON error) is not an idle stream: the figure would be wrong.
        if (
          res.statusCode !== 200 ||
          !res.headers["content-type"]?.startsWith("text/event-stream")
        ) {
          req.destroy();
          reject(new Error(`idle stream refused: HTTP ${res.statusCode}`));
          return;
        }
        resolve(req);
      },
    );
    req.on("error", reject);
    req.end(payload);
  });
}
