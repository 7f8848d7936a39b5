import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControl } from '@apollo/server/plugin/cacheControl';
import { cacheControlFromInfo } from '@apollo/cache-control-types';
import type { GraphQLResolveInfo } from 'graphql';
import type { BaseContext } from './context';
import type { EnvReader } from './env';

/**
 * Cache hints. Every subgraph answer carries a Cache-Control header; the gateway keeps the
 * strictest of its subgraphs' and caches whole anonymous answers by it.
 *
 * - Public data may be kept for CACHE_MAX_AGE_SECONDS (60 by default): the directory,
 *   facilities, grant rounds and awards and published events change seldom, and a minute
 *   of delay is what a public page can live with.
 * - Fields that change by the minute set a shorter hint where they are resolved
 *   (`shortLived`), e.g. a space's free times.
 * - An answer to a signed-in caller is PRIVATE as a whole: what a token may see (contacts'
 *   details, drafts, reservations) differs from caller to caller, so no shared cache may
 *   keep it. An anonymous caller's answer is the same for every anonymous caller.
 * - Mutations are never cached.
 */
export function readCacheMaxAge(reader: EnvReader): number {
  return reader.int('CACHE_MAX_AGE_SECONDS', 60, { min: 0, max: 86_400 });
}

export function cachePolicyPlugins(defaultMaxAge: number): ApolloServerPlugin<BaseContext>[] {
  return [
    ApolloServerPluginCacheControl({ defaultMaxAge, calculateHttpHeaders: true }),
    {
      async requestDidStart() {
        return {
          async executionDidStart({ contextValue, operation, overallCachePolicy }) {
            // What a mutation answers is the state right after it: nothing to keep.
            if (operation.operation === 'mutation') overallCachePolicy.restrict({ maxAge: 0 });
            if ((contextValue as BaseContext).identity?.role !== 'anonymous') {
              overallCachePolicy.restrict({ scope: 'PRIVATE' });
            }
          },
        };
      },
    },
  ];
}

/** Keeps a field's answer for at most `maxAge` seconds: for values that change by the minute. */
export function shortLived(info: GraphQLResolveInfo, maxAge = 15): void {
  cacheControlFromInfo(info).setCacheHint({ maxAge });
}
