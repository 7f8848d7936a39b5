import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';
import { EXAMPLES_DIR, loadExamples } from '../../gateway/examples/examples';
import { sha256 } from '../../gateway/persisted-queries/safelist';
import { buildManifest } from '../../scripts/safelist';
import { postGraphQL, startTestHub, type TestHub } from '../setup/test-hub';

type Answer = Awaited<ReturnType<typeof postGraphQL>>;

/** A POST with the APQ extension: the hash, and the document only when `withQuery`. */
function persisted(
  url: string,
  query: string,
  { withQuery, token }: { withQuery: boolean; token?: string },
): Promise<Answer> {
  return fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({
      ...(withQuery ? { query } : {}),
      extensions: { persistedQuery: { version: 1, sha256Hash: sha256(query) } },
    }),
  }).then(async (r) => ({ status: r.status, body: (await r.json()) as Answer['body'] }));
}

const code = (answer: Answer) =>
  (answer.body.errors?.[0]?.extensions as { code?: string } | undefined)?.code;

describe('automatic persisted queries', () => {
  let t: TestHub;

  beforeAll(async () => {
    t = await startTestHub();
  });

  afterAll(() => t.stop());

  it('asks for an unknown hash once, then runs the document by its hash alone', async () => {
    const query = '{ serviceAreas { id } apq: categories { slug } }';
    const url = t.hub.gateway.graphqlUrl;
    expect(code(await persisted(url, query, { withQuery: false }))).toBe(
      'PERSISTED_QUERY_NOT_FOUND',
    );
    const registered = await persisted(url, query, { withQuery: true });
    expect(registered.body.errors).toBeUndefined();
    const byHash = await persisted(url, query, { withQuery: false });
    expect(byHash.body.errors).toBeUndefined();
    expect(byHash.body.data).toEqual(registered.body.data);
  });
});

describe('safelist mode', () => {
  let t: TestHub;
  const examples = loadExamples();
  const unknown = '{ associations(first: 3) { edges { node { name { fi } } } } }';

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'safelist-e2e-'));
    const path = join(dir, 'manifest.json');
    writeFileSync(path, JSON.stringify(buildManifest([EXAMPLES_DIR])));
    t = await startTestHub({ GATEWAY_SAFELIST_PATH: path });
  });

  afterAll(() => t.stop());

  it('runs a safelisted document sent in full, or by its hash alone from the first time', async () => {
    const search = examples.find((e) => e.file.startsWith('01-'))!;
    const full = await postGraphQL(t.hub.gateway.graphqlUrl, search.query, search.variables);
    expect(full.body.errors).toBeUndefined();
    const area = examples.find((e) => e.file.startsWith('05-'))!;
    const byHash = await fetch(t.hub.gateway.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        variables: area.variables,
        extensions: { persistedQuery: { version: 1, sha256Hash: sha256(area.query) } },
      }),
    });
    const body = (await byHash.json()) as Answer['body'];
    expect(body.errors).toBeUndefined();
    expect(body.data).toHaveProperty('applicationRounds');
  });

  it('refuses any other document before planning, and APQ cannot register it', async () => {
    const spy = jest.spyOn(PostgresQueryRunner.prototype, 'query');
    try {
      const refused = await postGraphQL(t.hub.gateway.graphqlUrl, unknown);
      expect(refused.status).toBe(400);
      expect(code(refused)).toBe('OPERATION_NOT_IN_SAFELIST');
      const registering = await persisted(t.hub.gateway.graphqlUrl, unknown, { withQuery: true });
      expect(code(registering)).toBe('OPERATION_NOT_IN_SAFELIST');
      expect(spy).not.toHaveBeenCalled();
    } finally {
      spy.mockRestore();
    }
    const later = await persisted(t.hub.gateway.graphqlUrl, unknown, { withQuery: false });
    expect(code(later)).toBe('PERSISTED_QUERY_NOT_FOUND');
  });

  it('lets an admin explore freely, and keeps the gateway’s own feeds working', async () => {
    const admin = await t.token({ role: 'admin' });
    const explored = await postGraphQL(
      t.hub.gateway.graphqlUrl,
      unknown,
      {},
      { authorization: `Bearer ${admin}` },
    );
    expect(explored.body.errors).toBeUndefined();
    const feed = await fetch(`${t.hub.gateway.url}/feeds/events.ics`);
    expect(feed.status).toBe(200);
    expect(await feed.text()).toMatch(/^BEGIN:VCALENDAR/);
  });
});
