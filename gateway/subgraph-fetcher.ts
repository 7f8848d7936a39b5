import type { Fetcher } from '@apollo/utils.fetcher';
import { Agent, fetch as undiciFetch } from 'undici';

export class SubgraphTimeoutError extends Error {
  constructor(url: string, ms: number) {
    super(`no answer from ${url} within ${ms} ms`);
    this.name = 'SubgraphTimeoutError';
  }
}

export interface SubgraphFetcher {
  fetcher: Fetcher;
  close(): Promise<void>;
}

/**
 * Fetches from subgraphs over a pool of keep-alive connections (no TCP handshake per
 * request) and gives up after a timeout, so a hung subgraph costs its own fields an
 * error instead of holding the whole response.
 */
export function createSubgraphFetcher(options: { timeoutMs: number; connections: number }): SubgraphFetcher {
  const agent = new Agent({
    connections: options.connections,
    keepAliveTimeout: 30_000,
    keepAliveMaxTimeout: 60_000,
    connectTimeout: Math.min(options.timeoutMs, 5_000),
  });
  const fetcher = (async (url: string, init?: Record<string, unknown>) => {
    try {
      return await undiciFetch(url, {
        ...(init as object),
        dispatcher: agent,
        signal: AbortSignal.timeout(options.timeoutMs),
      });
    } catch (error) {
      if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
        throw new SubgraphTimeoutError(url, options.timeoutMs);
      }
      throw error;
    }
  }) as unknown as Fetcher;
  return { fetcher, close: () => agent.close() };
}
