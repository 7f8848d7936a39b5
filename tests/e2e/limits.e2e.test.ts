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
    expect(tokens.status).toBe(400);
    expect(tokens.error.extensions.code).toBe('GRAPHQL_PARSE_FAILED');
    expect(tokens.error.message).toMatch(/more tha[nt] 3000 tokens/);
    // The same field thirty times, each with its own directive: valid GraphQL, 30 directives.
    const directives = await refused(`{ serviceAreas { ${'id @include(if: true) '.repeat(30)} } }`);
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

  it('refuses an oversized body, a body that is not JSON and a batched request, in JSON with a code', async () => {
    const big = await fetch(t.hub.gateway.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ serviceAreas { id } } # ${'x'.repeat(200_000)}` }),
    });
    expect(big.status).toBe(413);
    expect(await big.json()).toEqual({
      errors: [
        {
          message: 'The request body is larger than the limit of 100000 bytes',
          extensions: { code: 'REQUEST_TOO_LARGE', limitBytes: 100_000 },
        },
      ],
    });
    const batch = await fetch(t.hub.gateway.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([
        { query: '{ serviceAreas { id } }' },
        { query: '{ categories { slug } }' },
      ]),
    });
    expect(batch.status).toBe(400);
    const broken = await fetch(t.hub.gateway.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query": ',
    });
    expect(broken.status).toBe(400);
    const answer = (await broken.json()) as {
      errors: Array<{ message: string; extensions: unknown }>;
    };
    expect(answer.errors[0].extensions).toEqual({ code: 'BAD_REQUEST' });
    expect(answer.errors[0].message).toMatch(/^The request body is not valid JSON/);
    // A subgraph reached directly answers the same way.
    const direct = await fetch(t.hub.subgraphs.events.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query": ',
    });
    expect(direct.status).toBe(400);
    expect(((await direct.json()) as typeof answer).errors[0].extensions).toEqual({
      code: 'BAD_REQUEST',
    });
  });

  it('answers a document that does not parse with 400 and GRAPHQL_PARSE_FAILED, not a 500', async () => {
    const { status, error } = await refused('{ serviceAreas { id }');
    expect(status).toBe(400);
    expect(error.extensions.code).toBe('GRAPHQL_PARSE_FAILED');
    expect(error.message).toMatch(/^Syntax Error/);
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

describe('rate limiting per client', () => {
  let t: TestHub;
  const query = '{ serviceAreas { id } }';

  beforeAll(async () => {
    // One proxy in front, as behind a load balancer: X-Forwarded-For names the client.
    t = await startTestHub({
      GATEWAY_RATE_LIMIT: '5',
      GATEWAY_TRUST_PROXY_HOPS: '1',
      // The directory site's backend, calling for all its visitors.
      GATEWAY_RATE_LIMIT_EXEMPT: '192.0.2.0/28',
      // And a shorter cache age than the default, to see that it is taken.
      CACHE_MAX_AGE_SECONDS: '30',
    });
  });

  afterAll(() => t.stop());

  const from = (ip: string, token?: string) =>
    postGraphQL(
      t.hub.gateway.graphqlUrl,
      query,
      {},
      {
        'x-forwarded-for': ip,
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
    );

  async function rawFrom(ip: string, token?: string) {
    return fetch(t.hub.gateway.graphqlUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-forwarded-for': ip,
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify({ query }),
    });
  }

  it('refuses an anonymous client over its limit with 429 and Retry-After, by address', async () => {
    for (let i = 0; i < 5; i++) expect((await from('198.51.100.1')).status).toBe(200);
    const refused = await rawFrom('198.51.100.1');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    const body = (await refused.json()) as { errors: Array<{ extensions: { code: string } }> };
    expect(body.errors[0].extensions.code).toBe('RATE_LIMITED');
    // Another address has its own budget.
    expect((await from('198.51.100.2')).status).toBe(200);
  });

  it('counts a signed-in client by its token subject, wherever it calls from', async () => {
    const token = await t.token({ role: 'admin', subject: 'analyst-1' });
    for (let i = 0; i < 5; i++) {
      // A new address each time: the subject, not the address, is what is counted.
      expect((await from(`203.0.113.${i + 1}`, token)).status).toBe(200);
    }
    expect((await rawFrom('203.0.113.99', token)).status).toBe(429);
    const other = await t.token({ role: 'admin', subject: 'analyst-2' });
    expect((await from('203.0.113.99', other)).status).toBe(200);
  });

  it('counts the feeds and open-data exports too, not only /graphql', async () => {
    const get = (path: string) =>
      fetch(`${t.hub.gateway.url}${path}`, { headers: { 'x-forwarded-for': '198.51.100.9' } });
    for (let i = 0; i < 3; i++) await (await get('/feeds/events.ics')).arrayBuffer();
    for (let i = 0; i < 2; i++) await (await get('/exports/grants.csv')).arrayBuffer();
    const refused = await get('/feeds/events.ics');
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).not.toBeNull();
  });

  it('sends the configured cache age (CACHE_MAX_AGE_SECONDS)', async () => {
    const response = await rawFrom('198.51.100.20');
    expect(response.headers.get('cache-control')).toBe('max-age=30, public');
  });

  it('never limits an exempt address', async () => {
    for (let i = 0; i < 8; i++) expect((await from('192.0.2.7')).status).toBe(200);
  });

  it('still answers a bad token with 401, counting it by address', async () => {
    const bad = await rawFrom('198.51.100.3', 'not-a-jwt');
    expect(bad.status).toBe(401);
    expect(bad.headers.get('ratelimit-remaining')).toBe('4');
  });
});

describe('introspection, persisted queries and caching switched off', () => {
  let t: TestHub;

  beforeAll(async () => {
    t = await startTestHub({
      GATEWAY_INTROSPECTION: 'false',
      GATEWAY_APQ: 'false',
      GATEWAY_RESPONSE_CACHE: 'false',
    });
  });

  afterAll(() => t.stop());

  it('refuses __schema and __type but still answers queries', async () => {
    const schema = await postGraphQL(
      t.hub.gateway.graphqlUrl,
      '{ __schema { queryType { name } } }',
    );
    expect(schema.status).toBe(400);
    expect(schema.body.errors?.[0].message).toMatch(/introspection is not allowed/i);
    const type = await postGraphQL(
      t.hub.gateway.graphqlUrl,
      '{ __type(name: "Association") { name } }',
    );
    expect(type.body.errors?.[0].message).toMatch(/introspection is not allowed/i);
    const ok = await postGraphQL(t.hub.gateway.graphqlUrl, '{ serviceAreas { id } }');
    expect(ok.body.errors).toBeUndefined();
  });

  it('refuses a query sent by its hash alone', async () => {
    const response = await fetch(t.hub.gateway.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        extensions: { persistedQuery: { version: 1, sha256Hash: 'a'.repeat(64) } },
      }),
    });
    const body = (await response.json()) as { errors: Array<{ extensions: { code: string } }> };
    expect(body.errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_SUPPORTED');
  });

  it('still sends cache hints, but answers anew every time', async () => {
    const ask = () =>
      fetch(t.hub.gateway.graphqlUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ categories { slug } }' }),
      });
    const first = await ask();
    expect(first.headers.get('cache-control')).toBe('max-age=60, public');
    await first.arrayBuffer();
    const second = await ask();
    expect(second.headers.get('age')).toBeNull();
  });
});
