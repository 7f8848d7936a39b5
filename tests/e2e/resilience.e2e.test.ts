import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadGatewayConfig } from '../../gateway/gateway.config';
import { startGateway, type RunningGateway } from '../../gateway/gateway';
import { associationId } from '../../demo/data';
import { postGraphQL, startTestHub, subgraphUrlEnv, type TestHub } from '../setup/test-hub';

/**
 * A stand-in for a subgraph that has hung: it accepts the connection and the request and
 * never answers, as a subgraph stuck on a lock or a dead database connection does.
 */
async function startHangingSubgraph(): Promise<{
  url: string;
  requests: () => number;
  close(): Promise<void>;
}> {
  let requests = 0;
  const server: Server = createServer((req) => {
    requests += 1;
    req.resume();
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    requests: () => requests,
    close: () =>
      new Promise((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

/** A port nothing listens on: a subgraph that has been killed. */
async function deadSubgraphUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const port = (server.address() as AddressInfo).port;
  await new Promise((done) => server.close(done));
  return `http://127.0.0.1:${port}/graphql`;
}

/**
 * A slow or dead subgraph degrades only the fields it owns: the gateway answers in time
 * with the other subgraphs' data and an UPSTREAM_UNAVAILABLE error on each lost path.
 */
describe('a slow subgraph and a dead one', () => {
  let t: TestHub;
  let hanging: Awaited<ReturnType<typeof startHangingSubgraph>>;
  let gateway: RunningGateway;
  // Long enough for the live subgraphs to answer on a machine busy with another test run
  // (700 ms was not: the associations subgraph timed out too); the hung one never answers.
  const timeoutMs = 5_000;

  beforeAll(async () => {
    t = await startTestHub();
    hanging = await startHangingSubgraph();
    gateway = await startGateway(
      loadGatewayConfig({
        HOST: '127.0.0.1',
        PORT: '0',
        ...subgraphUrlEnv(t.hub),
        EVENTS_URL: hanging.url,
        GRANTS_URL: await deadSubgraphUrl(),
        SUBGRAPH_TIMEOUT_MS: String(timeoutMs),
        LOG_LEVEL: 'silent',
      }),
    );
  });

  afterAll(async () => {
    await gateway?.stop();
    await hanging?.close();
    await t?.stop();
  });

  it('answers an association page with its own data and errors only where events and grants were', async () => {
    const started = Date.now();
    const { status, body } = await postGraphQL(
      gateway.graphqlUrl,
      `query ($id: ID!) {
        association(id: $id) {
          name { fi }
          events(first: 3) { totalCount }
          totalAwarded { amount }
        }
        serviceAreas { id }
      }`,
      { id: associationId('lahden-urheiluseura') },
    );
    const elapsed = Date.now() - started;

    expect(status).toBe(200);
    const data = body.data as {
      association: { name: { fi: string }; events: unknown; totalAwarded: unknown };
      serviceAreas: unknown[];
    };
    expect(data.association.name.fi).toBe('Lahden Urheiluseura ry');
    expect(data.serviceAreas.length).toBeGreaterThan(0);
    expect(data.association.events).toBeNull();
    expect(data.association.totalAwarded).toBeNull();
    const lost = (body.errors ?? []).map((e) => ({
      path: (e.path as string[]).join('.'),
      code: (e.extensions as { code: string }).code,
      serviceName: (e.extensions as { serviceName: string }).serviceName,
    }));
    expect(lost).toEqual(
      expect.arrayContaining([
        { path: 'association.events', code: 'UPSTREAM_UNAVAILABLE', serviceName: 'events' },
        { path: 'association.totalAwarded', code: 'UPSTREAM_UNAVAILABLE', serviceName: 'grants' },
      ]),
    );
    expect(lost).toHaveLength(2);
    // The hanging subgraph was asked, and the answer did not wait for it beyond the
    // subgraph timeout (plus generous room for a loaded machine): without a timeout this
    // request would hang until the test's own limit of five minutes.
    expect(hanging.requests()).toBeGreaterThan(0);
    expect(elapsed).toBeLessThan(timeoutMs + 60_000);
  });

  it('does not let the hung subgraph hold up a query that does not need it', async () => {
    const { body } = await postGraphQL(
      gateway.graphqlUrl,
      '{ serviceAreas { id } categories { slug } }',
    );
    expect(body.errors).toBeUndefined();
    expect((body.data as { categories: unknown[] }).categories.length).toBeGreaterThan(0);
  });
});

describe('the sign-in service (JWKS) down', () => {
  let t: TestHub;

  beforeAll(async () => {
    // Port 1: nothing answers there, like an identity provider that is down.
    t = await startTestHub({ AUTH_JWKS_URL: 'http://127.0.0.1:1/.well-known/jwks.json' });
  });

  afterAll(() => t?.stop());

  it('answers a signed-in request 503 (try again), not 401 (sign in again); anonymous ones still work', async () => {
    // Any RS256-looking token will do: its key is never reached.
    const header = Buffer.from(JSON.stringify({ alg: 'RS256', kid: 'k1' })).toString('base64url');
    const payload = Buffer.from(JSON.stringify({ sub: 'x', role: 'staff' })).toString('base64url');
    const token = `${header}.${payload}.c2lnbmF0dXJl`;
    const signedIn = await postGraphQL(
      t.hub.gateway.graphqlUrl,
      '{ serviceAreas { id } }',
      {},
      { authorization: `Bearer ${token}` },
    );
    expect(signedIn.status).toBe(503);
    expect(signedIn.body.errors?.[0].extensions).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE' });
    const anonymous = await postGraphQL(t.hub.gateway.graphqlUrl, '{ serviceAreas { id } }');
    expect(anonymous.status).toBe(200);
  });
});
