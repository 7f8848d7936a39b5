import type { Fetcher } from '@apollo/utils.fetcher';
import { Agent, fetch as undiciFetch } from 'undici';

/** A subgraph could not be reached or did not answer in time. */
export class SubgraphUnavailableError extends Error {
  constructor(
    readonly subgraph: string,
    reason: string,
  ) {
    super(
      `The ${subgraph} service is unavailable (${reason}); its fields are missing from this answer`,
    );
    this.name = 'SubgraphUnavailableError';
  }
}

export interface SubgraphFetchers {
  /** A fetcher whose failures name the subgraph. */
  fetcherFor(subgraph: string): Fetcher;
  close(): Promise<void>;
}

/** Failures of the connection itself, where a second try may well go through. */
const CONNECTION_FAILURES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
]);

function connectionFailure(error: unknown): boolean {
  const cause = error instanceof Error ? (error.cause as { code?: string } | undefined) : undefined;
  return cause?.code !== undefined && CONNECTION_FAILURES.has(cause.code);
}

/**
 * A query may be sent again; a mutation must not be (it could act twice). The gateway's
 * subgraph requests carry their operation text, so this reads its first keyword.
 */
export function isIdempotent(body: unknown): boolean {
  if (typeof body !== 'string') return false;
  try {
    const query = (JSON.parse(body) as { query?: unknown }).query;
    return typeof query === 'string' && !/^\s*mutation\b/.test(query);
  } catch {
    return false;
  }
}

/**
 * Fetches from subgraphs over a pool of keep-alive connections (no TCP handshake per
 * request) and gives up after a timeout, so a hung subgraph costs its own fields an
 * error instead of holding the whole response. A query whose connection failed (a
 * subgraph restarting, a pooled socket closed under us) is tried once more; a mutation
 * never is, and neither is a timeout, which would only double the wait.
 */
export function createSubgraphFetchers(options: {
  timeoutMs: number;
  connections: number;
  /** Each fetch's subgraph, outcome ("ok", "http_<status>", "timeout", "unavailable") and time. */
  observe?: (subgraph: string, outcome: string, seconds: number) => void;
}): SubgraphFetchers {
  const agent = new Agent({
    connections: options.connections,
    keepAliveTimeout: 30_000,
    keepAliveMaxTimeout: 60_000,
    connectTimeout: Math.min(options.timeoutMs, 5_000),
  });
  return {
    fetcherFor(subgraph) {
      return (async (url: string, init?: Record<string, unknown>) => {
        const started = performance.now();
        const seconds = () => (performance.now() - started) / 1000;
        const attempt = () =>
          undiciFetch(url, {
            ...(init as object),
            dispatcher: agent,
            signal: AbortSignal.timeout(options.timeoutMs),
          });
        try {
          let response;
          try {
            response = await attempt();
          } catch (error) {
            if (!connectionFailure(error) || !isIdempotent(init?.body)) throw error;
            response = await attempt();
          }
          options.observe?.(subgraph, response.ok ? 'ok' : `http_${response.status}`, seconds());
          return response;
        } catch (error) {
          const timedOut =
            error instanceof Error &&
            (error.name === 'TimeoutError' || error.name === 'AbortError');
          const cause =
            error instanceof Error && error.cause instanceof Error
              ? error.cause.message
              : String(error);
          options.observe?.(subgraph, timedOut ? 'timeout' : 'unavailable', seconds());
          throw new SubgraphUnavailableError(
            subgraph,
            timedOut ? `no answer within ${options.timeoutMs} ms` : cause,
          );
        }
      }) as unknown as Fetcher;
    },
    close: () => agent.close(),
  };
}
