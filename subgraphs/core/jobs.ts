import { Counter, Gauge } from 'prom-client';
import type { ServiceMetrics } from './metrics';

/**
 * Runs of a subgraph's background jobs (a reminder run, a booking sync, a publication), told
 * apart from their outcome: a failure is logged as a warning with its reason and counted in
 * /metrics, so a job that fails and is retried is never silent. The job queue still decides
 * about retries; this only makes them visible.
 */
export class JobMonitor {
  private runs: Counter<'job' | 'outcome'> | null = null;
  private lastFailure: Gauge<'job'> | null = null;
  private readonly failures = new Map<string, { at: Date; reason: string }>();
  private warn: (line: string) => void = () => undefined;

  /** Counts runs in `metrics` from now on: hub_background_job_runs_total and the last failure. */
  observe(metrics: ServiceMetrics): void {
    this.runs = new Counter({
      name: 'hub_background_job_runs_total',
      help: 'Runs of background jobs by job and outcome ("ok" or "failed"); a failed run is retried by its queue or next round.',
      labelNames: ['job', 'outcome'],
      registers: [metrics.registry],
    });
    this.lastFailure = new Gauge({
      name: 'hub_background_job_last_failure_timestamp_seconds',
      help: 'When a background job last failed (Unix time), by job.',
      labelNames: ['job'],
      registers: [metrics.registry],
    });
  }

  /** Where warnings go, once the subgraph's logger is known. */
  warnTo(warn: (line: string) => void): void {
    this.warn = warn;
  }

  /** Runs one round of `job`; a failure is recorded, logged and thrown on to the caller. */
  async run<T>(job: string, work: () => Promise<T>): Promise<T> {
    try {
      const result = await work();
      this.runs?.inc({ job, outcome: 'ok' });
      return result;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      const at = new Date();
      this.failures.set(job, { at, reason });
      this.runs?.inc({ job, outcome: 'failed' });
      this.lastFailure?.set({ job }, at.getTime() / 1000);
      this.warn(`${job} failed: ${reason}`);
      throw error;
    }
  }

  /** The last failure of each job that has failed in this process. */
  lastFailures(): ReadonlyMap<string, { at: Date; reason: string }> {
    return this.failures;
  }
}
