import { AsyncLocalStorage } from 'node:async_hooks';
import type { RequestHandler } from 'express';
import { Connection, type Pool, type PoolClient } from 'pg';
import type { DataSource } from 'typeorm';
import type { EnvReader } from './env';
import { QueryTimeoutError } from './errors';

/**
 * A subgraph request's statements live no longer than the request: they are cancelled in
 * PostgreSQL when the request passes its deadline (kept below the gateway's
 * SUBGRAPH_TIMEOUT_MS, so the gateway is never left waiting on a statement) or when its
 * caller hangs up (the gateway gave up, a client went away). Without this a statement kept
 * its connection for as long as it ran, and a few expensive requests a second emptied the
 * pool for everyone (issue 28, item 1).
 *
 * The request's signal reaches the database through AsyncLocalStorage, so no resolver,
 * service or repository has to pass it on. Work outside a request (jobs, migrations, seeds)
 * has no signal and only the pool's statement_timeout.
 */
const requestSignals = new AsyncLocalStorage<RequestSignal>();

interface RequestSignal {
  signal: AbortSignal;
  timeoutMs: number;
}

export const DEFAULT_REQUEST_TIMEOUT_MS = 8_000;

/**
 * SUBGRAPH_REQUEST_TIMEOUT_MS: how long a subgraph works on one request; by default 80 % of
 * the gateway's SUBGRAPH_TIMEOUT_MS (read here too; 10 s when unset, so 8 s). It must stay
 * below that, or a statement could outlive the gateway's patience, which is the waste this
 * bound exists to stop.
 */
export function readRequestTimeout(reader: EnvReader): number {
  const gatewayMs = reader.int('SUBGRAPH_TIMEOUT_MS', 10_000, { min: 100, max: 120_000 });
  const timeoutMs = reader.int('SUBGRAPH_REQUEST_TIMEOUT_MS', Math.floor(gatewayMs * 0.8), {
    min: 50,
    max: 120_000,
  });
  if (timeoutMs >= gatewayMs) {
    reader.problem(
      `SUBGRAPH_REQUEST_TIMEOUT_MS (${timeoutMs}) must be below the gateway's SUBGRAPH_TIMEOUT_MS (${gatewayMs}): a subgraph must stop before the gateway stops waiting`,
    );
  }
  return timeoutMs;
}

/**
 * Express middleware: gives the rest of the request a signal that aborts at the deadline or
 * when the client closes the connection before the answer was sent. Mount it after the body
 * parser: the parser's stream callbacks would run outside the request's async context.
 */
export function requestDeadline(timeoutMs: number): RequestHandler {
  return (_req, res, next) => {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort('deadline'), timeoutMs);
    timer.unref();
    res.on('close', () => {
      clearTimeout(timer);
      if (!res.writableFinished) controller.abort('caller gone');
    });
    requestSignals.run({ signal: controller.signal, timeoutMs }, next);
  };
}

/** Runs `work` as if inside a request with this signal: for tests of the cancellation itself. */
export function withRequestSignal<T>(signal: AbortSignal, timeoutMs: number, work: () => T): T {
  return requestSignals.run({ signal, timeoutMs }, work);
}

// Statements that end a transaction run even once the request is over: refusing them would
// hand the connection back to the pool inside an aborted transaction.
const ENDS_TRANSACTION = /^\s*(ROLLBACK|RELEASE|COMMIT)\b/i;

const cancellable = new WeakSet<PoolClient>();

/**
 * Makes every statement sent through this DataSource's pools (primary and replicas)
 * cancellable by its request's signal. Call once the DataSource is initialised; calling it
 * again does nothing.
 */
export function cancelStatementsWithTheirRequest(dataSource: DataSource): void {
  const driver = dataSource.driver as unknown as { master?: Pool; slaves?: Pool[] };
  for (const pool of [driver.master, ...(driver.slaves ?? [])]) {
    if (!pool || hooked.has(pool)) continue;
    hooked.add(pool);
    // 'acquire' fires on every checkout, so connections opened before this hook count too.
    pool.on('acquire', (client) => makeCancellable(client));
  }
}
const hooked = new WeakSet<Pool>();

function makeCancellable(client: PoolClient): void {
  if (cancellable.has(client)) return;
  cancellable.add(client);
  const send = client.query.bind(client) as (...args: unknown[]) => unknown;
  (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args) => {
    const scope = requestSignals.getStore();
    const text = typeof args[0] === 'string' ? args[0] : undefined;
    // Outside a request, or a callback or stream call (TypeORM sends neither for requests).
    if (!scope || text === undefined || typeof args[args.length - 1] === 'function') {
      return send(...args);
    }
    const { signal, timeoutMs } = scope;
    if (signal.aborted && !ENDS_TRANSACTION.test(text)) {
      return Promise.reject(stopped(signal, timeoutMs));
    }
    let pending = true;
    const cancel = () => {
      if (pending) sendCancelRequest(client);
    };
    signal.addEventListener('abort', cancel, { once: true });
    return (send(...args) as Promise<unknown>).then(
      (result) => {
        pending = false;
        signal.removeEventListener('abort', cancel);
        return result;
      },
      (error: unknown) => {
        pending = false;
        signal.removeEventListener('abort', cancel);
        // 57014: query_canceled, ours (or the statement_timeout's, which is as good).
        if (signal.aborted && (error as { code?: unknown })?.code === '57014') {
          throw stopped(signal, timeoutMs);
        }
        throw error;
      },
    );
  };
}

function stopped(signal: AbortSignal, timeoutMs: number): QueryTimeoutError {
  return signal.reason === 'deadline'
    ? new QueryTimeoutError(timeoutMs)
    : new QueryTimeoutError(timeoutMs, 'the caller stopped waiting');
}

/**
 * PostgreSQL's cancel request: a new socket to the server carrying the backend's process id
 * and secret key, so it works when every pooled connection is busy (pg_cancel_backend() would
 * need one). The server closes the socket itself. A cancel that arrives after the statement
 * ended is ignored by an idle backend; the one window left, a cancel still on its way when
 * the connection's next statement starts, is PostgreSQL's own (its documentation warns that
 * a cancel may hit whatever runs) and lasts a local round trip.
 */
function sendCancelRequest(client: PoolClient): void {
  const target = client as unknown as {
    host: string;
    port: number;
    ssl: unknown;
    processID: number;
    secretKey: number;
  };
  const connection = new Connection({ ssl: target.ssl } as never) as unknown as {
    on(event: string, listener: (...args: unknown[]) => void): void;
    connect(port: number | string, host?: string): void;
    cancel(processID: number, secretKey: number): void;
    end(): void;
  };
  connection.on('error', () => undefined); // a cancel that cannot be sent changes nothing
  connection.on('connect', () => connection.cancel(target.processID, target.secretKey));
  if (target.host?.startsWith('/')) connection.connect(`${target.host}/.s.PGSQL.${target.port}`);
  else connection.connect(target.port, target.host);
}
