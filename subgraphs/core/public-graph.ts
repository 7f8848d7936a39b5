import { UpstreamUnavailableError } from './errors';

/**
 * The hub's public graph, asked as an anonymous client would ask it. A subgraph that needs
 * a figure another subgraph owns (the cooperation indicators count association evenings
 * and grant applications) reads it through the graph, never from the other's tables.
 */
export interface PublicGraph {
  /**
   * Runs a query or mutation; any failure (unreachable, an error in the answer) is
   * UPSTREAM_UNAVAILABLE. With `as.authorization` it is asked as that caller; else anonymously.
   */
  query<T>(
    document: string,
    variables?: Record<string, unknown>,
    as?: { authorization?: string },
  ): Promise<T>;
}

/**
 * The graph over HTTP (the gateway's /graphql), time-boxed. `url` is a function so that
 * `npm start` can hand it over before the gateway listens.
 */
export function httpPublicGraph(url: () => string, timeoutMs = 10_000): PublicGraph {
  const unavailable = (reason: string) => new UpstreamUnavailableError('The public graph', reason);
  return {
    async query<T>(
      document: string,
      variables: Record<string, unknown> = {},
      as: { authorization?: string } = {},
    ) {
      let body: { data?: T | null; errors?: Array<{ message?: string }> };
      try {
        const response = await fetch(url(), {
          method: 'POST',
          // Fresh, not from the gateway's response cache: the caller acts on what it reads.
          headers: {
            'content-type': 'application/json',
            'apollo-require-preflight': 'true',
            'cache-control': 'no-cache',
            ...(as.authorization ? { authorization: as.authorization } : {}),
          },
          body: JSON.stringify({ query: document, variables }),
          signal: AbortSignal.timeout(timeoutMs),
        });
        body = (await response.json()) as typeof body;
        if (!response.ok && !body.errors?.length) {
          throw new Error(`answered HTTP ${response.status}`);
        }
      } catch (error) {
        throw unavailable(error instanceof Error ? error.message : String(error));
      }
      if (body.errors?.length || !body.data) {
        throw unavailable(`answered with an error: ${body.errors?.[0]?.message ?? 'no data'}`);
      }
      return body.data;
    },
  };
}

/** For a subgraph started without a graph to ask (tests of other subgraphs). */
export const noPublicGraph: PublicGraph = {
  query: () =>
    Promise.reject(new UpstreamUnavailableError('The public graph', 'none is configured here')),
};
