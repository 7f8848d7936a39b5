import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';

/** One request of a workload: the body and who sends it. */
export interface BenchRequest {
  body: string;
  authorization?: string;
}

export interface LoadResult {
  requests: number;
  errors: number;
  /** Milliseconds per request, in the order they finished. */
  latencies: number[];
  seconds: number;
  /** The first error seen, for the report. */
  firstError?: string;
  /** Answers served from a response cache (they carry an `Age` header). */
  cacheHits: number;
}

/** The value below which p percent of the values lie (nearest rank). */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

/**
 * Whether an answer counts as an error: a non-200 status, a body that is not JSON, or a
 * GraphQL `errors` list (a gateway that answers fast but wrong must not win).
 */
export function answerError(status: number, body: string): string | null {
  if (status !== 200) return `HTTP ${status}: ${body.slice(0, 200)}`;
  try {
    const parsed = JSON.parse(body) as { errors?: Array<{ message: string }>; data?: unknown };
    if (parsed.errors?.length) return parsed.errors[0].message;
    if (parsed.data === undefined || parsed.data === null) return 'no data';
    return null;
  } catch {
    return `not JSON: ${body.slice(0, 200)}`;
  }
}

/** What one request came back with: its error, if any, and whether a cache answered it. */
interface Answer {
  error: string | null;
  cached: boolean;
}

/** Sends one request and reads its answer; a failure to connect is an error, not a throw. */
export function post(url: URL, agent: Agent, req: BenchRequest): Promise<Answer> {
  return new Promise((resolve) => {
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      'content-length': String(Buffer.byteLength(req.body)),
    };
    if (req.authorization) headers.authorization = req.authorization;
    const r = request(url, { method: 'POST', agent, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({
          error: answerError(res.statusCode ?? 0, Buffer.concat(chunks).toString()),
          // Apollo's response cache sets Age on the answers it kept, and only on those.
          cached: res.headers.age !== undefined,
        }),
      );
      res.on('error', (e) => resolve({ error: e.message, cached: false }));
    });
    r.on('error', (e) => resolve({ error: e.message, cached: false }));
    r.end(req.body);
  });
}

/**
 * Drives `url` at fixed concurrency for a fixed time: each of `concurrency` clients sends
 * the next request of the workload as soon as its previous answer is read (a closed loop,
 * as the public gateway benchmarks do), over kept-alive connections.
 */
export async function drive(
  url: string,
  next: () => BenchRequest,
  options: { concurrency: number; seconds: number },
): Promise<LoadResult> {
  const target = new URL(url);
  const agent = new Agent({ keepAlive: true, maxSockets: options.concurrency });
  const latencies: number[] = [];
  let errors = 0;
  let cacheHits = 0;
  let firstError: string | undefined;
  const started = performance.now();
  const until = started + options.seconds * 1000;
  const client = async () => {
    while (performance.now() < until) {
      const t0 = performance.now();
      const { error, cached } = await post(target, agent, next());
      latencies.push(performance.now() - t0);
      if (cached) cacheHits += 1;
      if (error) {
        errors += 1;
        firstError ??= error;
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, client));
  agent.destroy();
  return {
    requests: latencies.length,
    errors,
    latencies,
    seconds: (performance.now() - started) / 1000,
    firstError,
    cacheHits,
  };
}
