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

/**
 * Fetches from subgraphs over a pool of keep-alive connections (no TCP handshake per
 * request) and gives up after a timeout, so a hung subgraph costs its own fields an
 * error instead of holding the whole response.
 */
export function createSubgraphFetchers(options: {
  timeoutMs: number;
  connections: number;
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
        try {
          return await undiciFetch(url, {
            ...(init as object),
            dispatcher: agent,
            signal: AbortSignal.timeout(options.timeoutMs),
          });
        } catch (error) {
          const timedOut =
            error instanceof Error &&
            (error.name === 'TimeoutError' || error.name === 'AbortError');
          const cause =
            error instanceof Error && error.cause instanceof Error
              ? error.cause.message
              : String(error);
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
