import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What a test server does with one request instead of answering normally. */
export type Misbehaviour =
  { status: number; body?: string } | { delayMs: number } | { body: string };

export interface Answer {
  status?: number;
  headers?: Record<string, string>;
  body: string;
}

/**
 * The plumbing the booking-system stand-ins share: listens on an ephemeral port, records
 * every request, and misbehaves on demand (a status such as 500, a stall, a malformed
 * body), one queued misbehaviour per request. Each stand-in speaks its system's protocol
 * in `answer`.
 */
export abstract class MisbehavingTestServer {
  readonly requests: Array<{
    method: string;
    url: string;
    headers: IncomingMessage['headers'];
    body: string;
  }> = [];
  private readonly queue: Misbehaviour[] = [];
  private server: Server | undefined;
  protected port = 0;

  get origin(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  misbehave(...next: Misbehaviour[]): this {
    this.queue.push(...next);
    return this;
  }

  /**
   * One page of `rows` as `?page=&page_size=` ask for it, with the next and previous
   * pages' links (the request's own URL with another page number), as paged APIs answer.
   */
  protected pageOf<T>(
    url: URL,
    rows: readonly T[],
  ): { rows: T[]; count: number; next: string | null; previous: string | null } {
    const size = Number(url.searchParams.get('page_size') ?? 20);
    const page = Number(url.searchParams.get('page') ?? 1);
    const link = (p: number) => {
      const other = new URL(url);
      other.searchParams.set('page', String(p));
      return other.toString();
    };
    return {
      rows: rows.slice((page - 1) * size, page * size),
      count: rows.length,
      next: page * size < rows.length ? link(page + 1) : null,
      previous: page > 1 ? link(page - 1) : null,
    };
  }

  protected abstract answer(
    method: string,
    url: URL,
    headers: IncomingMessage['headers'],
    body: string,
  ): Answer;

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      req.on('end', () => this.handle(req, res, body));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  private handle(req: IncomingMessage, res: ServerResponse, body: string): void {
    const method = req.method ?? 'GET';
    this.requests.push({ method, url: req.url ?? '', headers: req.headers, body });
    const send = (answer: Answer) => {
      res.writeHead(answer.status ?? 200, {
        'content-type': 'application/json',
        ...answer.headers,
      });
      res.end(answer.body);
    };
    const trouble = this.queue.shift();
    const normal = () =>
      send(this.answer(method, new URL(req.url ?? '/', this.origin), req.headers, body));
    if (trouble && 'delayMs' in trouble) setTimeout(normal, trouble.delayMs);
    else if (trouble && 'status' in trouble)
      send({ status: trouble.status, body: trouble.body ?? '{"detail":"Server error"}' });
    else if (trouble) send({ body: trouble.body });
    else normal();
  }
}
