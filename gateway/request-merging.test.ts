import express from 'express';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { mergeIdenticalRequests } from './request-merging';

/**
 * A stand-in GraphQL endpoint behind the merging middleware: each execution takes 100 ms
 * and answers with its own number and the caller's token, so a shared answer shows.
 */
describe('merging identical requests in flight', () => {
  let server: Server;
  let url: string;
  let executions = 0;
  let merged = 0;

  beforeAll(async () => {
    const app = express();
    app.use((req, res, next) => {
      res.setHeader('x-request-id', String(req.headers['x-request-id'] ?? 'none'));
      next();
    });
    app.use(express.json(), mergeIdenticalRequests({ onMerged: () => (merged += 1) }));
    app.post('/graphql', (req, res) => {
      executions += 1;
      const n = executions;
      setTimeout(() => {
        res.setHeader('cache-control', 'private');
        res.status(200).json({
          data: { n, caller: req.headers.authorization ?? null, body: req.body },
        });
      }, 100);
    });
    await new Promise<void>((resolve) => {
      server = app.listen(0, '127.0.0.1', () => resolve());
    });
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  beforeEach(() => {
    executions = 0;
    merged = 0;
  });

  const send = async (body: unknown, headers: Record<string, string> = {}) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
    return {
      status: response.status,
      requestId: response.headers.get('x-request-id'),
      cacheControl: response.headers.get('cache-control'),
      json: (await response.json()) as { data: { n: number; caller: string | null } },
    };
  };
  const query = {
    query: 'query Page($id: ID!) { association(id: $id) { name } }',
    variables: { id: '1' },
  };

  it('executes identical queries of one caller once; each gets the answer under its own request id', async () => {
    const answers = await Promise.all(
      [1, 2, 3, 4, 5].map((i) =>
        send(query, { authorization: 'Bearer anna', 'x-request-id': `r${i}` }),
      ),
    );
    expect(executions).toBe(1);
    expect(merged).toBe(4);
    expect(
      answers.map((a) => [a.status, a.json.data.n, a.json.data.caller, a.cacheControl]),
    ).toEqual(Array.from({ length: 5 }, () => [200, 1, 'Bearer anna', 'private']));
    expect(answers.map((a) => a.requestId)).toEqual(['r1', 'r2', 'r3', 'r4', 'r5']);
    // Not a cache: the same query afterwards is executed again.
    await send(query, { authorization: 'Bearer anna' });
    expect(executions).toBe(2);
  });

  it('never shares between callers, variables, mutations or subscriptions', async () => {
    const answers = await Promise.all([
      send(query, { authorization: 'Bearer anna' }),
      send(query, { authorization: 'Bearer ben' }),
      send(query),
      send({ ...query, variables: { id: '2' } }, { authorization: 'Bearer anna' }),
      send({ query: 'mutation M { a }' }, { authorization: 'Bearer anna' }),
      send({ query: 'mutation M { a }' }, { authorization: 'Bearer anna' }),
      send({ query: 'subscription S { a }' }),
      send({ query: 'subscription S { a }' }),
      send(query, { authorization: 'Bearer anna', 'accept-language': 'sv' }),
    ]);
    expect(executions).toBe(9);
    expect(merged).toBe(0);
    expect(answers.slice(0, 3).map((a) => a.json.data.caller)).toEqual([
      'Bearer anna',
      'Bearer ben',
      null,
    ]);
  });

  it('never merges a persisted query sent by its hash alone: it might be a mutation', async () => {
    const hashOnly = {
      extensions: { persistedQuery: { version: 1, sha256Hash: 'a'.repeat(64) } },
    };
    await Promise.all([1, 2, 3, 4, 5].map(() => send(hashOnly, { authorization: 'Bearer anna' })));
    expect(executions).toBe(5);
    expect(merged).toBe(0);
  });
});
