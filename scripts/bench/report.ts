import type { MemoryLevel } from './memory';
import { type LoadResult, percentile } from './load';

/** One measured cell: a target serving one operation under one workload (rounds summed). */
export interface Measurement {
  workload: string;
  operation: string;
  target: string;
  requests: number;
  errors: number;
  reqPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  /** SQL statements the database ran per request (pg_stat_statements), when it can tell. */
  statementsPerRequest: number | null;
  /** Highest resident memory of the target process during the cell, MiB. */
  peakRssMiB: number;
  /** Share of answers a response cache gave (0–1); null when no answer came from one. */
  cacheHitRate: number | null;
  firstError?: string;
}

/** Adds up a cell's rounds: requests over time, percentiles over all latencies. */
export function summarise(
  cell: Pick<Measurement, 'workload' | 'operation' | 'target'>,
  rounds: LoadResult[],
  statements: number | null,
  peakRssMiB: number,
): Measurement {
  const latencies = rounds.flatMap((r) => r.latencies);
  const requests = rounds.reduce((s, r) => s + r.requests, 0);
  const seconds = rounds.reduce((s, r) => s + r.seconds, 0);
  return {
    ...cell,
    requests,
    errors: rounds.reduce((s, r) => s + r.errors, 0),
    reqPerSecond: seconds > 0 ? requests / seconds : 0,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    statementsPerRequest: statements === null || requests === 0 ? null : statements / requests,
    peakRssMiB,
    cacheHitRate: cacheHitRate(rounds, requests),
    firstError: rounds.find((r) => r.firstError)?.firstError,
  };
}

/** Null, not 0, for a target without a cache: the table then says "–" rather than "0 %". */
function cacheHitRate(rounds: readonly LoadResult[], requests: number): number | null {
  const hits = rounds.reduce((s, r) => s + r.cacheHits, 0);
  return hits === 0 || requests === 0 ? null : hits / requests;
}

const fixed = (x: number, digits = 1) => (Number.isFinite(x) ? x.toFixed(digits) : '–');

/** A Markdown table of measurements, as BENCHMARKS.md shows them. */
export function markdownTable(rows: readonly Measurement[]): string {
  const head =
    '| workload | operation | target | req/s | p50 ms | p95 ms | p99 ms | errors | SQL/req | cache hits | peak RSS MiB |\n' +
    '|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|';
  const lines = rows.map(
    (m) =>
      `| ${m.workload} | ${m.operation} | ${m.target} | ${fixed(m.reqPerSecond, 0)} | ${fixed(m.p50)} | ${fixed(m.p95)} | ${fixed(m.p99)} | ${m.errors} | ${m.statementsPerRequest === null ? '–' : fixed(m.statementsPerRequest, 2)} | ${m.cacheHitRate === null ? '–' : `${fixed(m.cacheHitRate * 100, 0)} %`} | ${fixed(m.peakRssMiB, 0)} |`,
  );
  return [head, ...lines].join('\n');
}

/** A target of the issue: what is compared, the ratio needed, the ratio measured. */
export interface TargetCheck {
  what: string;
  need: string;
  measured: number;
  ok: boolean;
}

export function targetLines(checks: readonly TargetCheck[]): string {
  return checks
    .map((c) => `${c.ok ? 'PASS' : 'MISS'}  ${c.what}: ${fixed(c.measured, 2)} (needs ${c.need})`)
    .join('\n');
}

/** p95 and statements of one operation at one data size (the hub, varied workload). */
export interface ScaleRow {
  associations: number;
  operation: string;
  p95: number;
  statementsPerRequest: number | null;
}

/** The hub's gateway over a long run: resident memory and V8 heap in use, MiB. */
/** The soak: every process's memory level under a long varied load. */
export interface MemoryRun {
  seconds: number;
  processes: MemoryLevel[];
}

/**
 * Issue 31's targets, each a ratio of two numbers of the same run; a target whose cells
 * were not measured (left out with --operations or --targets) is left out.
 */
export function issueTargets(run: {
  measurements: readonly Measurement[];
  scale: readonly ScaleRow[];
  rss: MemoryRun | null;
  sizes: { small: number; large: number };
}): TargetCheck[] {
  const checks: TargetCheck[] = [];
  const cell = (workload: string, operation: string, target: string) =>
    run.measurements.find(
      (m) => m.workload === workload && m.operation === operation && m.target === target,
    );
  const add = (what: string, need: string, measured: number, ok: (x: number) => boolean) => {
    if (Number.isFinite(measured)) checks.push({ what, need, measured, ok: ok(measured) });
  };
  const reqPerSecond = (a?: Measurement, b?: Measurement) =>
    a && b ? a.reqPerSecond / b.reqPerSecond : Number.NaN;
  add(
    'directory req/s: the subgraph / its SQL through plain pg',
    '≥ 0.7',
    reqPerSecond(
      cell('identical', 'directory', 'subgraph'),
      cell('identical', 'directory', 'sql-floor'),
    ),
    (x) => x >= 0.7,
  );
  const page = (target: string) => cell('varied', 'associationPage', target);
  add(
    'association page, varied: hub / stock Apollo gateway (req/s)',
    '≥ 2',
    reqPerSecond(page('hub'), page('apollo')),
    (x) => x >= 2,
  );
  add(
    'association page, varied: hub / Hive Gateway router-runtime (req/s)',
    '≥ 1.3',
    reqPerSecond(page('hub'), page('hive-router')),
    (x) => x >= 1.3,
  );
  for (const operation of new Set(run.measurements.map((m) => m.operation))) {
    add(
      `${operation}, varied: hub / stock Apollo gateway (req/s)`,
      '≥ 1.5',
      reqPerSecond(cell('varied', operation, 'hub'), cell('varied', operation, 'apollo')),
      (x) => x >= 1.5,
    );
  }
  const { small, large } = run.sizes;
  for (const [operation, limit] of [
    ['directory', 1.5],
    ['search', 2],
  ] as const) {
    const at = (n: number) =>
      run.scale.find((r) => r.operation === operation && r.associations === n);
    const [a, b] = [at(small), at(large)];
    if (!a || !b) continue;
    add(
      `${operation} p95 at ${large} / at ${small} associations`,
      `≤ ${limit}`,
      b.p95 / a.p95,
      (x) => x <= limit,
    );
  }
  for (const level of run.rss?.processes ?? []) {
    const minutes = `${Math.round(run.rss!.seconds / 60)} min`;
    add(
      `${level.name} RSS, end / after warm-up of a ${minutes} soak`,
      '≤ 1.1',
      level.rssLastMiB / level.rssFirstMiB,
      (x) => x <= 1.1,
    );
    if (level.heapFirstMiB !== null && level.heapLastMiB !== null) {
      add(
        `${level.name} heap in use, end / after warm-up of a ${minutes} soak`,
        '≤ 1.1',
        level.heapLastMiB / level.heapFirstMiB,
        (x) => x <= 1.1,
      );
    }
  }
  return checks;
}
