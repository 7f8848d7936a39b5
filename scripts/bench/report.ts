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
    firstError: rounds.find((r) => r.firstError)?.firstError,
  };
}

const fixed = (x: number, digits = 1) => (Number.isFinite(x) ? x.toFixed(digits) : '–');

/** A Markdown table of measurements, as BENCHMARKS.md shows them. */
export function markdownTable(rows: readonly Measurement[]): string {
  const head =
    '| workload | operation | target | req/s | p50 ms | p95 ms | p99 ms | errors | SQL/req | peak RSS MiB |\n' +
    '|---|---|---|---:|---:|---:|---:|---:|---:|---:|';
  const lines = rows.map(
    (m) =>
      `| ${m.workload} | ${m.operation} | ${m.target} | ${fixed(m.reqPerSecond, 0)} | ${fixed(m.p50)} | ${fixed(m.p95)} | ${fixed(m.p99)} | ${m.errors} | ${m.statementsPerRequest === null ? '–' : fixed(m.statementsPerRequest, 2)} | ${fixed(m.peakRssMiB, 0)} |`,
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
