import { randomInt, randomUUID } from 'node:crypto';
import { loadGatewayConfig } from '../../gateway/gateway.config';
import { startGateway, type RunningGateway } from '../../gateway/gateway';
import { availableRedis } from '../setup/redis';
import { postGraphQL, startTestHub, subgraphUrlEnv, type TestHub } from '../setup/test-hub';

/**
 * Two gateway replicas on one Redis (REDIS_URL) count a client's requests together and
 * serve each other's cached answers. Needs a Redis (TEST_REDIS_URL or a local one); without
 * one the test says so and is skipped.
 */
describe('gateway replicas sharing Redis', () => {
  let available = false;
  let t: TestHub;
  let second: RunningGateway;

  beforeAll(async () => {
    const redisUrl = await availableRedis();
    available = redisUrl !== null;
    if (!redisUrl) return;
    const env = { REDIS_URL: redisUrl, GATEWAY_RATE_LIMIT: '4', GATEWAY_TRUST_PROXY_HOPS: '1' };
    t = await startTestHub(env);
    second = await startGateway(
      loadGatewayConfig({
        ...env,
        HOST: '127.0.0.1',
        PORT: '0',
        LOG_LEVEL: 'silent',
        ...subgraphUrlEnv(t.hub),
      }),
    );
  });

  afterAll(async () => {
    await second?.stop();
    await t?.stop();
  });

  it('counts a client once across replicas, and serves one replica’s cached answer from the other', async () => {
    if (!available) return;
    // An address and a document no other run uses, since Redis outlives test runs.
    const client = { 'x-forwarded-for': `198.18.${randomInt(256)}.${randomInt(256)}` };
    const query = `{ run_${randomUUID().replace(/-/g, '')}: serviceAreas { id } }`;
    const replicas = [t.hub.gateway.graphqlUrl, second.graphqlUrl];
    const statuses: number[] = [];
    const ages: Array<string | null> = [];
    for (let i = 0; i < 5; i++) {
      const response = await fetch(replicas[i % 2], {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...client },
        body: JSON.stringify({ query }),
      });
      statuses.push(response.status);
      ages.push(response.headers.get('age'));
      await response.arrayBuffer();
    }
    expect(statuses).toEqual([200, 200, 200, 200, 429]);
    // The first replica fetched it; the second answered from the shared cache.
    expect(ages[0]).toBeNull();
    expect(ages[1]).not.toBeNull();
    const other = await postGraphQL(
      second.graphqlUrl,
      query,
      {},
      { 'x-forwarded-for': '198.19.0.1' },
    );
    expect(other.status).toBe(200);
  });

  it('retires every replica’s cached answers when a mutation goes through one of them', async () => {
    if (!available) return;
    const client = (n: number) => ({ 'x-forwarded-for': `198.18.${randomInt(256)}.${n}` });
    const query = `{ run_${randomUUID().replace(/-/g, '')}: categories { slug } }`;
    const read = async (url: string, n: number) => {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...client(n) },
        body: JSON.stringify({ query }),
      });
      const body = (await response.json()) as { data: Record<string, Array<{ slug: string }>> };
      return { age: response.headers.get('age'), slugs: Object.values(body.data)[0] };
    };
    await read(second.graphqlUrl, 1);
    expect((await read(second.graphqlUrl, 2)).age).not.toBeNull();
    const slug = `uusi-${randomInt(1_000_000)}`;
    const admin = await t.token({ role: 'admin' });
    const created = await postGraphQL(
      t.hub.gateway.graphqlUrl,
      `mutation ($input: CreateCategoryInput!) { createCategory(input: $input) { slug } }`,
      { input: { slug, name: { fi: 'Uusi' } } },
      { authorization: `Bearer ${admin}`, ...client(3) },
    );
    expect(created.body.errors).toBeUndefined();
    const after = await read(second.graphqlUrl, 4);
    expect(after.age).toBeNull();
    expect(after.slugs.map((c) => c.slug)).toContain(slug);
  });
});
