// Starting and stopping a node:http server, the same way for the proxy and every emulator:
// listen on a host and port (0: a free one), close and drop open connections. Nothing else.

import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Listens on `host`:`port` and resolves with the bound address; rejects with the listen error
 * (EADDRINUSE, EACCES, …).
 * @example const { port } = await listenOn(server, 0, '127.0.0.1');
 */
export function listenOn(server: Server, port: number, host: string): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(server.address() as AddressInfo);
    });
  });
}

/**
 * Stops accepting, ends open connections (keep-alive sockets, streams) and resolves once the
 * server is closed; a server that is not listening resolves at once.
 * @example await closeServer(server);
 */
export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    if (!server.listening) {
      server.closeAllConnections();
      resolve();
      return;
    }
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeAllConnections();
  });
}
