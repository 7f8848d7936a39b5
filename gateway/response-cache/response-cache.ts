import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import responseCachePlugin from '@apollo/server-plugin-response-cache';
import {
  ErrorsAreMissesCache,
  InMemoryLRUCache,
  type KeyValueCache,
  type KeyValueCacheSetOptions,
} from '@apollo/utils.keyvaluecache';
import type { Redis } from 'ioredis';
import { ErrorCode } from '../../subgraphs/core/errors';
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
 * Which generation of cached answers is current. Every mutation through the gateway starts a
 * new one before its answer goes out, so no anonymous answer kept from before the change is
 * served after it (issue 29: a survey closed by staff showed OPEN to the public for up to a
 * minute). Coarse on purpose: writes are rare next to reads, and a generation is one counter,
 * where tagging every answer with the entities it holds would cost every read. In Redis when
 * configured, so a mutation at one replica retires the answers of all.
 */
export interface CacheGeneration {
  current(): Promise<string>;
  advance(): Promise<void>;
}

export class MemoryCacheGeneration implements CacheGeneration {
  private generation = 0;
  async current(): Promise<string> {
    return String(this.generation);
  }
  async advance(): Promise<void> {
    this.generation++;
  }
}

export class RedisCacheGeneration implements CacheGeneration {
  constructor(
    private readonly redis: Redis,
    private readonly key = 'hub:response-generation',
  ) {}
  async current(): Promise<string> {
    return (await this.redis.get(this.key)) ?? '0';
  }
  async advance(): Promise<void> {
    await this.redis.incr(this.key);
  }
}

/** The generation shared by the gateway's replicas (Redis), or this process's own. */
export function cacheGeneration(redis: SharedRedis | null): CacheGeneration {
  return redis ? new RedisCacheGeneration(redis.client) : new MemoryCacheGeneration();
}

/**
 * Codes that mean a mutation was refused before it wrote anything (the house rule: bad input,
 * no right, a stale version or a busy pool write nothing).
 */
const REFUSALS = new Set<string>([
  ErrorCode.BAD_USER_INPUT,
  ErrorCode.NOT_FOUND,
  ErrorCode.UNAUTHENTICATED,
  ErrorCode.FORBIDDEN,
  ErrorCode.CONFLICT,
  ErrorCode.SERVICE_BUSY,
]);

/**
 * Whether a mutation's answer shows that nothing changed: no root field answered and every
 * error is a subgraph's refusal. Such a mutation must not retire the cache: otherwise any anonymous
 * client could empty it for everyone with refused mutations, and every refused edit would
 * cost every reader a miss (the benchmark saw it: two refused writes took the hit rate from
 * 42 % to 10 %). An error of another kind (a subgraph failing after its commit) still
 * retires, as the change may have been made.
 */
export function refusedWhole(result: {
  data?: Record<string, unknown> | null;
  errors?: ReadonlyArray<{ message?: string; extensions?: Record<string, unknown> }>;
}): boolean {
  const answered = Object.values(result.data ?? {}).some((v) => v !== null && v !== undefined);
  const errors = result.errors ?? [];
  return (
    !answered &&
    errors.length > 0 &&
    errors.every((e) => REFUSALS.has(String(e.extensions?.code ?? '')))
  );
}

/**
 * Whole answers to anonymous queries, kept for as long as the subgraphs' cache hints allow
 * (the gateway's policy is the strictest of the Cache-Control headers its subgraphs sent).
 * Only anonymous requests read or write it (a request with Cache-Control: no-cache only writes): an answer to a signed-in caller may hold what
 * only they may see, so it is never stored, whatever its hints say. A cache that fails
 * counts as a miss: the answer is then fetched, not refused. A mutation retires every answer
 * kept before it (CacheGeneration above).
 */
export function responseCache<
  TContext extends BaseContext & { identity: Identity; internal?: boolean; fresh?: boolean },
>(
  redis: SharedRedis | null,
  generation: CacheGeneration = cacheGeneration(redis),
  onGenerationError: (error: unknown) => void = () => undefined,
): ApolloServerPlugin<TContext>[] {
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
  const retireOnMutation: ApolloServerPlugin<TContext> = {
    async requestDidStart() {
      // A request refused before it ran (the cost budget, the mail limit, the safelist all
      // refuse while resolving the operation) reached no subgraph: nothing to retire.
      let executed = false;
      return {
        async executionDidStart() {
          executed = true;
        },
        async willSendResponse({ operation, response }) {
          if (operation?.operation !== 'mutation' || !executed) return;
          if (response.body.kind === 'single' && refusedWhole(response.body.singleResult)) return;
          // Before the mutation's answer leaves: whoever reads after it sees the change.
          await generation.advance().catch(onGenerationError);
        },
      };
    },
  };
  return [
    retireOnMutation,
    responseCachePlugin<TContext>({
      cache: new ErrorsAreMissesCache(store),
      sessionId: async () => null,
      // A Redis that cannot say the generation makes the request a miss, never a stale hit.
      extraCacheKeyData: () => generation.current().catch(() => `unknown:${Math.random()}`),
      shouldReadFromCache: readable,
      shouldWriteToCache: anonymous,
    }),
  ];
}
