import type { Redis } from 'ioredis';

/** How many requests a client has made in its current window, and when that window ends. */
export interface WindowCount {
  count: number;
  /** Milliseconds until the window ends and the count starts again from zero. */
  resetInMs: number;
}

/**
 * Counts requests per client in fixed windows. Fixed windows let a client send up to twice
 * the limit across a window boundary; for abuse protection that is acceptable and it keeps
 * each request to one atomic counter update (one Redis round trip).
 */
export interface RateLimitStore {
  hit(key: string, windowMs: number): Promise<WindowCount>;
  close(): Promise<void>;
}

/** One gateway instance's own counters: the default, needs nothing else running. */
export class MemoryRateLimitStore implements RateLimitStore {
  private readonly windows = new Map<string, { count: number; endsAt: number }>();
  private readonly sweeper: NodeJS.Timeout;

  constructor(
    windowMs: number,
    private readonly now: () => number = Date.now,
  ) {
    // Ended windows are dropped regularly so that one-off clients (many IPs) do not pile up.
    this.sweeper = setInterval(() => this.sweep(), windowMs);
    this.sweeper.unref();
  }

  async hit(key: string, windowMs: number): Promise<WindowCount> {
    const now = this.now();
    let window = this.windows.get(key);
    if (!window || window.endsAt <= now) {
      window = { count: 0, endsAt: now + windowMs };
      this.windows.set(key, window);
    }
    window.count += 1;
    return { count: window.count, resetInMs: window.endsAt - now };
  }

  /** How many clients have a window open now; for tests and metrics. */
  get size(): number {
    return this.windows.size;
  }

  sweep(): void {
    const now = this.now();
    for (const [key, window] of this.windows) if (window.endsAt <= now) this.windows.delete(key);
  }

  async close(): Promise<void> {
    clearInterval(this.sweeper);
    this.windows.clear();
  }
}

// INCR and the expiry in one script, so that a crash between them cannot leave a counter
// that never expires (which would lock a client out for good).
const HIT_SCRIPT = `
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); ttl = tonumber(ARGV[1]) end
return { count, ttl }
`;

/** The script as a command of its own: ioredis sends it once, then only its SHA (EVALSHA). */
type WithHitCommand = Redis & {
  hubRateHit(key: string, windowMs: number): Promise<[number, number]>;
};

/** Counters shared by every gateway instance that points at the same Redis (REDIS_URL). */
export class RedisRateLimitStore implements RateLimitStore {
  private readonly redis: WithHitCommand;

  constructor(
    redis: Redis,
    private readonly prefix = 'hub:rate:',
  ) {
    redis.defineCommand('hubRateHit', { numberOfKeys: 1, lua: HIT_SCRIPT });
    this.redis = redis as WithHitCommand;
  }

  async hit(key: string, windowMs: number): Promise<WindowCount> {
    const [count, ttl] = await this.redis.hubRateHit(this.prefix + key, windowMs);
    return { count, resetInMs: ttl };
  }

  /** The connection is the gateway's; whoever opened it closes it. */
  async close(): Promise<void> {}
}
