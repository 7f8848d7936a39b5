import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { GraphQLError } from 'graphql';
import type { EnvReader } from '../../subgraphs/core/env';
import { queryCost } from '../../subgraphs/core/query-cost';
import type { SharedRedis } from '../redis';
import {
  type Bucket,
  type CostBudgetStore,
  MemoryCostBudgetStore,
  RedisCostBudgetStore,
} from './cost-budget.store';

/**
 * Each client's query cost per minute (issue 28, item 1). The request limit counts requests
 * alike, so one client sending an expensive query a second stayed far inside it while
 * crowding everyone else out; the budget counts what the requests ask for, with the same
 * cost the document limits compute (every field 1, times the page sizes above it, the
 * aggregates more), spent from a bucket per token subject or address that refills
 * continuously.
 */
export interface CostBudgetConfig {
  /** Cost one client may spend per minute (GATEWAY_COST_BUDGET); 0 turns the budget off. */
  perMinute: number;
}

export const DEFAULT_COST_BUDGET = 100_000;

/** The budget must hold the costliest single query the limits allow, or that query never runs. */
export function readCostBudget(reader: EnvReader, maxCost: number): CostBudgetConfig {
  const perMinute = reader.int('GATEWAY_COST_BUDGET', DEFAULT_COST_BUDGET, {
    min: 0,
    max: 1_000_000_000,
  });
  if (perMinute > 0 && perMinute < maxCost) {
    reader.problem(
      `GATEWAY_COST_BUDGET (${perMinute}) must be 0 (off) or at least GATEWAY_MAX_COST (${maxCost}), or the costliest allowed query could never run`,
    );
  }
  return { perMinute };
}

export function createCostBudgetStore(redis: SharedRedis | null): CostBudgetStore {
  return redis ? new RedisCostBudgetStore(redis.client) : new MemoryCostBudgetStore();
}

/** What the context says about the caller: the bucket it spends from, none when exempt. */
export interface BudgetedContext extends BaseContext {
  budgetKey?: string | null;
}

/** The part of a budget answer a client reads, in the shape Shopify's GraphQL API made common. */
export interface CostExtension {
  requestedQueryCost: number;
  throttleStatus: {
    maximumAvailable: number;
    currentlyAvailable: number;
    restoreRatePerSecond: number;
  };
}

/**
 * Spends each operation's cost once it is resolved (after the document limits, before any
 * planning) and writes what is left into the answer's `extensions.cost`. A client whose
 * bucket cannot pay gets HTTP 429, RATE_LIMITED and the seconds until it can. When the store
 * fails (Redis away) the request goes through: the counter's outage must not take the graph
 * down, as with the request limit.
 */
export function costBudgetPlugin<TContext extends BudgetedContext>(
  config: CostBudgetConfig,
  store: CostBudgetStore,
  onStoreError: (error: unknown) => void,
): ApolloServerPlugin<TContext> {
  const bucket: Bucket = { capacity: config.perMinute, refillPerMs: config.perMinute / 60_000 };
  const restoreRatePerSecond = Math.round(bucket.refillPerMs * 1000 * 100) / 100;
  return {
    async requestDidStart() {
      let spent: CostExtension | undefined;
      return {
        async didResolveOperation({ contextValue, document, operation, request }) {
          const key = contextValue.budgetKey;
          if (config.perMinute === 0 || !key || !operation) return;
          const cost = queryCost(document, operation, request.variables ?? {});
          let result;
          try {
            result = await store.spend(key, cost, bucket);
          } catch (error) {
            onStoreError(error);
            return;
          }
          spent = {
            requestedQueryCost: cost,
            throttleStatus: {
              maximumAvailable: bucket.capacity,
              currentlyAvailable: result.remaining,
              restoreRatePerSecond,
            },
          };
          if (result.granted) return;
          const retryAfterSeconds = Math.max(
            1,
            Math.ceil((cost - result.remaining) / bucket.refillPerMs / 1000),
          );
          throw new GraphQLError(
            `Query cost budget used up: this query costs ${cost} and ${result.remaining} of ${bucket.capacity} per minute is left; try again in ${retryAfterSeconds} s, or ask for smaller pages`,
            {
              extensions: {
                code: 'RATE_LIMITED',
                cost: spent,
                retryAfterSeconds,
                http: {
                  status: 429,
                  headers: new Map([['retry-after', String(retryAfterSeconds)]]),
                },
              },
            },
          );
        },
        async willSendResponse({ response }) {
          if (!spent || response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          result.extensions = { ...result.extensions, cost: spent };
        },
      };
    },
  };
}
