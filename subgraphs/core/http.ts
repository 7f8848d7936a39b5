import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Express } from 'express';

export class PortInUseError extends Error {
  constructor(service: string, host: string, port: number) {
    super(
      `${service} cannot listen on ${host}:${port}: the port is already in use (set a different port)`,
    );
    this.name = 'PortInUseError';
  }
}

const CLOSE_GRACE_MS = 5_000;

export interface Listening {
  server: Server;
  port: number;
  url: string;
  close(): Promise<void>;
}

/** Starts an HTTP server and says plainly which service could not get which port. */
export function listen(
  service: string,
  app: Express,
  host: string,
  port: number,
): Promise<Listening> {
  return new Promise((resolve, reject) => {
    const server = app.listen(port, host);
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(error.code === 'EADDRINUSE' ? new PortInUseError(service, host, port) : error);
    });
    server.once('listening', () => {
      const actual = (server.address() as AddressInfo).port;
      const shownHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
      resolve({
        server,
        port: actual,
        url: `http://${shownHost}:${actual}`,
        close: () =>
          new Promise<void>((done, fail) => {
            // Requests under way get a grace period; then keep-alive sockets are cut so that
            // a client holding a connection open cannot keep the process alive.
            const force = setTimeout(() => server.closeAllConnections(), CLOSE_GRACE_MS);
            server.close((err) => {
              clearTimeout(force);
              if (err) fail(err);
              else done();
            });
            server.closeIdleConnections();
          }),
      });
    });
  });
}
