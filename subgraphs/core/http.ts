import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Express, NextFunction, Request, Response } from 'express';
import type { Draining } from './lifecycle';

export class PortInUseError extends Error {
  constructor(service: string, host: string, port: number) {
    super(
      `${service} cannot listen on ${host}:${port}: the port is already in use (set a different port)`,
    );
    this.name = 'PortInUseError';
  }
}

/** How long requests under way may take once the server stops taking connections. */
const CLOSE_GRACE_MS = 10_000;

/**
 * How long an idle keep-alive connection stays open. Longer than the clients' and
 * balancers' own idle timeouts (60 s is the common one), so that it is always the client
 * that closes an idle connection: with Node's 5 s, a client that sent on a connection just
 * as the server closed it got ECONNRESET (seen from the fuzz test on a busy machine, and a
 * classic cause of 502s behind a balancer). Shutdown closes idle connections itself.
 */
export const KEEP_ALIVE_TIMEOUT_MS = 65_000;

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
  closeTimeoutMs = CLOSE_GRACE_MS,
): Promise<Listening> {
  return new Promise((resolve, reject) => {
    const server = app.listen(port, host);
    server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
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
            const force = setTimeout(() => server.closeAllConnections(), closeTimeoutMs);
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

/**
 * While a service drains, its answers say `Connection: close`: a client holding a
 * keep-alive connection opens its next one through the balancer, to a replica that stays
 * (Kubernetes Services keep routing established connections to a stopping pod).
 */
export function closeConnectionsWhileDraining(draining: Draining) {
  return (_req: Request, res: Response, next: NextFunction): void => {
    if (draining.active) res.setHeader('Connection', 'close');
    next();
  };
}

/**
 * Answers what goes wrong before GraphQL sees a request (a body over the limit, a body that
 * is not JSON) as GraphQL-shaped JSON with a code, not Express's HTML error page; anything
 * else unexpected is logged and masked.
 */
export function requestErrorHandler(limitBytes: number, logError: (error: unknown) => void) {
  return (error: unknown, _req: Request, res: Response, next: NextFunction): void => {
    if (res.headersSent) {
      next(error);
      return;
    }
    const type = (error as { type?: string }).type;
    const answer = (status: number, message: string, extensions: Record<string, unknown>) =>
      res.status(status).json({ errors: [{ message, extensions }] });
    if (type === 'entity.too.large') {
      answer(413, `The request body is larger than the limit of ${limitBytes} bytes`, {
        code: 'REQUEST_TOO_LARGE',
        limitBytes,
      });
    } else if (type === 'entity.parse.failed') {
      answer(400, `The request body is not valid JSON: ${(error as Error).message}`, {
        code: 'BAD_REQUEST',
      });
    } else {
      logError(error);
      answer(500, 'Internal server error', { code: 'INTERNAL_SERVER_ERROR' });
    }
  };
}
