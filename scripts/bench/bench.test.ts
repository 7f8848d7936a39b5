import { readFileSync } from 'node:fs';
import { supergraphPath } from '../../subgraphs/core/paths';
import { answerError, percentile } from './load';
import { type BenchReferences, OPERATION_NAMES, requestSource } from './operations';
import { supergraphWithUrls } from './processes';
import { markdownTable, summarise } from './report';

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

  it('adds rounds up into one row of the table', () => {
    const m = summarise(
      { workload: 'varied', operation: 'directory', target: 'hub' },
      [
        { requests: 10, errors: 1, latencies: Array(10).fill(10), seconds: 1 },
        { requests: 30, errors: 0, latencies: Array(30).fill(20), seconds: 1 },
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
    });
    expect(markdownTable([m])).toContain(
      '| varied | directory | hub | 20 | 20.0 | 20.0 | 20.0 | 1 | 2.00 | 123 |',
    );
  });
});
