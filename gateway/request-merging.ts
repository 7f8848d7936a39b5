import type { NextFunction, Request, RequestHandler, Response } from 'express';

/**
 * Headers that differ per request without changing its answer: left out of the merge key
 * (everything else, Authorization first, must be equal for two requests to merge).
 */
const NOISE = new Set([
  'content-length',
  'connection',
  'keep-alive',
  'host',
  'x-request-id',
  'traceparent',
  'tracestate',
  'x-forwarded-for',
  'x-real-ip',
]);

/**
 * Response headers that belong to one response, not to its answer. The body captured is the
 * answer before compression, so the leader's Content-Encoding is its own: each follower's
 * compression encodes for what that follower accepts.
 */
const OWN = new Set([
  'date',
  'connection',
  'keep-alive',
  'transfer-encoding',
  'content-length',
  'content-encoding',
]);

interface Captured {
  status: number;
  headers: Array<[string, string | number | readonly string[]]>;
  body: Buffer;
}

/**
 * Whether a request may share another's answer: a POST that carries its document's text,
 * whose text cannot change data or stream (no `mutation` or `subscription` anywhere in it, a
 * deliberately blunt test that never lets a write through) and that asks for a plain JSON
 * answer. A persisted query sent by its hash alone is never merged: its text, and so whether
 * it writes, is not known here (five hash-only mutations had run once).
 */
function mergeable(req: Request): boolean {
  if (req.method !== 'POST') return false;
  const body = req.body as { query?: unknown } | undefined;
  if (!body || typeof body !== 'object' || Array.isArray(body)) return false;
  if (typeof body.query !== 'string') return false;
  if (/\b(mutation|subscription)\b/.test(body.query)) return false;
  const accept = req.headers.accept ?? '';
  return !/multipart\/mixed|text\/event-stream/i.test(accept);
}

function mergeKey(req: Request): string {
  const headers = Object.entries(req.headers)
    .filter(([name]) => !NOISE.has(name))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify([req.originalUrl, headers, req.body]);
}

/**
 * Merges identical GraphQL requests in flight: while one is being answered, the same
 * document with the same variables from the same caller (equal Authorization and every
 * other header that could change the answer) waits for that answer instead of being
 * planned and executed again. Nothing is kept once the answer is sent: this is not a
 * cache, and a signed-in answer only ever reaches requests carrying the same token.
 * Mounted after the rate limiter, so merged requests still count against their caller.
 */
export function mergeIdenticalRequests(options: { onMerged?: () => void } = {}): RequestHandler {
  const inFlight = new Map<string, Promise<Captured>>();
  return (req: Request, res: Response, next: NextFunction) => {
    if (!mergeable(req)) return next();
    const key = mergeKey(req);
    const leader = inFlight.get(key);
    if (leader) {
      options.onMerged?.();
      leader.then(
        (answer) => {
          for (const [name, value] of answer.headers) {
            if (!OWN.has(name) && !res.hasHeader(name)) res.setHeader(name, value);
          }
          res.status(answer.status).end(answer.body);
        },
        // The first request's connection failed before its answer was complete: this
        // one is answered on its own.
        () => next(),
      );
      return;
    }
    let settle!: { resolve: (c: Captured) => void; reject: (e: Error) => void };
    const answer = new Promise<Captured>((resolve, reject) => {
      settle = { resolve, reject };
    });
    // A follower's failure path calls next(); nobody else awaits a rejection.
    answer.catch(() => undefined);
    inFlight.set(key, answer);
    const chunks: Buffer[] = [];
    const write = res.write.bind(res) as (...args: unknown[]) => boolean;
    const end = res.end.bind(res) as (...args: unknown[]) => Response;
    const keep = (chunk: unknown, encoding: unknown) => {
      if (chunk === undefined || chunk === null || typeof chunk === 'function') return;
      chunks.push(
        Buffer.isBuffer(chunk)
          ? chunk
          : Buffer.from(
              chunk as string,
              typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8',
            ),
      );
    };
    res.write = ((chunk: unknown, encoding?: unknown, cb?: unknown) => {
      keep(chunk, encoding);
      return write(chunk, encoding, cb);
    }) as Response['write'];
    res.end = ((chunk?: unknown, encoding?: unknown, cb?: unknown) => {
      keep(chunk, encoding);
      return end(chunk, encoding, cb);
    }) as Response['end'];
    const done = () => {
      inFlight.delete(key);
      settle.resolve({
        status: res.statusCode,
        headers: Object.entries(res.getHeaders()) as Captured['headers'],
        body: Buffer.concat(chunks),
      });
    };
    res.once('finish', done);
    res.once('close', () => {
      if (!res.writableFinished) {
        inFlight.delete(key);
        settle.reject(new Error('the merged request was not answered'));
      }
    });
    next();
  };
}
