import { randomUUID } from 'node:crypto';
import { availableRedis } from '../tests/setup/redis';
import { RedisRateLimitStore } from './rate-limit/rate-limit.store';
import { RedisCostBudgetStore } from './rate-limit/cost-budget.store';
import { connectRedis, type SharedRedis } from './redis';
import { RedisKeyValueCache } from './response-cache/response-cache';

/**
 * What the gateway keeps in Redis, against a real Redis: TEST_REDIS_URL, else one on
 * 127.0.0.1:6379 when there is one. Redis is optional for the hub, so on a machine without
 * it these tests say so and are skipped rather than failing; the memory stores are tested
 * everywhere.
 */

describe('the gateway’s Redis', () => {
  let available = false;
  let redisUrl = '';
  const connections: SharedRedis[] = [];

  beforeAll(async () => {
    redisUrl = (await availableRedis()) ?? '';
    available = redisUrl !== '';
  });

  afterAll(async () => {
    await Promise.all(connections.map((c) => c.close()));
  });

  async function connection(): Promise<SharedRedis> {
    const redis = await connectRedis(redisUrl);
    connections.push(redis);
    return redis;
  }

  it('shares one cost bucket per client between gateway instances', async () => {
    if (!available) return;
    const prefix = `hub:test:${randomUUID()}:`;
    const bucket = { capacity: 60_000, refillPerMs: 1 };
    const first = new RedisCostBudgetStore((await connection()).client, prefix);
    const second = new RedisCostBudgetStore((await connection()).client, prefix);
    expect(await first.spend('ip:1', 50_000, bucket)).toMatchObject({ granted: true });
    const refused = await second.spend('ip:1', 50_000, bucket);
    expect(refused.granted).toBe(false);
    // 10,000 left, plus what a millisecond or a few refilled on Redis's clock.
    expect(refused.remaining).toBeGreaterThanOrEqual(10_000);
    expect(refused.remaining).toBeLessThan(50_000);
    expect((await second.spend('ip:2', 50_000, bucket)).granted).toBe(true);
  });

  it('shares one rate-limit count between gateway instances', async () => {
    if (!available) return;
    const prefix = `hub:test:${randomUUID()}:`;
    const first = new RedisRateLimitStore((await connection()).client, prefix);
    const second = new RedisRateLimitStore((await connection()).client, prefix);
    expect((await first.hit('ip:1', 60_000)).count).toBe(1);
    expect((await second.hit('ip:1', 60_000)).count).toBe(2);
    const third = await first.hit('ip:1', 60_000);
    expect(third.count).toBe(3);
    expect(third.resetInMs).toBeGreaterThan(59_000);
    expect(third.resetInMs).toBeLessThanOrEqual(60_000);
    expect((await second.hit('ip:2', 60_000)).count).toBe(1);
  });

  it('starts a new rate-limit window when the old one expires', async () => {
    if (!available) return;
    const store = new RedisRateLimitStore((await connection()).client, `hub:test:${randomUUID()}:`);
    await store.hit('ip:1', 100);
    expect((await store.hit('ip:1', 100)).count).toBe(2);
    await new Promise((done) => setTimeout(done, 150));
    expect((await store.hit('ip:1', 100)).count).toBe(1);
  });

  it('keeps cached answers for their time to live, for every replica', async () => {
    if (!available) return;
    const prefix = `hub:test:${randomUUID()}:`;
    const one = new RedisKeyValueCache((await connection()).client, prefix);
    const other = new RedisKeyValueCache((await connection()).client, prefix);
    await one.set('answer', '{"data":{}}', { ttl: 1 });
    expect(await other.get('answer')).toBe('{"data":{}}');
    await new Promise((done) => setTimeout(done, 1_100));
    expect(await other.get('answer')).toBeUndefined();
    await one.set('kept', 'x');
    expect(await other.delete('kept')).toBe(true);
    expect(await one.get('kept')).toBeUndefined();
  });

  it('fails a command at once while Redis is away, so that callers can go on without it', async () => {
    if (!available) return;
    const redis = await connection();
    await redis.close();
    await expect(new RedisRateLimitStore(redis.client).hit('ip:1', 60_000)).rejects.toThrow();
  });

  it('names REDIS_URL and the reason when Redis cannot be reached at start-up', async () => {
    // Port 1 on loopback: nothing listens there, so the connection is refused at once.
    await expect(connectRedis('redis://127.0.0.1:1')).rejects.toThrow(
      /cannot reach Redis at REDIS_URL.*ECONNREFUSED/,
    );
  });
});
