import type { BenchProcess } from './processes';

/** One process's memory over a long run: resident set and V8 heap in use, in MiB. */
export interface MemorySeries {
  name: string;
  rss: number[];
  heap: number[];
}

/** Where a process's memory stood after the warm-up and at the end of a long run. */
export interface MemoryLevel {
  name: string;
  rssFirstMiB: number;
  rssLastMiB: number;
  rssPeakMiB: number;
  heapFirstMiB: number | null;
  heapLastMiB: number | null;
}

/** The V8 heap in use from a process's own Prometheus metrics (prom-client's default). */
export function heapUsedMiB(metrics: string): number | null {
  const used = /^nodejs_heap_size_used_bytes(?:\{[^}]*\})? (\S+)/m.exec(metrics);
  return used ? Number(used[1]) / 2 ** 20 : null;
}

/**
 * Samples every process's RSS (from /proc) and V8 heap in use (from its /metrics, which
 * tells a leak, where the heap grows, from an allocator keeping pages it got, where only
 * RSS grows) once per `everyMs`, until stopped.
 */
export function watchMemory(
  processes: readonly BenchProcess[],
  everyMs = 1000,
): { stop(): MemorySeries[] } {
  const series = processes.map((p) => ({
    name: p.name,
    rss: [] as number[],
    heap: [] as number[],
  }));
  const timer = setInterval(() => {
    processes.forEach((p, i) => {
      series[i].rss.push(p.rssMiB());
      const metricsUrl = p.url.replace(/\/graphql$/, '').replace(/\/$/, '') + '/metrics';
      void fetch(metricsUrl, { signal: AbortSignal.timeout(everyMs) })
        .then((r) => r.text())
        .then((text) => {
          const used = heapUsedMiB(text);
          if (used !== null) series[i].heap.push(used);
        })
        .catch(() => undefined);
    });
  }, everyMs);
  return {
    stop() {
      clearInterval(timer);
      return series;
    },
  };
}

/**
 * The level a series keeps: the mean of the window right after the warm-up (the first
 * sixth of the run: minute 5 of 30) against the mean of the last window of the same length
 * (a thirtieth of the run: the last minute of 30), so one burst does not decide it.
 */
export function memoryLevel(series: MemorySeries): MemoryLevel {
  const windowOf = (xs: number[]) => {
    const width = Math.max(1, Math.floor(xs.length / 30));
    const start = Math.floor(xs.length / 6);
    const mean = (ys: number[]) => ys.reduce((a, b) => a + b, 0) / ys.length;
    return { first: mean(xs.slice(start, start + width)), last: mean(xs.slice(-width)) };
  };
  const rss = windowOf(series.rss);
  const heap = series.heap.length ? windowOf(series.heap) : null;
  return {
    name: series.name,
    rssFirstMiB: rss.first,
    rssLastMiB: rss.last,
    rssPeakMiB: Math.max(...series.rss),
    heapFirstMiB: heap?.first ?? null,
    heapLastMiB: heap?.last ?? null,
  };
}
