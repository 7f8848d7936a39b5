import type { Fetcher } from '@apollo/utils.fetcher';
import { EventEmitter } from 'node:events';
import { STATUS_CODES } from 'node:http';
import { Agent } from 'undici';

/** A subgraph could not be reached or did not answer in time. */
export class SubgraphUnavailableError extends Error {
  constructor(
    readonly subgraph: string,
    reason: string,
  ) {
    super(
      `The ${subgraph} service is unavailable (${reason}); its fields are missing from this answer`,
    );
    this.name = 'SubgraphUnavailableError';
  }
}

export interface SubgraphFetchers {
  /**
   * A fetcher whose failures name the subgraph. Given the subgraph's replicas, it sends
   * each request to the next one in turn (the URL the gateway passes is then ignored).
   */
  fetcherFor(subgraph: string, replicas?: readonly string[]): Fetcher;
  close(): Promise<void>;
}

/** Failures where the request never reached the subgraph: any operation may go elsewhere. */
const NOT_CONNECTED = new Set([
  'ECONNREFUSED',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'UND_ERR_CONNECT_TIMEOUT',
]);

/** Failures of a connection that may have carried the request: only a query may go again. */
const CONNECTION_LOST = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED']);

function failureCode(error: unknown): string | undefined {
  // Not `instanceof Error`: socket errors come from Node's own realm (not jest's, in tests).
  if (typeof error !== 'object' || error === null) return undefined;
  const { code, cause } = error as { code?: string; cause?: { code?: string } };
  return code ?? cause?.code;
}

function failureMessage(error: unknown): string {
  const { message, cause } = (error ?? {}) as { message?: string; cause?: { message?: string } };
  return cause?.message ?? message ?? String(error);
}

/** Our deadline, and undici's own timeouts (no response head, or no body chunk, in time). */
const DEADLINE = 'HUB_SUBGRAPH_DEADLINE';
const TIMED_OUT = new Set([DEADLINE, 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);

/** A subgraph answer's headers, as much of the Fetch API's Headers as Apollo reads. */
export class SubgraphHeaders {
  private readonly map: Map<string, string>;

  constructor(raw: Record<string, string | string[] | undefined> | Iterable<[string, string]>) {
    const entries: Iterable<[string, string | string[] | undefined]> =
      Symbol.iterator in raw ? (raw as Iterable<[string, string]>) : Object.entries(raw);
    this.map = new Map();
    for (const [name, value] of entries) {
      if (value !== undefined) {
        this.map.set(name.toLowerCase(), Array.isArray(value) ? value.join(', ') : value);
      }
    }
  }

  get(name: string): string | null {
    return this.map.get(name.toLowerCase()) ?? null;
  }

  has(name: string): boolean {
    return this.map.has(name.toLowerCase());
  }

  entries(): IterableIterator<[string, string]> {
    return this.map.entries();
  }

  keys(): IterableIterator<string> {
    return this.map.keys();
  }

  values(): IterableIterator<string> {
    return this.map.values();
  }

  forEach(callback: (value: string, name: string, headers: SubgraphHeaders) => void): void {
    this.map.forEach((value, name) => callback(value, name, this));
  }

  [Symbol.iterator](): IterableIterator<[string, string]> {
    return this.map.entries();
  }
}

/**
 * A subgraph's answer read whole: what Apollo's data source reads of a Fetch Response
 * (ok, status, headers, json, text), without WHATWG streams or a Request object per
 * fetch, which profiles showed among the gateway's largest costs.
 */
export class SubgraphResponse {
  readonly statusText: string;
  readonly redirected = false;
  readonly type = 'basic';

  constructor(
    readonly url: string,
    readonly status: number,
    readonly headers: SubgraphHeaders,
    private readonly body: Buffer,
  ) {
    this.statusText = STATUS_CODES[status] ?? '';
  }

  get ok(): boolean {
    return this.status >= 200 && this.status < 300;
  }

  async text(): Promise<string> {
    return this.body.toString('utf8');
  }

  async json(): Promise<unknown> {
    return JSON.parse(this.body.toString('utf8'));
  }

  async arrayBuffer(): Promise<ArrayBuffer> {
    return this.body.buffer.slice(
      this.body.byteOffset,
      this.body.byteOffset + this.body.byteLength,
    ) as ArrayBuffer;
  }

  clone(): SubgraphResponse {
    return new SubgraphResponse(this.url, this.status, this.headers, this.body);
  }
}

/**
 * A query may be sent again; a mutation must not be (it could act twice). The gateway's
 * subgraph requests carry their operation text, so this reads its first keyword.
 */
export function isIdempotent(body: unknown): boolean {
  if (typeof body !== 'string') return false;
  try {
    const query = (JSON.parse(body) as { query?: unknown }).query;
    return typeof query === 'string' && !/^\s*mutation\b/.test(query);
  } catch {
    return false;
  }
}

/** How long a replica that could not be reached is passed over (then tried again). */
export const REPLICA_PAUSE_MS = 2_000;

/**
 * Takes one subgraph's replicas in turn, passing over one that failed within the last
 * REPLICA_PAUSE_MS unless every one has.
 */
export class ReplicaRing {
  private next = 0;
  private readonly failedAt: number[];

  constructor(
    readonly urls: readonly string[],
    private readonly now: () => number = Date.now,
  ) {
    this.failedAt = urls.map(() => -Infinity);
  }

  /** The replica for the next request, and the order of the rest to fail over to. */
  order(): number[] {
    const start = this.next;
    this.next = (this.next + 1) % this.urls.length;
    const all = this.urls.map((_, i) => (start + i) % this.urls.length);
    const healthy = all.filter((i) => this.now() - this.failedAt[i] >= REPLICA_PAUSE_MS);
    return [...healthy, ...all.filter((i) => !healthy.includes(i))];
  }

  failed(index: number): void {
    this.failedAt[index] = this.now();
  }
}

/**
 * Headers that differ per client request but do not change the answer: merged fetches
 * carry the first request's (its log lines and trace then stand for the others).
 */
const PER_REQUEST_HEADERS = new Set(['x-request-id', 'traceparent', 'tracestate']);

function headerEntries(headers: unknown): Array<[string, string]> {
  if (!headers) return [];
  const entries: Iterable<[string, string]> =
    typeof (headers as Headers).entries === 'function'
      ? (headers as Headers).entries()
      : Object.entries(headers as Record<string, string>);
  return [...entries]
    .map(([k, v]): [string, string] => [k.toLowerCase(), String(v)])
    .filter(([k]) => !PER_REQUEST_HEADERS.has(k))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * Merges identical queries in flight to one subgraph: equal operation text and variables
 * (the body) and equal headers, the caller's Authorization among them, so nothing one
 * caller may see reaches another. Only while the first is under way; nothing is kept after
 * (that is the response cache's work, for anonymous answers only).
 */
export class InFlightMerger {
  private readonly inFlight = new Map<string, Promise<SubgraphResponse>>();

  constructor(
    private readonly fetchOnce: (
      url: string,
      init?: Record<string, unknown>,
    ) => Promise<SubgraphResponse>,
  ) {}

  async fetch(url: string, init?: Record<string, unknown>): Promise<SubgraphResponse> {
    if (!isIdempotent(init?.body)) return this.fetchOnce(url, init);
    const key = JSON.stringify([url, headerEntries(init?.headers), init?.body]);
    let shared = this.inFlight.get(key);
    if (!shared) {
      shared = this.fetchOnce(url, init);
      this.inFlight.set(key, shared);
      const forget = () => this.inFlight.delete(key);
      shared.then(forget, forget);
    }
    // The answer is read whole and never changed: each caller gets its own wrapper of it.
    return (await shared).clone();
  }
}

/**
 * Fetches from subgraphs over a pool of keep-alive connections (no TCP handshake per
 * request) and gives up after a timeout, so a hung subgraph costs its own fields an
 * error instead of holding the whole response. When a connection fails the request goes
 * to the next replica (or the same subgraph once more, when it has one): any operation
 * whose connection was never made, and a query whose connection was lost under way; a
 * mutation that may have arrived never is, and neither is a timeout, which would only
 * double the wait.
 */
export function createSubgraphFetchers(options: {
  timeoutMs: number;
  connections: number;
  /**
   * Merge a query with one already on its way to the same subgraph with the same text,
   * variables and headers (the caller's identity among them): one fetch, its answer read
   * once and handed to each. Never a mutation, never across callers.
   */
  mergeInFlight?: boolean;
  /** Each fetch's subgraph, outcome ("ok", "http_<status>", "timeout", "unavailable") and time. */
  observe?: (subgraph: string, outcome: string, seconds: number) => void;
}): SubgraphFetchers {
  const agent = new Agent({
    connections: options.connections,
    keepAliveTimeout: 30_000,
    keepAliveMaxTimeout: 60_000,
    connectTimeout: Math.min(options.timeoutMs, 5_000),
  });
  return {
    fetcherFor(subgraph, replicas) {
      const ring = replicas && replicas.length > 0 ? new ReplicaRing(replicas) : null;
      const fetchOnce = async (url: string, init?: Record<string, unknown>) => {
        const started = performance.now();
        const seconds = () => (performance.now() - started) / 1000;
        const attempt = async (target: string): Promise<SubgraphResponse> => {
          const where = new URL(target);
          // One deadline for the whole exchange. undici takes an EventEmitter as its abort
          // signal: cheaper than an AbortSignal per fetch, which the profiles showed.
          const deadline = new EventEmitter();
          let expired = false;
          const timer = setTimeout(() => {
            expired = true;
            deadline.emit('abort');
          }, options.timeoutMs);
          try {
            const answer = await agent.request({
              origin: where.origin,
              path: `${where.pathname}${where.search}`,
              method: ((init?.method as string | undefined) ?? 'POST') as 'POST',
              headers: init?.headers as Record<string, string> | undefined,
              body: init?.body as string | undefined,
              signal: deadline,
            });
            const body = Buffer.from(await answer.body.arrayBuffer());
            return new SubgraphResponse(
              target,
              answer.statusCode,
              new SubgraphHeaders(answer.headers),
              body,
            );
          } catch (error) {
            if (expired) throw Object.assign(new Error('timed out'), { code: DEADLINE });
            throw error;
          } finally {
            clearTimeout(timer);
          }
        };
        // With one replica the one retry goes to the same address (a restart, a stale socket).
        const order = ring ? ring.order() : [0];
        const targets = order.length > 1 ? order : [order[0], order[0]];
        try {
          let response: SubgraphResponse | undefined;
          for (let i = 0; response === undefined; i++) {
            const index = targets[i];
            try {
              response = await attempt(ring ? ring.urls[index] : url);
            } catch (error) {
              const code = failureCode(error);
              const mayRetry =
                code !== undefined &&
                (NOT_CONNECTED.has(code) ||
                  (CONNECTION_LOST.has(code) && isIdempotent(init?.body)));
              if (code !== undefined && (NOT_CONNECTED.has(code) || CONNECTION_LOST.has(code)))
                ring?.failed(index);
              if (!mayRetry || i + 1 >= targets.length) throw error;
            }
          }
          options.observe?.(subgraph, response.ok ? 'ok' : `http_${response.status}`, seconds());
          return response;
        } catch (error) {
          const code = failureCode(error);
          const timedOut = code !== undefined && TIMED_OUT.has(code);
          const cause = failureMessage(error);
          options.observe?.(subgraph, timedOut ? 'timeout' : 'unavailable', seconds());
          throw new SubgraphUnavailableError(
            subgraph,
            timedOut ? `no answer within ${options.timeoutMs} ms` : cause,
          );
        }
      };
      if (!options.mergeInFlight) return fetchOnce as unknown as Fetcher;
      const merger = new InFlightMerger(fetchOnce);
      return ((url: string, init?: Record<string, unknown>) =>
        merger.fetch(url, init)) as unknown as Fetcher;
    },
    close: () => agent.close(),
  };
}
