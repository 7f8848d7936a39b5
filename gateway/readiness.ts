import type { Fetcher } from '@apollo/utils.fetcher';
import type { SubgraphName } from '../subgraphs/core/subgraph.config';

export interface SubgraphReadiness {
  name: SubgraphName;
  url: string;
  ok: boolean;
  /** Round trip in milliseconds, when it answered. */
  latencyMs?: number;
  error?: string;
}

/** Asks each subgraph the cheapest GraphQL question there is, all at once. */
export async function checkSubgraphs(
  urls: Readonly<Record<SubgraphName, string>>,
  fetcherFor: (name: SubgraphName) => Fetcher,
): Promise<SubgraphReadiness[]> {
  return Promise.all(
    (Object.entries(urls) as Array<[SubgraphName, string]>).map(async ([name, url]) => {
      const started = Date.now();
      try {
        const response = await fetcherFor(name)(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: '{ __typename }' }),
        });
        const body = (await response.json()) as { data?: { __typename?: string } };
        if (!response.ok || body.data?.__typename !== 'Query') {
          return { name, url, ok: false, error: `answered HTTP ${response.status} without data` };
        }
        return { name, url, ok: true, latencyMs: Date.now() - started };
      } catch (error) {
        return {
          name,
          url,
          ok: false,
          error: error instanceof Error ? error.message : String(error),
        };
      }
    }),
  );
}
