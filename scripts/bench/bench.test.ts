import { readFileSync } from 'node:fs';
import { supergraphPath } from '../../subgraphs/core/paths';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { answerError, drive, percentile } from './load';
import { type BenchReferences, OPERATION_NAMES, requestSource, writeSource } from './operations';
import { supergraphWithUrls } from './processes';
import { wholeNumber } from '../bench';
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
        m('identical', 'associationPage', 'hub', 300),
        m('identical', 'associationPage', 'apollo', 100),
        m('identical', 'associationPage', 'hive-router', 301),
        m('varied', 'associationPage', 'hub', 210),
        m('varied', 'associationPage', 'apollo', 100),
        m('varied', 'directory', 'hub', 100, 13),
        m('varied', 'directory', 'subgraph', 200, 10),
      ],
      scale: [
        { associations: 1000, operation: 'search', p95: 100, statementsPerRequest: 4 },
        { associations: 100000, operation: 'search', p95: 150, statementsPerRequest: 4.4 },
      ],
      rss: {
        firstMiB: 100,
        lastMiB: 111,
        peakMiB: 111,
        heapFirstMiB: 50,
        heapLastMiB: 50,
        seconds: 60,
      },
      sizes: { small: 1000, large: 100000 },
    });
    expect(checks.map((c) => [c.what, c.ok])).toEqual([
      ['association page, identical: hub / stock Apollo gateway (req/s)', true],
      ['association page, identical: hub / Hive Gateway router-runtime (req/s)', false],
      ['associationPage, varied: hub / stock Apollo gateway (req/s)', true],
      // No stock Apollo cell for the varied directory: no check of it.
      ['directory p50, varied: through the gateway / straight to the subgraph', true],
      ['search p95 at 100000 / at 1000 associations', true],
      ['search SQL statements per request at 100000 / at 1000', false],
      ['gateway RSS, last / first sixth of a 60 s run', false],
    ]);
    expect(checks[0].measured).toBe(3);
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
