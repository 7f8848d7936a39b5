import { everyAssociationExists } from '../setup/association-directory';
import { associationId } from '../../demo/data';
import { loadGatewayConfig } from '../../gateway/gateway.config';
import { startGateway, type RunningGateway } from '../../gateway/gateway';
import { associationsSubgraph } from '../../subgraphs/associations/associations.subgraph';
import type { BaseContext } from '../../subgraphs/core/context';
import { EnvReader } from '../../subgraphs/core/env';
import { createAuthenticator, readAuthConfig } from '../../subgraphs/core/identity';
import { createLogger } from '../../subgraphs/core/logging';
import {
  startSubgraph,
  type RunningSubgraph,
  type SubgraphDefinition,
} from '../../subgraphs/core/subgraph';
import { startTestHub, subgraphUrlEnv, type TestHub } from '../setup/test-hub';

/** A log destination that keeps every line, parsed, for the test to read. */
function capture() {
  const lines: string[] = [];
  return {
    stream: { write: (line: string) => void lines.push(line) },
    text: () => lines.join(''),
    records: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>),
  };
}

/**
 * Structured logs: one JSON line per request at the gateway and at each subgraph it asked,
 * tied together by one request id that the client gets back; no token and no personal
 * data in any of them.
 */
describe('request logs and the request id', () => {
  let t: TestHub;
  let gateway: RunningGateway;
  let associations: RunningSubgraph;
  const gatewayLog = capture();
  const subgraphLog = capture();

  beforeAll(async () => {
    t = await startTestHub();
    // The associations subgraph again, logging into our capture, on the hub's database.
    const definition = associationsSubgraph as unknown as SubgraphDefinition<BaseContext>;
    associations = await startSubgraph(definition, {
      host: '127.0.0.1',
      port: 0,
      dataSource: await t.database.dataSource(definition),
      authenticate: createAuthenticator(readAuthConfig(new EnvReader('test', {}), false)),
      logger: createLogger('associations', 'info', subgraphLog.stream),
      associations: everyAssociationExists,
    });
    const config = loadGatewayConfig({
      HOST: '127.0.0.1',
      PORT: '0',
      ...subgraphUrlEnv(t.hub),
      ASSOCIATIONS_URL: associations.graphqlUrl,
    });
    gateway = await startGateway(config, createLogger('gateway', 'info', gatewayLog.stream));
  });

  afterAll(async () => {
    await gateway?.stop();
    await associations?.stop();
    await t?.stop();
  });

  it('logs one line per request at the gateway and at the subgraph, under the id the client sent', async () => {
    const token = await t.token({ role: 'staff', subject: 'maija.virtanen@lahti.example' });
    const response = await fetch(gateway.graphqlUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${token}`,
        'x-request-id': 'directory-site-42',
      },
      body: JSON.stringify({
        query: `query Contacts($id: ID!, $search: String) { association(id: $id) { contacts { name email phone } } associations(filter: { search: $search }) { totalCount } }`,
        operationName: 'Contacts',
        variables: { id: associationId('lahden-urheiluseura'), search: 'Laura Nieminen' },
      }),
    });
    const body = (await response.json()) as { data: unknown; errors?: unknown };
    expect(body.errors).toBeUndefined();
    expect(response.headers.get('x-request-id')).toBe('directory-site-42');

    const atGateway = gatewayLog.records().filter((r) => r.requestId === 'directory-site-42');
    expect(atGateway).toEqual([
      expect.objectContaining({
        service: 'gateway',
        level: 30,
        msg: 'request',
        method: 'POST',
        path: '/graphql',
        status: 200,
        operationName: 'Contacts',
        role: 'staff',
        queryHash: expect.stringMatching(/^[0-9a-f]{64}$/),
        durationMs: expect.any(Number),
      }),
    ]);
    const atSubgraph = subgraphLog.records().filter((r) => r.requestId === 'directory-site-42');
    expect(atSubgraph.length).toBeGreaterThan(0);
    expect(atSubgraph[0]).toMatchObject({ service: 'associations', role: 'staff', status: 200 });

    // No token, no subject, no personal data: neither the contact's details nor the search.
    for (const log of [gatewayLog.text(), subgraphLog.text()]) {
      expect(log).not.toContain(token);
      expect(log).not.toContain('maija.virtanen');
      expect(log).not.toContain('Laura');
      expect(log).not.toContain('laura.nieminen@example.fi');
    }
  });

  it('makes up an id when the client sent none, or one that is not a plain token', async () => {
    const plain = await fetch(
      `${gateway.graphqlUrl}?query=${encodeURIComponent('{ serviceAreas { id } }')}`,
      {
        headers: { 'apollo-require-preflight': 'true' },
      },
    );
    expect(plain.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const odd = await fetch(
      `${gateway.graphqlUrl}?query=${encodeURIComponent('{ serviceAreas { id } }')}`,
      {
        headers: { 'apollo-require-preflight': 'true', 'x-request-id': 'a b {"injected":1}' },
      },
    );
    expect(odd.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(gatewayLog.text()).not.toContain('injected');
  });

  it('logs the error codes of a refused request', async () => {
    await fetch(gateway.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'bad-one' },
      body: JSON.stringify({ query: '{ nope }' }),
    });
    expect(gatewayLog.records().find((r) => r.requestId === 'bad-one')).toMatchObject({
      status: 400,
      errorCodes: ['GRAPHQL_VALIDATION_FAILED'],
    });
  });
});
