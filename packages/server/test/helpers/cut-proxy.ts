import type { AddressInfo } from "node:net";
import { connect, createServer, type Server, type Socket } from "node:net";

/**
 * A TCP proxy in front of a server that can cut a connection at an exact byte of its response:
 * `cutNext(n)` makes the next accepted connection deliver only the first `n` bytes the server
 * sends, then close both sides (a network loss, mid-event or not). Other connections pass through.
 */
export class CutProxy {
  readonly #server: Server;
  readonly #sockets = new Set<Socket>();
  #cuts: number[] = [];
  port = 0;
  /** Connections accepted so far. */
  connections = 0;
  /** Connections cut so far. */
  cuts = 0;

  private constructor(targetPort: number) {
    this.#server = createServer((client) => {
      const cutAt = this.#cuts.shift();
      this.connections++;
      const upstream = connect(targetPort, "127.0.0.1");
      this.#track(client);
      this.#track(upstream);
      client.pipe(upstream);
      let sent = 0;
      upstream.on("data", (chunk: Buffer) => {
        if (cutAt === undefined) {
          client.write(chunk);
          return;
        }
        const room = cutAt - sent;
        if (room <= 0) return;
        const part = chunk.length > room ? chunk.subarray(0, room) : chunk;
        sent += part.length;
        client.write(part);
        if (sent >= cutAt) {
          this.cuts++;
          // Flush what was written, then drop both sides without a clean end.
          client.end(() => client.destroy());
          upstream.destroy();
        }
      });
      upstream.on("end", () => client.end());
      const close = () => {
        client.destroy();
        upstream.destroy();
      };
      client.on("error", close);
      upstream.on("error", close);
      client.on("close", () => upstream.destroy());
    });
  }

  #track(socket: Socket): void {
    this.#sockets.add(socket);
    socket.on("close", () => this.#sockets.delete(socket));
  }

  /** Starts a proxy to `127.0.0.1:<targetPort>` on a free port. */
  static async start(targetPort: number): Promise<CutProxy> {
    const proxy = new CutProxy(targetPort);
    await new Promise<void>((resolve) => proxy.#server.listen(0, "127.0.0.1", resolve));
    proxy.port = (proxy.#server.address() as AddressInfo).port;
    return proxy;
  }

  /** The next connection is cut after `bytes` bytes of response. */
  cutNext(bytes: number): void {
    this.#cuts.push(bytes);
  }

  async close(): Promise<void> {
    for (const socket of this.#sockets) socket.destroy();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }
}
