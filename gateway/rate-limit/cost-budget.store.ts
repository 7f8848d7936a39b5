import type { Redis } from 'ioredis';

/** A client's bucket: holds at most `capacity` cost and refills by `capacity` per minute. */
export interface Bucket {
  capacity: number;
  refillPerMs: number;
}

/** What one spend did: taken or not, and what the bucket holds afterwards. */
export interface Spent {
  granted: boolean;
  /** Cost left in the bucket after this spend (whole units, rounded down). */
  remaining: number;
}

/**
 * Token buckets of query cost per client (the leaky bucket Shopify's and GitHub's GraphQL
 * APIs use): a spend takes the query's cost when the bucket holds that much, and the bucket
 * refills continuously, so a client that paused may spend again at once without waiting for
 * a window to end.
 */
export interface CostBudgetStore {
  spend(key: string, cost: number, bucket: Bucket): Promise<Spent>;
  close(): Promise<void>;
}

/** One gateway instance's own buckets: the default, needs nothing else running. */
export class MemoryCostBudgetStore implements CostBudgetStore {
  private readonly buckets = new Map<string, { level: number; at: number }>();
  private readonly sweeper: NodeJS.Timeout;
  private lastBucket: Bucket | undefined;

  constructor(
    sweepEveryMs = 60_000,
    private readonly now: () => number = Date.now,
  ) {
    // Full buckets say nothing a new one would not: dropped, so one-off clients do not pile up.
    this.sweeper = setInterval(() => this.sweep(), sweepEveryMs);
    this.sweeper.unref();
  }

  async spend(key: string, cost: number, bucket: Bucket): Promise<Spent> {
    this.lastBucket = bucket;
    const now = this.now();
    const level = this.level(key, bucket, now);
    const granted = level >= cost;
    const after = granted ? level - cost : level;
    this.buckets.set(key, { level: after, at: now });
    return { granted, remaining: Math.floor(after) };
  }

  private level(key: string, bucket: Bucket, now: number): number {
    const held = this.buckets.get(key);
    if (!held) return bucket.capacity;
    return Math.min(bucket.capacity, held.level + (now - held.at) * bucket.refillPerMs);
  }

  /** How many clients have a bucket that is not full; for tests. */
  get size(): number {
    return this.buckets.size;
  }

  sweep(): void {
    const bucket = this.lastBucket;
    if (!bucket) return;
    const now = this.now();
    for (const key of this.buckets.keys()) {
      if (this.level(key, bucket, now) >= bucket.capacity) this.buckets.delete(key);
    }
  }

  async close(): Promise<void> {
    clearInterval(this.sweeper);
    this.buckets.clear();
  }
}

// Refill, spend and store in one script with Redis's own clock, so that gateway replicas
// with drifting clocks share one bucket per client. A bucket left alone expires once full.
const SPEND_SCRIPT = `
local capacity = tonumber(ARGV[1])
local rate = tonumber(ARGV[2])
local cost = tonumber(ARGV[3])
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local held = redis.call('HMGET', KEYS[1], 'level', 'at')
local level = capacity
if held[1] then
  level = math.min(capacity, tonumber(held[1]) + (now - tonumber(held[2])) * rate)
end
local granted = 0
if level >= cost then
  level = level - cost
  granted = 1
end
redis.call('HSET', KEYS[1], 'level', tostring(level), 'at', tostring(now))
redis.call('PEXPIRE', KEYS[1], math.ceil((capacity - level) / rate) + 1000)
return { granted, math.floor(level) }
`;

type WithSpendCommand = Redis & {
  hubCostSpend(
    key: string,
    capacity: number,
    rate: number,
    cost: number,
  ): Promise<[number, number]>;
};

/** Buckets shared by every gateway instance that points at the same Redis (REDIS_URL). */
export class RedisCostBudgetStore implements CostBudgetStore {
  private readonly redis: WithSpendCommand;

  constructor(
    redis: Redis,
    private readonly prefix = 'hub:cost:',
  ) {
    redis.defineCommand('hubCostSpend', { numberOfKeys: 1, lua: SPEND_SCRIPT });
    this.redis = redis as WithSpendCommand;
  }

  async spend(key: string, cost: number, bucket: Bucket): Promise<Spent> {
    const [granted, remaining] = await this.redis.hubCostSpend(
      this.prefix + key,
      bucket.capacity,
      bucket.refillPerMs,
      cost,
    );
    return { granted: granted === 1, remaining };
  }

  /** The connection is the gateway's; whoever opened it closes it. */
  async close(): Promise<void> {}
}
