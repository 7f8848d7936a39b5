import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  createSubgraphFetchers,
  isIdempotent,
  REPLICA_PAUSE_MS,
  ReplicaRing,
  SubgraphUnavailableError,
} from './subgraph-fetcher';

/**
 * A subgraph stand-in whose first connection is cut mid-request (as when a subgraph
 * restarts or a pooled socket is closed under the gateway); later ones are answered.
 */
class ResettingSubgraph {
  attempts = 0;
  private server: Server | undefined;

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      this.attempts += 1;
      if (this.attempts === 1) {
        req.socket.destroy();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ data: { ok: true } }));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/graphql`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }
}

describe('subgraph fetches', () => {
  const body = (query: string) => JSON.stringify({ query, variables: {} });

  it('tells queries from mutations', () => {
    expect(isIdempotent(body('query X { a }'))).toBe(true);
    expect(isIdempotent(body('{ a }'))).toBe(true);
    expect(isIdempotent(body(' mutation M { b }'))).toBe(false);
    expect(isIdempotent('not json')).toBe(false);
  });

  it('tries a query once more when its connection fails, and never a mutation', async () => {
    const fetchers = createSubgraphFetchers({ timeoutMs: 2000, connections: 2 });
    const fetcher = fetchers.fetcherFor('events') as unknown as (
      url: string,
      init: Record<string, unknown>,
    ) => Promise<Response>;
    const query = new ResettingSubgraph();
    const mutation = new ResettingSubgraph();
    try {
      const answer = await fetcher(await query.start(), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: body('query Q { ok }'),
      });
      expect(await answer.json()).toEqual({ data: { ok: true } });
      expect(query.attempts).toBe(2);
      const url = await mutation.start();
      await expect(
        fetcher(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: body('mutation M { enrol }'),
        }),
      ).rejects.toBeInstanceOf(SubgraphUnavailableError);
      expect(mutation.attempts).toBe(1);
    } finally {
      await query.stop();
      await mutation.stop();
      await fetchers.close();
    }
  });

  /** A replica that answers with its own name. */
  async function answering(
    name: string,
  ): Promise<{ url: string; server: Server; hits: () => number }> {
    let hits = 0;
    const server = createServer((_req, res) => {
      hits += 1;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ data: { replica: name } }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
    return { url, server, hits: () => hits };
  }

  /** An address where nothing listens (a replica that has stopped). */
  async function refusing(): Promise<string> {
    const { url, server } = await answering('gone');
    await new Promise<void>((resolve) => server.close(() => resolve()));
    return url;
  }

  it('takes replicas in turn and sends a mutation to the next when one refuses the connection', async () => {
    const fetchers = createSubgraphFetchers({ timeoutMs: 2000, connections: 2 });
    const a = await answering('a');
    const b = await answering('b');
    const dead = await refusing();
    const send = (replicas: string[], query: string) =>
      (
        fetchers.fetcherFor('events', replicas) as unknown as (
          url: string,
          init: Record<string, unknown>,
        ) => Promise<Response>
      )('http://ignored.invalid/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: body(query),
      }).then((r) => r.json() as Promise<{ data: { replica: string } }>);
    try {
      const balanced = [a.url, b.url];
      const fetcher = fetchers.fetcherFor('events', balanced) as unknown as (
        url: string,
        init: Record<string, unknown>,
      ) => Promise<Response>;
      const seen: string[] = [];
      for (let i = 0; i < 4; i++) {
        const answer = await fetcher('http://ignored.invalid/graphql', {
          method: 'POST',
          body: body('{ replica }'),
        });
        seen.push(((await answer.json()) as { data: { replica: string } }).data.replica);
      }
      expect(seen).toEqual(['a', 'b', 'a', 'b']);

      // A refused connection carried nothing: even a mutation may go to the next replica.
      const failover = [dead, b.url];
      const before = b.hits();
      expect((await send(failover, 'mutation M { enrol }')).data.replica).toBe('b');
      expect((await send(failover, '{ replica }')).data.replica).toBe('b');
      expect(b.hits() - before).toBe(2);

      await expect(send([dead], '{ replica }')).rejects.toBeInstanceOf(SubgraphUnavailableError);
    } finally {
      for (const server of [a.server, b.server]) {
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
      }
      await fetchers.close();
    }
  });
});

describe(ReplicaRing.name, () => {
  it('passes over a replica that failed until REPLICA_PAUSE_MS has gone by', () => {
    let clock = 10_000;
    const ring = new ReplicaRing(['a', 'b', 'c'], () => clock);
    expect(ring.order()).toEqual([0, 1, 2]);
    ring.failed(1);
    expect(ring.order()).toEqual([2, 0, 1]);
    expect(ring.order()).toEqual([2, 0, 1]);
    clock += REPLICA_PAUSE_MS;
    expect(ring.order()).toEqual([0, 1, 2]);
  });

  it('still tries every replica when all have failed', () => {
    const ring = new ReplicaRing(['a', 'b'], () => 0);
    ring.failed(0);
    ring.failed(1);
    expect(ring.order()).toEqual([0, 1]);
  });
});

describe('merging identical queries in flight', () => {
  let server: Server;
  let url: string;
  const seen: Array<{ authorization?: string; body: string }> = [];
  const body = (query: string) => JSON.stringify({ query, variables: {} });

  beforeAll(async () => {
    // Answers after 150 ms with who asked and a counter, so a merged answer is visible.
    server = createServer((req, res) => {
      let text = '';
      req.on('data', (c: Buffer) => (text += c.toString()));
      req.on('end', () => {
        seen.push({ authorization: req.headers.authorization, body: text });
        const n = seen.length;
        setTimeout(() => {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ data: { n, caller: req.headers.authorization ?? null } }));
        }, 150);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  beforeEach(() => {
    seen.length = 0;
  });

  const send = (
    fetcher: (url: string, init: Record<string, unknown>) => Promise<Response>,
    text: string,
    headers: Record<string, string>,
  ) =>
    fetcher(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: text,
    }).then((r) => r.json() as Promise<{ data: { n: number; caller: string | null } }>);

  function fetcherOf(merge: boolean) {
    const fetchers = createSubgraphFetchers({
      timeoutMs: 2000,
      connections: 8,
      mergeInFlight: merge,
    });
    return {
      fetcher: fetchers.fetcherFor('associations') as unknown as (
        url: string,
        init: Record<string, unknown>,
      ) => Promise<Response>,
      close: () => fetchers.close(),
    };
  }

  it('sends identical queries of one caller once, and each gets the whole answer', async () => {
    const { fetcher, close } = fetcherOf(true);
    try {
      const q = body('query A { associations { id } }');
      const answers = await Promise.all(
        Array.from({ length: 5 }, (_, i) =>
          send(fetcher, q, { authorization: 'Bearer anna', 'x-request-id': `r${i}` }),
        ),
      );
      expect(seen).toHaveLength(1);
      expect(answers.map((a) => a.data)).toEqual(
        Array.from({ length: 5 }, () => ({ n: 1, caller: 'Bearer anna' })),
      );
      // Nothing is kept once the answer is in: the same query later is fetched again.
      await send(fetcher, q, { authorization: 'Bearer anna' });
      expect(seen).toHaveLength(2);
    } finally {
      await close();
    }
  });

  it('never merges across callers, variables or mutations', async () => {
    const { fetcher, close } = fetcherOf(true);
    try {
      const q = body('query A { associations { id } }');
      const answers = await Promise.all([
        send(fetcher, q, { authorization: 'Bearer anna' }),
        send(fetcher, q, { authorization: 'Bearer ben' }),
        send(fetcher, q, {}),
        send(
          fetcher,
          JSON.stringify({ query: 'query A { associations { id } }', variables: { x: 1 } }),
          {
            authorization: 'Bearer anna',
          },
        ),
        send(fetcher, body('mutation M { a }'), { authorization: 'Bearer anna' }),
        send(fetcher, body('mutation M { a }'), { authorization: 'Bearer anna' }),
      ]);
      expect(seen).toHaveLength(6);
      expect(answers.slice(0, 3).map((a) => a.data.caller)).toEqual([
        'Bearer anna',
        'Bearer ben',
        null,
      ]);
    } finally {
      await close();
    }
  });

  it('sends every query when merging is off (GATEWAY_MERGE_FETCHES=false)', async () => {
    const { fetcher, close } = fetcherOf(false);
    try {
      const q = body('query A { associations { id } }');
      await Promise.all([1, 2, 3].map(() => send(fetcher, q, { authorization: 'Bearer anna' })));
      expect(seen).toHaveLength(3);
    } finally {
      await close();
    }
  });
});
