import type { Socket } from "node:net";
import type { FastifyInstance } from "fastify";

/**
 * Let `app.close()` finish promptly. Node's `server.close()` waits for every connection, and does
 * not count as idle one that never sent a byte (a browser's speculative pre-connection, a client
 * that reconnected just as the server stopped): such a socket would hold the shutdown for minutes.
 * When closing starts, those are destroyed, as are connections arriving meanwhile. Requests under
 * way still finish; long-lived streams end themselves in their own `preClose` hooks.
 */
export function registerPromptClose(app: FastifyInstance): void {
  const sockets = new Set<Socket>();
  let closing = false;
  app.server.on("connection", (socket: Socket) => {
    if (closing) {
      socket.destroy();
      return;
    }
    sockets.add(socket);
    socket.once("close", () => sockets.delete(socket));
  });
  app.addHook("preClose", async () => {
    closing = true;
    for (const socket of sockets) if (socket.bytesRead === 0) socket.destroy();
  });
}
