import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSubgraphFetchers, isIdempotent, SubgraphUnavailableError } from './subgraph-fetcher';

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
});
