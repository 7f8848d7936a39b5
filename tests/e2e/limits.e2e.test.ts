import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';
import { postGraphQL, startTestHub, type TestHub } from '../setup/test-hub';

/**
 * The gateway refuses abusive queries with a clear error and a code, before planning: a
 * refused query never reaches a subgraph (not one SQL statement is run for it).
 */
describe('limits against abusive queries', () => {
  let t: TestHub;

  beforeAll(async () => {
    t = await startTestHub();
  });

  afterAll(() => t.stop());

  async function refused(query: string, variables: Record<string, unknown> = {}) {
    const spy = jest.spyOn(PostgresQueryRunner.prototype, 'query');
    try {
      const answer = await postGraphQL(t.hub.gateway.graphqlUrl, query, variables);
      expect(spy).not.toHaveBeenCalled();
      return {
        status: answer.status,
        error: answer.body.errors?.[0] as { message: string; extensions: { code: string } },
      };
    } finally {
      spy.mockRestore();
    }
  }

  it('refuses a query nested too deep', async () => {
    const deep = `{ associations { edges { node { serviceAreas { liaisons { serviceArea { liaisons { serviceArea { liaisons { serviceArea { liaisons { serviceArea { id } } } } } } } } } } } } }`;
    const { error } = await refused(deep);
    expect(error.extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(error.message).toMatch(/depth limit of 12/);
  });

  it('refuses an alias bomb', async () => {
    const aliases = Array.from({ length: 50 }, (_, i) => `a${i}: serviceAreas { id }`).join(' ');
    const { error } = await refused(`{ ${aliases} }`);
    expect(error.extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(error.message).toMatch(/[Aa]liases limit of 20/);
  });

  it('refuses a query of too many tokens, and too many directives', async () => {
    const wide = `{ ${Array.from({ length: 1000 }, () => 'serviceAreas { id }').join(' ')} }`;
    const tokens = await refused(wide);
    expect(tokens.error.message).toMatch(/[Tt]oken limit of 3000/);
    const directives = await refused(`{ serviceAreas { id ${'@include(if: true) '.repeat(30)} } }`);
    expect(directives.error.extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(directives.error.message).toMatch(/[Dd]irectives limit of 20/);
  });

  it('refuses nested huge pages by their cost, with the cost and the limit', async () => {
    const { status, error } = await refused(
      `query($n: Int) { associations(first: $n) { edges { node { events(first: $n) { edges { node { organizers { name { fi } } } } } } } } }`,
      { n: 100 },
    );
    expect(status).toBe(400);
    expect(error.extensions).toMatchObject({ code: 'QUERY_TOO_COSTLY', maxCost: 25_000 });
    expect(error.message).toMatch(/exceeds the limit of 25000/);
  });

  it('refuses an oversized body and a batched request', async () => {
    const big = await fetch(t.hub.gateway.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ serviceAreas { id } } # ${'x'.repeat(200_000)}` }),
    });
    expect(big.status).toBe(413);
    const batch = await fetch(t.hub.gateway.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([
        { query: '{ serviceAreas { id } }' },
        { query: '{ categories { slug } }' },
      ]),
    });
    expect(batch.status).toBe(400);
  });

  it('still answers ordinary queries, and introspection for GraphiQL', async () => {
    const ok = await postGraphQL(
      t.hub.gateway.graphqlUrl,
      '{ __schema { queryType { name } } serviceAreas { id } }',
    );
    expect(ok.body.errors).toBeUndefined();
    expect(ok.body.data).toMatchObject({ __schema: { queryType: { name: 'Query' } } });
  });
});

describe('cross-origin requests', () => {
  let t: TestHub;
  const allowed = 'https://yhdistykset.example';

  beforeAll(async () => {
    t = await startTestHub({ CORS_ORIGINS: allowed });
  });

  afterAll(() => t.stop());

  it('lets listed origins call the graph from a browser, and no others', async () => {
    const preflight = (origin: string) =>
      fetch(t.hub.gateway.graphqlUrl, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type',
        },
      });
    expect((await preflight(allowed)).headers.get('access-control-allow-origin')).toBe(allowed);
    expect(
      (await preflight('https://evil.example')).headers.get('access-control-allow-origin'),
    ).toBeNull();
  });

  it('blocks a simple cross-site GET (CSRF prevention) but answers one that shows it is not', async () => {
    const url = `${t.hub.gateway.graphqlUrl}?query=${encodeURIComponent('{ serviceAreas { id } }')}`;
    const simple = await fetch(url);
    expect(simple.status).toBe(400);
    expect(await simple.text()).toMatch(/Cross-Site Request Forgery/);
    const deliberate = await fetch(url, { headers: { 'apollo-require-preflight': 'true' } });
    expect(deliberate.status).toBe(200);
  });
});
