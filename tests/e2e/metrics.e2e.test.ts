import parsePrometheusTextFormat from 'parse-prometheus-text-format';
import { loadGatewayConfig } from '../../gateway/gateway.config';
import { startGateway } from '../../gateway/gateway';
import { postGraphQL, startTestHub, subgraphUrlEnv, type TestHub } from '../setup/test-hub';

const TOKEN = 'metrics-token-for-the-test-0123456789';

/**
 * /metrics on the gateway and on each subgraph's own port, read by an independent parser of
 * the Prometheus text format: operations by name and outcome, subgraph fetches, rate-limit
 * refusals, pool connections and the communications job queue; guarded by METRICS_TOKEN.
 */
describe('Prometheus metrics', () => {
  let t: TestHub;

  beforeAll(async () => {
    t = await startTestHub({ GATEWAY_RATE_LIMIT: '8', METRICS_TOKEN: TOKEN });
  });
  afterAll(() => t.stop());

  const scrape = async (url: string) => {
    const response = await fetch(`${url}/metrics`, {
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    return parsePrometheusTextFormat(await response.text());
  };
  const family = (families: ReturnType<typeof parsePrometheusTextFormat>, name: string) =>
    families.find((f) => f.name === name);

  it('counts operations by name and outcome, subgraph fetches and rate-limit refusals at the gateway', async () => {
    // The same document twice (other variables, so not from the response cache): planned
    // once, its plan found in the plan cache the second time.
    for (const first of [2, 3]) {
      await postGraphQL(
        t.hub.gateway.graphqlUrl,
        'query DirectoryPage($first: Int!) { associations(first: $first) { totalCount } }',
        { first },
      );
    }
    await postGraphQL(
      t.hub.gateway.graphqlUrl,
      'query Broken { association(id: "not-an-id") { id } }',
    );
    for (let i = 0; i < 8; i++) await postGraphQL(t.hub.gateway.graphqlUrl, '{ __typename }');
    const families = await scrape(t.hub.gateway.url);
    const operations = family(families, 'hub_graphql_operations_total')!;
    expect(operations.type).toBe('COUNTER');
    const labels = operations.metrics.map((m) => m.labels);
    expect(labels).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ operation: 'DirectoryPage', outcome: 'ok', service: 'gateway' }),
        expect.objectContaining({ operation: 'Broken', outcome: 'BAD_USER_INPUT' }),
      ]),
    );
    const latency = family(families, 'hub_graphql_operation_duration_seconds')!;
    expect(latency.type).toBe('HISTOGRAM');
    expect(Number(latency.metrics[0].buckets!['+Inf'])).toBeGreaterThan(0);
    const fetches = family(families, 'hub_subgraph_fetches_total')!;
    expect(
      fetches.metrics.some(
        (m) => m.labels?.subgraph === 'associations' && m.labels.outcome === 'ok',
      ),
    ).toBe(true);
    const refused = family(families, 'hub_rate_limited_requests_total')!;
    expect(Number(refused.metrics[0].value)).toBeGreaterThanOrEqual(1);
    const plans = family(families, 'hub_query_plan_cache_total')!;
    const plansBy = (outcome: string) =>
      Number(plans.metrics.find((m) => m.labels?.outcome === outcome)?.value ?? 0);
    expect(plansBy('hit')).toBeGreaterThanOrEqual(1);
    expect(plansBy('miss')).toBeGreaterThanOrEqual(2);
  });

  it('shows each subgraph its own operations, its pool, and the communications queue depth', async () => {
    const associations = await scrape(t.hub.subgraphs.associations.url);
    expect(
      family(associations, 'hub_graphql_operations_total')!.metrics.some(
        (m) => m.labels?.service === 'associations',
      ),
    ).toBe(true);
    const pool = family(associations, 'hub_db_pool_connections')!;
    expect(pool.metrics.map((m) => m.labels?.state).sort()).toEqual(['idle', 'total', 'waiting']);
    expect(Number(pool.metrics.find((m) => m.labels?.state === 'total')!.value)).toBeGreaterThan(0);
    const communications = await scrape(t.hub.subgraphs.communications.url);
    const depth = family(communications, 'hub_job_queue_depth')!;
    expect(Number.isFinite(Number(depth.metrics[0].value))).toBe(true);
  });

  it('refuses /metrics without the token', async () => {
    expect((await fetch(`${t.hub.gateway.url}/metrics`)).status).toBe(401);
    expect(
      (
        await fetch(`${t.hub.subgraphs.grants.url}/metrics`, {
          headers: { authorization: 'Bearer wrong' },
        })
      ).status,
    ).toBe(401);
  });

  it('serves /metrics on METRICS_PORT alone when one is set, not on the public port', async () => {
    const gateway = await startGateway(
      loadGatewayConfig({
        HOST: '127.0.0.1',
        PORT: '0',
        LOG_LEVEL: 'silent',
        METRICS_PORT: '0',
        ...subgraphUrlEnv(t.hub),
      }),
    );
    try {
      expect(gateway.metricsUrl).not.toBe(`${gateway.url}/metrics`);
      expect((await fetch(`${gateway.url}/metrics`)).status).toBe(404);
      const own = await fetch(gateway.metricsUrl);
      expect(own.status).toBe(200);
      expect(parsePrometheusTextFormat(await own.text()).map((f) => f.name)).toContain(
        'hub_graphql_operations_total',
      );
    } finally {
      await gateway.stop();
    }
  });
});
