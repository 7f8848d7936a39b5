import express from 'express';
import { MAX_OPERATION_NAMES, ServiceMetrics } from './metrics';

/** One request through the metrics plugin, as Apollo Server calls its hooks. */
async function request(metrics: ServiceMetrics, operationName: string, ran = true) {
  const hooks = await metrics.plugin().requestDidStart!({} as never);
  await hooks!.willSendResponse!({
    operationName,
    errors: undefined,
    response: { http: { headers: new Map() } },
    operation: ran ? {} : undefined,
  } as never);
}

const seriesOf = async (metrics: ServiceMetrics) =>
  (await metrics.registry.metrics())
    .split('\n')
    .filter((line) => line.startsWith('hub_graphql_operations_total{'));

describe(ServiceMetrics.name, () => {
  it('keeps a bounded number of operation names apart, whatever names clients choose', async () => {
    const metrics = new ServiceMetrics('test');
    for (let i = 0; i < 2_400; i++) await request(metrics, `Client${i}`);
    await request(metrics, 'x'.repeat(5_000));
    await request(metrics, 'Refused', false);
    const series = await seriesOf(metrics);
    expect(series).toHaveLength(MAX_OPERATION_NAMES + 1);
    expect(series.find((l) => l.includes('operation="other"'))).toMatch(/ 2202$/);
    expect(series.some((l) => l.includes('operation="Client0"'))).toBe(true);
  });

  it('records nothing when /metrics is off: nobody scrapes it', async () => {
    const metrics = new ServiceMetrics('test');
    metrics.mount(express(), { enabled: false, token: undefined });
    for (let i = 0; i < 10; i++) await request(metrics, `Client${i}`);
    expect(await seriesOf(metrics)).toEqual([]);
  });
});
