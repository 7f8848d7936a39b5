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

/** How long one subgraph may take to answer the readiness question. */
export const READY_CHECK_TIMEOUT_MS = 2_000;
/** How long one readiness answer is reused: probes and curious clients share it. */
export const READY_CACHE_MS = 2_000;

function withinTime<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Asks each subgraph the cheapest GraphQL question there is, all at once, each time-boxed.
 * A subgraph with replicas is asked through its fetcher, which fails over: it is ready when
 * one of them answers.
 */
export async function checkSubgraphs(
  replicas: Readonly<Record<SubgraphName, readonly string[]>>,
  fetcherFor: (name: SubgraphName) => Fetcher,
  timeoutMs = READY_CHECK_TIMEOUT_MS,
): Promise<SubgraphReadiness[]> {
  return Promise.all(
    (Object.entries(replicas) as Array<[SubgraphName, string[]]>).map(async ([name, urls]) => {
      const url = urls.join(',');
      const started = Date.now();
      try {
        const response = await withinTime(
          fetcherFor(name)(urls[0], {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ query: '{ __typename }' }),
          }),
          timeoutMs,
        );
        const body = (await withinTime(response.json(), timeoutMs)) as {
          data?: { __typename?: string };
        };
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

/**
 * /ready is public and not rate limited (load balancers poll it), and each answer fans out
 * to every subgraph: one answer is computed at a time and reused for `ttlMs`, so a flood of
 * /ready costs the subgraphs one check per interval.
 */
export function cachedReadiness(
  check: () => Promise<SubgraphReadiness[]>,
  ttlMs = READY_CACHE_MS,
  now: () => number = Date.now,
): () => Promise<SubgraphReadiness[]> {
  let cached: { answer: Promise<SubgraphReadiness[]>; settledAt: number | null } | null = null;
  return () => {
    // A check under way is shared; a settled one is reused until it is ttlMs old.
    if (cached && (cached.settledAt === null || now() - cached.settledAt < ttlMs)) {
      return cached.answer;
    }
    const entry: { answer: Promise<SubgraphReadiness[]>; settledAt: number | null } = {
      answer: check(),
      settledAt: null,
    };
    entry.answer.then(
      () => (entry.settledAt = now()),
      () => (entry.settledAt = now()),
    );
    cached = entry;
    return entry.answer;
  };
}
