import type { GatewayConfig } from '@apollo/gateway';
import { InMemoryLRUCache } from '@apollo/utils.keyvaluecache';
import type { ServiceMetrics } from '../subgraphs/core/metrics';

/** The cache Apollo Gateway takes in `queryPlannerConfig`, and what it keeps there. */
type QueryPlanCache = NonNullable<NonNullable<GatewayConfig['queryPlannerConfig']>['cache']>;
type QueryPlan = Parameters<QueryPlanCache['set']>[1];

/** The size Apollo Gateway gives its own plan store by default (30 MiB). */
const PLAN_CACHE_BYTES = 30 * 2 ** 20;

/**
 * Apollo Gateway's query-plan store, as the gateway would make it (an LRU of ~30 MiB sized
 * by each plan's JSON), counting hits and misses for /metrics: a low hit rate means clients
 * send ever-new documents (inline values instead of variables) and pay for planning.
 */
export function countedPlanCache(metrics: ServiceMetrics): QueryPlanCache {
  const plans = new InMemoryLRUCache<QueryPlan>({
    maxSize: PLAN_CACHE_BYTES,
    sizeCalculation: (plan) => Buffer.byteLength(JSON.stringify(plan), 'utf8'),
  });
  return {
    async get(key) {
      const plan = await plans.get(key);
      metrics.queryPlans.inc({ outcome: plan === undefined ? 'miss' : 'hit' });
      return plan;
    },
    set: (key, value, options) => plans.set(key, value, options),
    delete: (key) => plans.delete(key),
    // The gateway empties it when the supergraph changes.
    clear: () => plans.clear(),
  };
}
