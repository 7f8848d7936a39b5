import { createHash } from 'node:crypto';
import { BlockList, isIP, isIPv6 } from 'node:net';
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
  /**
   * Addresses never limited, e.g. the directory site's own servers, which call on behalf of
   * all their visitors from a few addresses. Addresses and subnets ("10.20.0.0/16").
   */
  exemptAddresses: string[];
}

export function readRateLimitConfig(reader: EnvReader): RateLimitConfig {
  return {
    limit: reader.int('GATEWAY_RATE_LIMIT', 600, { min: 0, max: 1_000_000 }),
    windowMs: reader.int('GATEWAY_RATE_LIMIT_WINDOW_SECONDS', 60, { min: 1, max: 86_400 }) * 1000,
    trustProxyHops: reader.int('GATEWAY_TRUST_PROXY_HOPS', 0, { min: 0, max: 10 }),
    exemptAddresses: exemptAddresses(reader),
  };
}

/** GATEWAY_RATE_LIMIT_EXEMPT: comma-separated IPv4/IPv6 addresses or subnets. */
function exemptAddresses(reader: EnvReader): string[] {
  const entries = (reader.optional('GATEWAY_RATE_LIMIT_EXEMPT') ?? '')
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean);
  for (const entry of entries) {
    try {
      exemptList([entry]);
    } catch {
      reader.problem(
        `GATEWAY_RATE_LIMIT_EXEMPT must list addresses or subnets like 10.20.0.5 or 10.20.0.0/16, got "${entry}"`,
      );
    }
  }
  return entries;
}

/** The exempt addresses as a BlockList, which matches IPv4 and IPv6 addresses and subnets. */
export function exemptList(entries: readonly string[]): BlockList {
  const list = new BlockList();
  for (const entry of entries) {
    const [address, prefix] = entry.split('/');
    const type = isIPv6(address) ? 'ipv6' : 'ipv4';
    if (!isIP(address)) throw new Error(`not an address: ${entry}`);
    if (prefix === undefined) list.addAddress(address, type);
    else {
      const bits = Number(prefix);
      if (!/^\d+$/.test(prefix) || bits > (type === 'ipv6' ? 128 : 32)) {
        throw new Error(`not a prefix length: ${entry}`);
      }
      list.addSubnet(address, bits, type);
    }
  }
  return list;
}

/** Whether a request comes from an exempt address (GATEWAY_RATE_LIMIT_EXEMPT). */
export function isExempt(
  config: Pick<RateLimitConfig, 'exemptAddresses'>,
): (req: Request) => boolean {
  const exempt = exemptList(config.exemptAddresses);
  return (req) => {
    const address = clientAddress(req);
    return !!address && exempt.check(address, isIPv6(address) ? 'ipv6' : 'ipv4');
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

/** The client's address (through trusted proxies), IPv4 on a dual-stack socket unmapped. */
export function clientAddress(req: Request): string | undefined {
  const address = req.ip ?? req.socket.remoteAddress;
  return address?.startsWith('::ffff:') && isIP(address.slice(7)) === 4
    ? address.slice(7)
    : address;
}

export function addressKey(req: Request): string {
  return `ip:${clientAddress(req) ?? 'unknown'}`;
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
  const exempt = isExempt(config);
  return async (req, res, next) => {
    if (exempt(req)) {
      next();
      return;
    }
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
