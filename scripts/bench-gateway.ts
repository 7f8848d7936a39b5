import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { runCommand } from './cli';
import { percentile } from './bench/load';

const USAGE = `usage: npm run -s bench:gateway -- [--url http://localhost:4000/graphql] [--rounds 300]

Measures a running gateway (start it with GATEWAY_RATE_LIMIT=0 GATEWAY_COST_BUDGET=0 npm start) and checks its
speed targets:
  - a refused abusive query (too deep, alias bomb, too costly, too many tokens) costs less
    than 1 ms more than the cheapest accepted one ({ __typename }), at the median: it is
    refused before any planning (p95 is printed too; on a busy machine it is noise);
  - a cached anonymous answer comes back in less than half the time of a fetched one.
Prints p50/p95 per case and exits 1 when a target is missed.`;

const CASES = {
  trivial: '{ __typename }',
  deep: `{ associations { edges { node { serviceAreas { liaisons { serviceArea { liaisons { serviceArea { liaisons { serviceArea { liaisons { serviceArea { id } } } } } } } } } } } } }`,
  aliases: `{ ${Array.from({ length: 50 }, (_, i) => `a${i}: serviceAreas { id }`).join(' ')} }`,
  costly: `{ associations(first: 100) { edges { node { events(first: 100) { edges { node { organizers { name { fi } } } } } } } } }`,
  tokens: `{ ${Array.from({ length: 1000 }, () => 'serviceAreas { id }').join(' ')} }`,
};

const DIRECTORY = `query Bench($after: String) { associations(first: 20, after: $after) { totalCount edges { node { name { fi } municipalityCode categories { slug } } } } }`;

async function timeOne(url: string, query: string, variables: Record<string, unknown> = {}) {
  const started = performance.now();
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  await response.arrayBuffer();
  if (response.status === 429) {
    throw new Error(
      'the gateway is rate limiting this benchmark: start it with GATEWAY_RATE_LIMIT=0 GATEWAY_COST_BUDGET=0',
    );
  }
  return performance.now() - started;
}

export async function main(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      url: { type: 'string', default: 'http://localhost:4000/graphql' },
      rounds: { type: 'string', default: '300' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const url = values.url!;
  const rounds = Number(values.rounds);
  const results: Record<string, { p50: number; p95: number }> = {};
  for (const [name, query] of Object.entries(CASES)) {
    const times: number[] = [];
    for (let i = 0; i < 20; i++) await timeOne(url, query); // warm up
    for (let i = 0; i < rounds; i++) times.push(await timeOne(url, query));
    results[name] = { p50: percentile(times, 50), p95: percentile(times, 95) };
    process.stderr.write(
      `  ${name.padEnd(8)} p50 ${results[name].p50.toFixed(2)} ms  p95 ${results[name].p95.toFixed(2)} ms\n`,
    );
  }

  // Fetched: a new page (cursor) each time, so nothing is cached; cached: the same page again.
  const fetched: number[] = [];
  const cached: number[] = [];
  for (let i = 0; i < Math.min(rounds, 100); i++) {
    const after = Buffer.from(`bench-${Date.now()}-${i}`).toString('base64');
    fetched.push(await timeOne(url, DIRECTORY, { after: null, bench: after }));
  }
  await timeOne(url, DIRECTORY, { after: null });
  for (let i = 0; i < Math.min(rounds, 100); i++)
    cached.push(await timeOne(url, DIRECTORY, { after: null }));
  results.fetched = { p50: percentile(fetched, 50), p95: percentile(fetched, 95) };
  results.cached = { p50: percentile(cached, 50), p95: percentile(cached, 95) };
  for (const name of ['fetched', 'cached']) {
    process.stderr.write(
      `  ${name.padEnd(8)} p50 ${results[name].p50.toFixed(2)} ms  p95 ${results[name].p95.toFixed(2)} ms\n`,
    );
  }

  const targets = [
    ...(['deep', 'aliases', 'costly', 'tokens'] as const).map((name) => ({
      what: `refusing "${name}" costs < 1 ms more than { __typename } (p50)`,
      ok: results[name].p50 - results.trivial.p50 < 1,
    })),
    {
      what: 'a cached answer takes < half a fetched one (p50)',
      ok: results.cached.p50 < results.fetched.p50 / 2,
    },
  ];
  for (const target of targets)
    process.stdout.write(`${target.ok ? 'PASS' : 'FAIL'}  ${target.what}\n`);
  return targets.every((t) => t.ok) ? 0 : 1;
}

if (require.main === module) runCommand(main);
