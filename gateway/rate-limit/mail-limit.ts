import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, Kind, type SelectionSetNode } from 'graphql';
import type { EnvReader } from '../../subgraphs/core/env';
import type { BudgetedContext } from './cost-budget';
import type { RateLimitStore } from './rate-limit.store';

/**
 * Mutations that send a mail to an address the caller types in. The communications
 * subgraph limits the mails to one address (a pause, a daily cap); only the gateway knows
 * the caller, so the limit per client is here: one client cannot spread confirmation mails
 * over a thousand victims' addresses either (issue 28, item 2).
 */
export const MAIL_SENDING_MUTATIONS: ReadonlySet<string> = new Set(['subscribe']);

export interface MailLimitConfig {
  /** Such mutations one client may make per hour (GATEWAY_MAIL_REQUESTS_PER_HOUR); 0: off. */
  perHour: number;
}

export function readMailLimit(reader: EnvReader): MailLimitConfig {
  return {
    perHour: reader.int('GATEWAY_MAIL_REQUESTS_PER_HOUR', 20, { min: 0, max: 1_000_000 }),
  };
}

const HOUR_MS = 3_600_000;

/** How many mail-sending fields the operation has at its root (aliases count each). */
function mailSendingFields(set: SelectionSetNode): number {
  let count = 0;
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD && MAIL_SENDING_MUTATIONS.has(selection.name.value)) count++;
    if (selection.kind === Kind.INLINE_FRAGMENT) count += mailSendingFields(selection.selectionSet);
  }
  return count;
}

/**
 * Counts each client's mail-sending mutations per hour and refuses the one over the limit
 * with 429 and RATE_LIMITED before it reaches the subgraph. The same exempt addresses and
 * keys as the other limits; a failing store lets the request through, as theirs do.
 */
export function mailLimitPlugin<TContext extends BudgetedContext>(
  config: MailLimitConfig,
  store: RateLimitStore,
  onStoreError: (error: unknown) => void,
): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, operation }) {
          const key = contextValue.budgetKey;
          if (config.perHour === 0 || !key || operation?.operation !== 'mutation') return;
          const fields = mailSendingFields(operation.selectionSet);
          if (fields === 0) return;
          let counted;
          try {
            for (let i = 0; i < fields; i++) counted = await store.hit(`mail:${key}`, HOUR_MS);
          } catch (error) {
            onStoreError(error);
            return;
          }
          if (!counted || counted.count <= config.perHour) return;
          const retryAfterSeconds = Math.max(1, Math.ceil(counted.resetInMs / 1000));
          throw new GraphQLError(
            `Too many subscription requests: at most ${config.perHour} an hour per client; try again in ${retryAfterSeconds} s`,
            {
              extensions: {
                code: 'RATE_LIMITED',
                limit: config.perHour,
                windowSeconds: HOUR_MS / 1000,
                retryAfterSeconds,
                http: {
                  status: 429,
                  headers: new Map([['retry-after', String(retryAfterSeconds)]]),
                },
              },
            },
          );
        },
      };
    },
  };
}
