import { readFileSync } from 'node:fs';
import { supergraphPath } from '../../subgraphs/core/paths';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { answerError, drive, percentile } from './load';
import { type BenchReferences, OPERATION_NAMES, requestSource, writeSource } from './operations';
import { supergraphWithUrls } from './processes';
import { wholeNumber } from '../bench';
import { heapUsedMiB, memoryLevel } from './memory';
import { issueTargets, markdownTable, type Measurement, summarise } from './report';

const refs: BenchReferences = {
  associationIds: ['a1', 'a2', 'a3', 'a4'],
  cursors: [null, 'c1', 'c2'],
  municipalityCodes: ['398', '098'],
  serviceAreaIds: ['s1', 's2'],
  years: [2025, 2026],
  searchWords: ['kuoro', 'partio', 'kylä'],
  evenings: [
    ['2026-12-08T15:00:00.000Z', '2026-12-08T17:00:00.000Z'],
    ['2026-12-09T15:00:00.000Z', '2026-12-09T17:00:00.000Z'],
  ],
  staffTokens: ['t1', 't2'],
};

describe('the benchmark', () => {
  it('takes percentiles by nearest rank', () => {
    const values = Array.from({ length: 100 }, (_, i) => 100 - i); // 100 … 1, unsorted
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 95)).toBe(95);
    expect(percentile(values, 99)).toBe(99);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([], 50)).toBeNaN();
  });

  it('counts a fast wrong answer as an error: status, non-JSON, GraphQL errors, no data', () => {
    expect(answerError(200, '{"data":{"a":1}}')).toBeNull();
    expect(answerError(500, 'boom')).toMatch(/^HTTP 500/);
    expect(answerError(200, '<html>')).toMatch(/^not JSON/);
    expect(answerError(200, '{"errors":[{"message":"Unexpected error."}],"data":null}')).toBe(
      'Unexpected error.',
    );
    expect(answerError(200, '{"data":null}')).toBe('no data');
  });

  it('sends the same request in the identical workload and different ones in the varied', () => {
    for (const operation of OPERATION_NAMES) {
      const identical = requestSource(operation, 'identical', refs);
      expect(identical()).toEqual(identical());
      const varied = requestSource(operation, 'varied', refs);
      const bodies = new Set(Array.from({ length: 6 }, () => JSON.stringify(varied())));
      expect([operation, bodies.size > 1]).toEqual([operation, true]);
    }
    // The association page mixes signed-in and anonymous callers, and signed-in ones differ.
    const page = requestSource('associationPage', 'varied', refs);
    const callers = Array.from({ length: 8 }, () => page().authorization ?? 'anonymous');
    expect(new Set(callers)).toEqual(new Set(['anonymous', 'Bearer t1', 'Bearer t2']));
  });

  it('points the supergraph at the subgraphs it started, every one of them', () => {
    const sdl = readFileSync(supergraphPath(), 'utf8');
    const urls = {
      associations: 'http://127.0.0.1:1/graphql',
      facilities: 'http://127.0.0.1:2/graphql',
      grants: 'http://127.0.0.1:3/graphql',
      events: 'http://127.0.0.1:4/graphql',
      cooperation: 'http://127.0.0.1:5/graphql',
      communications: 'http://127.0.0.1:6/graphql',
    };
    const rewritten = supergraphWithUrls(sdl, urls);
    for (const [name, url] of Object.entries(urls)) {
      expect(rewritten).toContain(`@join__graph(name: "${name}", url: "${url}")`);
    }
    expect(rewritten).not.toMatch(/url: "http:\/\/localhost:400\d/);
  });

  it("counts the answers a cache gave by their Age header, and a write's source varies", async () => {
    // Every second answer comes with Age, as Apollo's response cache sends its hits.
    let served = 0;
    const server = createServer((_req, res) => {
      served += 1;
      if (served % 2 === 0) res.setHeader('age', '3');
      res.setHeader('content-type', 'application/json');
      res.end('{"data":{"ok":true}}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const result = await drive(`http://127.0.0.1:${port}/graphql`, () => ({ body: '{}' }), {
        concurrency: 1,
        seconds: 0.2,
      });
      expect(result.requests).toBe(served);
      expect(result.errors).toBe(0);
      expect(result.cacheHits).toBe(Math.floor(served / 2));
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
    const write = writeSource(refs);
    const [first, second] = [write(), write()];
    expect(first.authorization).toBe('Bearer t1');
    expect(JSON.parse(first.body).variables.input).toMatchObject({ id: 'a1', memberCount: 10 });
    expect(JSON.parse(second.body).variables.input).toMatchObject({ id: 'a2', memberCount: 11 });
    expect(JSON.parse(second.body).query).toMatch(/^mutation/);
  });

  it('adds rounds up into one row of the table', () => {
    const m = summarise(
      { workload: 'varied', operation: 'directory', target: 'hub' },
      [
        { requests: 10, errors: 1, latencies: Array(10).fill(10), seconds: 1, cacheHits: 0 },
        { requests: 30, errors: 0, latencies: Array(30).fill(20), seconds: 1, cacheHits: 10 },
      ],
      80,
      123.4,
    );
    expect(m).toMatchObject({
      requests: 40,
      errors: 1,
      reqPerSecond: 20,
      p50: 20,
      statementsPerRequest: 2,
      cacheHitRate: 0.25,
    });
    expect(markdownTable([m])).toContain(
      '| varied | directory | hub | 20 | 20.0 | 20.0 | 20.0 | 1 | 2.00 | 25 % | 123 |',
    );
    // A target without a cache shows no rate rather than 0 %.
    const uncached = summarise(m, [{ ...m, latencies: [1], seconds: 1, cacheHits: 0 }], null, 1);
    expect(uncached.cacheHitRate).toBeNull();
    expect(markdownTable([uncached])).toMatch(/\| – \| – \| 1 \|$/);
  });

  it("checks the issue's targets from the run's own cells, leaving out what was not measured", () => {
    const m = (
      workload: string,
      operation: string,
      target: string,
      reqPerSecond: number,
      p50 = 10,
    ): Measurement => ({
      workload,
      operation,
      target,
      reqPerSecond,
      p50,
      requests: 1,
      errors: 0,
      p95: p50,
      p99: p50,
      statementsPerRequest: 1,
      peakRssMiB: 1,
      cacheHitRate: null,
    });
    const checks = issueTargets({
      measurements: [
        m('identical', 'directory', 'subgraph', 140),
        m('identical', 'directory', 'sql-floor', 200),
        m('varied', 'associationPage', 'hub', 210),
        m('varied', 'associationPage', 'apollo', 100),
        m('varied', 'associationPage', 'hive-router', 170),
        m('varied', 'search', 'hub', 140),
        m('varied', 'search', 'apollo', 100),
        // No stock Apollo cell for the varied directory: no check of it.
        m('varied', 'directory', 'hub', 100),
      ],
      scale: [
        { associations: 1000, operation: 'search', p95: 100, statementsPerRequest: 4 },
        { associations: 100000, operation: 'search', p95: 150, statementsPerRequest: 4.4 },
      ],
      rss: {
        seconds: 1800,
        processes: [
          {
            name: 'hub',
            rssFirstMiB: 100,
            rssLastMiB: 111,
            rssPeakMiB: 111,
            heapFirstMiB: 50,
            heapLastMiB: 50,
          },
          {
            name: 'associations',
            rssFirstMiB: 100,
            rssLastMiB: 100,
            rssPeakMiB: 100,
            heapFirstMiB: null,
            heapLastMiB: null,
          },
        ],
      },
      sizes: { small: 1000, large: 100000 },
    });
    expect(checks.map((c) => [c.what, c.ok])).toEqual([
      ['directory req/s: the subgraph / its SQL through plain pg', true],
      ['association page, varied: hub / stock Apollo gateway (req/s)', true],
      ['association page, varied: hub / Hive Gateway router-runtime (req/s)', false],
      ['associationPage, varied: hub / stock Apollo gateway (req/s)', true],
      ['search, varied: hub / stock Apollo gateway (req/s)', false],
      ['search p95 at 100000 / at 1000 associations', true],
      ['hub RSS, end / after warm-up of a 30 min soak', false],
      ['hub heap in use, end / after warm-up of a 30 min soak', true],
      // A process whose heap was never read is judged by its RSS alone.
      ['associations RSS, end / after warm-up of a 30 min soak', true],
    ]);
    expect(checks[0].measured).toBe(0.7);
  });

  it("reads a process's memory level after its warm-up, not its start", () => {
    // 60 samples: a 10-sample warm-up climbing to 100, then flat; the last two grow by 5 %.
    const rss = [
      ...Array.from({ length: 10 }, (_, i) => 10 * (i + 1)),
      ...Array(48).fill(100),
      105,
      105,
    ];
    const level = memoryLevel({ name: 'hub', rss, heap: [] });
    expect(level).toEqual({
      name: 'hub',
      rssFirstMiB: 100,
      rssLastMiB: 105,
      rssPeakMiB: 105,
      heapFirstMiB: null,
      heapLastMiB: null,
    });
    expect(
      heapUsedMiB('# HELP x\nnodejs_heap_size_used_bytes{service="hub"} 52428800\nother 1'),
    ).toBe(50);
    expect(heapUsedMiB('process_resident_memory_bytes 1')).toBeNull();
  });

  it('refuses an option that is not a whole number, naming it', () => {
    expect(wholeNumber('--seconds', '5', 1)).toBe(5);
    expect(() => wholeNumber('--seconds', 'abc', 1)).toThrow(
      '--seconds must be a whole number of at least 1, got "abc"',
    );
    expect(() => wholeNumber('--rounds', '0', 1)).toThrow(
      '--rounds must be a whole number of at least 1',
    );
    expect(() => wholeNumber('--scale', '1.5', 0)).toThrow('--scale');
    expect(wholeNumber('--scale', '0', 0)).toBe(0);
  });
});
