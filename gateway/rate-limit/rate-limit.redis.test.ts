import { randomUUID } from 'node:crypto';
import { Socket } from 'node:net';
import { testRedisUrl } from '../../tests/setup/test-database.config';
import { createRateLimitStore } from './rate-limit';
import { RedisRateLimitStore } from './rate-limit.store';

/**
 * The Redis store against a real Redis: TEST_REDIS_URL, else one on 127.0.0.1:6379 when
 * there is one. Redis is optional for the hub, so on a machine without it these tests
 * say so and are skipped rather than failing; the memory store is tested everywhere.
 */
const redisUrl = testRedisUrl();

function reachable(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise<boolean>((resolve) => {
    const socket = new Socket();
    const answer = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(500);
    socket.once('connect', () => answer(true));
    socket.once('timeout', () => answer(false));
    socket.once('error', () => answer(false));
    socket.connect(Number(port || 6379), hostname);
  });
}

describe('RedisRateLimitStore', () => {
  let available = false;
  const stores: RedisRateLimitStore[] = [];

  beforeAll(async () => {
    available = await reachable(redisUrl);
    if (!available) console.warn(`No Redis at ${redisUrl}: the Redis rate-limit tests are skipped`);
  });

  afterAll(async () => {
    await Promise.all(stores.map((s) => s.close()));
  });

  async function store(prefix: string): Promise<RedisRateLimitStore> {
    const s = new RedisRateLimitStore(redisUrl, prefix);
    stores.push(s);
    await s.connect();
    return s;
  }

  it('shares one count between gateway instances', async () => {
    if (!available) return;
    const prefix = `hub:test:${randomUUID()}:`;
    const [first, second] = [await store(prefix), await store(prefix)];
    expect((await first.hit('ip:1', 60_000)).count).toBe(1);
    expect((await second.hit('ip:1', 60_000)).count).toBe(2);
    const third = await first.hit('ip:1', 60_000);
    expect(third.count).toBe(3);
    expect(third.resetInMs).toBeGreaterThan(59_000);
    expect(third.resetInMs).toBeLessThanOrEqual(60_000);
    expect((await second.hit('ip:2', 60_000)).count).toBe(1);
  });

  it('starts a new window when the old one expires', async () => {
    if (!available) return;
    const s = await store(`hub:test:${randomUUID()}:`);
    await s.hit('ip:1', 100);
    expect((await s.hit('ip:1', 100)).count).toBe(2);
    await new Promise((done) => setTimeout(done, 150));
    expect((await s.hit('ip:1', 100)).count).toBe(1);
  });

  it('fails a hit at once while Redis is away, so that the limiter can let it through', async () => {
    if (!available) return;
    const s = await store(`hub:test:${randomUUID()}:`);
    await s.close();
    await expect(s.hit('ip:1', 60_000)).rejects.toThrow();
  });
});

describe('createRateLimitStore', () => {
  it('names REDIS_URL when Redis cannot be reached at start-up', async () => {
    // Port 1 on loopback: nothing listens there, so the connection is refused at once.
    await expect(
      createRateLimitStore({
        limit: 10,
        windowMs: 1000,
        redisUrl: 'redis://127.0.0.1:1',
        trustProxyHops: 0,
      }),
    ).rejects.toThrow(/cannot reach Redis at REDIS_URL.*ECONNREFUSED/);
  });
});
