import { createHash } from 'node:crypto';
import type { Request, RequestHandler } from 'express';
import type { EnvReader } from '../../subgraphs/core/env';
import type { SharedRedis } from '../redis';
import { MemoryRateLimitStore, RedisRateLimitStore, type RateLimitStore } from './rate-limit.store';

export interface RateLimitConfig {
  /** Requests one client may make per window; 0 turns rate limiting off. */
  limit: number;
  windowMs: number;
  /**
   * How many proxies in front of the gateway may set X-Forwarded-For (0: none). Trust only
   * as many as are really there, or any client could choose its own rate-limit key.
   */
  trustProxyHops: number;
}

export function readRateLimitConfig(reader: EnvReader): RateLimitConfig {
  return {
    limit: reader.int('GATEWAY_RATE_LIMIT', 600, { min: 0, max: 1_000_000 }),
    windowMs: reader.int('GATEWAY_RATE_LIMIT_WINDOW_SECONDS', 60, { min: 1, max: 86_400 }) * 1000,
    trustProxyHops: reader.int('GATEWAY_TRUST_PROXY_HOPS', 0, { min: 0, max: 10 }),
  };
}

/** Redis's counters when the gateway has a Redis, else this process's memory. */
export function createRateLimitStore(
  config: RateLimitConfig,
  redis: SharedRedis | null,
): RateLimitStore {
  return redis ? new RedisRateLimitStore(redis.client) : new MemoryRateLimitStore(config.windowMs);
}

/** Who is counted: a signed-in client by its token's subject, anyone else by address. */
export type ClientKeyOf = (req: Request) => Promise<string>;

/** The key for a token subject; hashed so that Redis holds no user identifiers. */
export function subjectKey(subject: string): string {
  return `sub:${createHash('sha256').update(subject).digest('base64url').slice(0, 22)}`;
}

export function addressKey(req: Request): string {
  return `ip:${req.ip ?? req.socket.remoteAddress ?? 'unknown'}`;
}

/**
 * Counts each client's requests and answers `429 Too Many Requests` with `Retry-After`
 * once its window is used up. Every answer carries the RateLimit-* headers so that a
 * well-behaved client can slow down before it is refused. When the store fails (Redis
 * away) the request goes through: an outage of the counter must not take the graph down.
 */
export function rateLimiter(
  config: RateLimitConfig,
  store: RateLimitStore,
  clientKeyOf: ClientKeyOf,
  onStoreError: (error: unknown) => void,
): RequestHandler {
  if (config.limit === 0) return (_req, _res, next) => next();
  return async (req, res, next) => {
    let counted;
    try {
      counted = await store.hit(await clientKeyOf(req), config.windowMs);
    } catch (error) {
      onStoreError(error);
      next();
      return;
    }
    const resetSeconds = Math.max(1, Math.ceil(counted.resetInMs / 1000));
    res.setHeader('RateLimit-Limit', String(config.limit));
    res.setHeader('RateLimit-Remaining', String(Math.max(0, config.limit - counted.count)));
    res.setHeader('RateLimit-Reset', String(resetSeconds));
    if (counted.count <= config.limit) {
      next();
      return;
    }
    res.setHeader('Retry-After', String(resetSeconds));
    res.status(429).json({
      errors: [
        {
          message: `Too many requests: at most ${config.limit} in ${config.windowMs / 1000} s per client; try again in ${resetSeconds} s`,
          extensions: {
            code: 'RATE_LIMITED',
            limit: config.limit,
            windowSeconds: config.windowMs / 1000,
            retryAfterSeconds: resetSeconds,
          },
        },
      ],
    });
  };
}
