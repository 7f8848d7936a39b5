import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import responseCachePlugin from '@apollo/server-plugin-response-cache';
import {
  ErrorsAreMissesCache,
  InMemoryLRUCache,
  type KeyValueCache,
  type KeyValueCacheSetOptions,
} from '@apollo/utils.keyvaluecache';
import type { Redis } from 'ioredis';
import type { Identity } from '../../subgraphs/core/identity';
import type { SharedRedis } from '../redis';

/** Cached answers in Redis, so that every gateway replica serves what one of them fetched. */
export class RedisKeyValueCache implements KeyValueCache<string> {
  constructor(
    private readonly redis: Redis,
    private readonly prefix = 'hub:response:',
  ) {}

  async get(key: string): Promise<string | undefined> {
    return (await this.redis.get(this.prefix + key)) ?? undefined;
  }

  async set(key: string, value: string, options?: KeyValueCacheSetOptions): Promise<void> {
    if (options?.ttl) await this.redis.set(this.prefix + key, value, 'EX', options.ttl);
    else await this.redis.set(this.prefix + key, value);
  }

  async delete(key: string): Promise<boolean> {
    return (await this.redis.del(this.prefix + key)) > 0;
  }
}

/**
 * Whole answers to anonymous queries, kept for as long as the subgraphs' cache hints allow
 * (the gateway's policy is the strictest of the Cache-Control headers its subgraphs sent).
 * Only anonymous requests read or write it (a request with Cache-Control: no-cache only writes): an answer to a signed-in caller may hold what
 * only they may see, so it is never stored, whatever its hints say. A cache that fails
 * counts as a miss: the answer is then fetched, not refused.
 */
export function responseCache<
  TContext extends BaseContext & { identity: Identity; internal?: boolean; fresh?: boolean },
>(redis: SharedRedis | null): ApolloServerPlugin<TContext> {
  const store: KeyValueCache<string> = redis
    ? new RedisKeyValueCache(redis.client)
    : new InMemoryLRUCache<string>({ maxSize: 64 * 1024 * 1024 });
  // The gateway's own routes (feeds, exports) read fresh: they page through whole years and
  // set their own HTTP caching.
  const anonymous = async ({ contextValue }: { contextValue: TContext }) =>
    contextValue.identity.role === 'anonymous' && !contextValue.internal;
  // A client that asks with Cache-Control: no-cache (a subgraph reading figures it acts on,
  // such as the reminder job's deadlines) gets a fresh answer, which is then stored.
  const readable = async (request: { contextValue: TContext }) =>
    !request.contextValue.fresh && (await anonymous(request));
  return responseCachePlugin<TContext>({
    cache: new ErrorsAreMissesCache(store),
    sessionId: async () => null,
    shouldReadFromCache: readable,
    shouldWriteToCache: anonymous,
  });
}
