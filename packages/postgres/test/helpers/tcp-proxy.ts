import { createServer, type Server, type Socket, connect as tcpConnect } from "node:net";

/**
 * A TCP proxy in front of the test database that a test can cut and restore, so a store sees
 * PostgreSQL go away (connections dropped, new ones refused) without stopping the shared server.
 */
export class TcpProxy {
  readonly #target: { host: string; port: number };
  readonly #sockets = new Set<Socket>();
  #server: Server | undefined;
  port = 0;

  constructor(target: string) {
    const url = new URL(target);
    this.#target = { host: url.hostname, port: Number(url.port || 5432) };
  }

  /** Starts listening (on a free port the first time, then on the same port). */
  async open(): Promise<void> {
    const server = createServer((client) => {
      const upstream = tcpConnect(this.#target);
      for (const socket of [client, upstream]) {
        this.#sockets.add(socket);
        socket.on("close", () => this.#sockets.delete(socket));
        socket.on("error", () => socket.destroy());
      }
      client.pipe(upstream).pipe(client);
      client.on("close", () => upstream.destroy());
      upstream.on("close", () => client.destroy());
    });
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(this.port, "127.0.0.1", () => resolve());
    });
    this.#server = server;
    const address = server.address();
    if (address && typeof address === "object") this.port = address.port;
  }

  /** Drops every open connection and refuses new ones until {@link open}. */
  async cut(): Promise<void> {
    const server = this.#server;
    this.#server = undefined;
    for (const socket of this.#sockets) socket.destroy();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Stops forwarding bytes on open connections without closing them (a silent partition). */
  freeze(): void {
    for (const socket of this.#sockets) {
      socket.unpipe();
      socket.pause();
    }
  }

  /** A connection string to the database through this proxy. */
  url(database: string): string {
    const url = new URL(database);
    url.hostname = "127.0.0.1";
    url.port = String(this.port);
    return url.toString();
  }
}
