import express from 'express';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import {
  addressKey,
  clientAddress,
  exemptList,
  rateLimiter,
  readRateLimitConfig,
  subjectKey,
  type RateLimitConfig,
} from './rate-limit';
import { EnvReader } from '../../subgraphs/core/env';
import { MemoryRateLimitStore, type RateLimitStore } from './rate-limit.store';

describe('MemoryRateLimitStore', () => {
  it('counts per key within a window and starts again when the window ends', async () => {
    let now = 1_000_000;
    const store = new MemoryRateLimitStore(60_000, () => now);
    try {
      expect(await store.hit('a', 60_000)).toEqual({ count: 1, resetInMs: 60_000 });
      now += 10_000;
      expect(await store.hit('a', 60_000)).toEqual({ count: 2, resetInMs: 50_000 });
      expect(await store.hit('b', 60_000)).toEqual({ count: 1, resetInMs: 60_000 });
      now += 50_000;
      expect(await store.hit('a', 60_000)).toEqual({ count: 1, resetInMs: 60_000 });
    } finally {
      await store.close();
    }
  });

  it('sweeps ended windows so that one-off clients do not pile up', async () => {
    let now = 0;
    const store = new MemoryRateLimitStore(1_000, () => now);
    try {
      for (let i = 0; i < 100; i++) await store.hit(`ip:${i}`, 1_000);
      expect(store.size).toBe(100);
      now = 1_000;
      store.sweep();
      expect(store.size).toBe(0);
    } finally {
      await store.close();
    }
  });
});

describe('rateLimiter', () => {
  const config: RateLimitConfig = {
    limit: 3,
    windowMs: 60_000,
    trustProxyHops: 0,
    exemptAddresses: [],
  };
  let server: Server | undefined;

  afterEach(async () => {
    const running = server;
    server = undefined;
    if (!running) return;
    running.closeAllConnections();
    await new Promise((done) => running.close(done));
  });

  async function serve(
    store: RateLimitStore,
    onStoreError = jest.fn(),
    limit = config.limit,
    exemptAddresses: string[] = [],
  ) {
    const app = express();
    app.use(
      rateLimiter(
        { ...config, limit, exemptAddresses },
        store,
        async (req) => String(req.headers['x-client']),
        onStoreError,
      ),
    );
    app.get('/', (_req, res) => {
      res.json({ ok: true });
    });
    server = app.listen(0, '127.0.0.1');
    await new Promise((done) => server!.once('listening', done));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    return (client: string) => fetch(url, { headers: { 'x-client': client } });
  }

  it('answers 429 with Retry-After once a client has used its window, and counts clients apart', async () => {
    const store = new MemoryRateLimitStore(60_000);
    const get = await serve(store);
    for (let i = 1; i <= 3; i++) {
      const ok = await get('alice');
      expect(ok.status).toBe(200);
      expect(ok.headers.get('ratelimit-limit')).toBe('3');
      expect(ok.headers.get('ratelimit-remaining')).toBe(String(3 - i));
    }
    const refused = await get('alice');
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(59);
    expect(retryAfter).toBeLessThanOrEqual(60);
    const body = (await refused.json()) as {
      errors: Array<{ message: string; extensions: Record<string, unknown> }>;
    };
    expect(body.errors[0].extensions).toMatchObject({
      code: 'RATE_LIMITED',
      limit: 3,
      windowSeconds: 60,
      retryAfterSeconds: retryAfter,
    });
    expect(body.errors[0].message).toMatch(/at most 3 in 60 s per client/);
    expect((await get('bob')).status).toBe(200);
    await store.close();
  });

  it('lets requests through and reports it when the store fails', async () => {
    const failing: RateLimitStore = {
      hit: () => Promise.reject(new Error('Redis is away')),
      close: async () => undefined,
    };
    const onStoreError = jest.fn();
    const get = await serve(failing, onStoreError);
    expect((await get('alice')).status).toBe(200);
    expect(onStoreError).toHaveBeenCalledWith(
      expect.objectContaining({ message: 'Redis is away' }),
    );
  });

  it('is off at a limit of 0', async () => {
    const store = new MemoryRateLimitStore(60_000);
    const hit = jest.spyOn(store, 'hit');
    const get = await serve(store, jest.fn(), 0);
    for (let i = 0; i < 5; i++) expect((await get('alice')).status).toBe(200);
    expect(hit).not.toHaveBeenCalled();
    await store.close();
  });

  it('counts an IPv4 client on a dual-stack socket by its IPv4 address', () => {
    const request = (ip: string) => ({ ip, socket: {} }) as never;
    expect(clientAddress(request('::ffff:10.20.0.5'))).toBe('10.20.0.5');
    expect(addressKey(request('2001:db8::7'))).toBe('ip:2001:db8::7');
  });

  it('keys a subject by a hash, never the subject itself', () => {
    const key = subjectKey('user-123@example.fi');
    expect(key).toMatch(/^sub:[A-Za-z0-9_-]{22}$/);
    expect(key).not.toContain('user-123');
    expect(subjectKey('user-123@example.fi')).toBe(key);
  });

  it('never limits an exempt address (the directory site’s own servers)', async () => {
    const store = new MemoryRateLimitStore(60_000);
    const get = await serve(store, jest.fn(), 1, ['127.0.0.0/8']);
    for (let i = 0; i < 5; i++) expect((await get('alice')).status).toBe(200);
    await store.close();
  });
});

describe('GATEWAY_RATE_LIMIT_EXEMPT', () => {
  const read = (value: string) => {
    const reader = new EnvReader('test', { GATEWAY_RATE_LIMIT_EXEMPT: value });
    return reader.done(readRateLimitConfig(reader));
  };

  it('takes IPv4 and IPv6 addresses and subnets, and matches them', () => {
    const { exemptAddresses } = read('10.20.0.5, 192.168.0.0/16, 2001:db8::/32');
    const list = exemptList(exemptAddresses);
    expect(list.check('10.20.0.5', 'ipv4')).toBe(true);
    expect(list.check('192.168.44.1', 'ipv4')).toBe(true);
    expect(list.check('2001:db8::7', 'ipv6')).toBe(true);
    expect(list.check('10.20.0.6', 'ipv4')).toBe(false);
  });

  it('names an entry that is not an address or a subnet', () => {
    expect(() => read('10.20.0.5, intranet, 10.0.0.0/40')).toThrow(
      /GATEWAY_RATE_LIMIT_EXEMPT must list addresses or subnets like 10\.20\.0\.5 or 10\.20\.0\.0\/16, got "intranet"[\s\S]*got "10\.0\.0\.0\/40"/,
    );
  });
});
