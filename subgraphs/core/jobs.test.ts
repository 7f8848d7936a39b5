import { JobMonitor } from './jobs';
import { ServiceMetrics } from './metrics';

describe(JobMonitor.name, () => {
  it('counts runs by outcome, warns with the reason of a failure and throws it on', async () => {
    const metrics = new ServiceMetrics('test');
    const monitor = new JobMonitor();
    const warnings: string[] = [];
    monitor.observe(metrics);
    monitor.warnTo((line) => warnings.push(line));
    expect(await monitor.run('reminders', () => Promise.resolve(3))).toBe(3);
    await expect(
      monitor.run('reminders', () => Promise.reject(new Error('calendar unreachable'))),
    ).rejects.toThrow('calendar unreachable');
    expect(warnings).toEqual(['reminders failed: calendar unreachable']);
    const text = await metrics.registry.metrics();
    expect(text).toMatch(
      /hub_background_job_runs_total\{[^}]*job="reminders"[^}]*outcome="ok"[^}]*\} 1/,
    );
    expect(text).toMatch(
      /hub_background_job_runs_total\{[^}]*job="reminders"[^}]*outcome="failed"[^}]*\} 1/,
    );
    expect(text).toMatch(/hub_background_job_last_failure_timestamp_seconds\{[^}]*job="reminders"/);
    expect(monitor.lastFailures().get('reminders')?.reason).toBe('calendar unreachable');
  });
});
