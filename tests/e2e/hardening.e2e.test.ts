import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import { Client } from 'pg';
import { postGraphQL, startDevelopmentHub, type TestHub } from '../setup/test-hub';

/**
 * The hardening report (issue 14), item by item, through the gateway and, where a client
 * could reach one, at a subgraph directly. Each answer must be a clear refusal with a code:
 * never HTTP 5xx, INTERNAL_SERVER_ERROR, a stack trace, or a write left behind.
 */
describe('hardening: hostile requests get clear refusals', () => {
  let t: TestHub;
  let db: Client;
  let stop: () => Promise<void>;

  beforeAll(async () => {
    ({ t, db, stop } = await startDevelopmentHub());
  });

  afterAll(() => stop?.());

  const gateway = (query: string, variables?: Record<string, unknown>, token?: string) =>
    postGraphQL(
      t.hub.gateway.graphqlUrl,
      query,
      variables,
      token ? { authorization: `Bearer ${token}` } : {},
    );
  const subgraph = (name: keyof TestHub['hub']['subgraphs'], query: string) =>
    postGraphQL(t.hub.subgraphs[name].graphqlUrl, query);
  type Answer = Awaited<ReturnType<typeof gateway>>;

  /** A refusal: 4xx or 200 with errors, each with a code that is not internal, no stack. */
  function refused(answer: Answer, code: string | RegExp): string {
    expect(answer.status).toBeLessThan(500);
    const errors = answer.body.errors ?? [];
    expect(errors.length).toBeGreaterThan(0);
    const text = JSON.stringify(answer.body);
    expect(text).not.toMatch(/INTERNAL_SERVER_ERROR|stacktrace|\/work\/|node_modules/);
    expect(String((errors[0].extensions as { code?: string }).code)).toMatch(code);
    return String(errors[0].message);
  }

  it('1. refuses a fragment chain that doubles at every level, at once and by its expanded size', async () => {
    const depth = 40;
    const query = [
      'query { ...F0 }',
      ...Array.from(
        { length: depth },
        (_, i) => `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`,
      ),
      `fragment F${depth} on Query { __typename }`,
    ].join(' ');
    expect(refused(await gateway(query), 'GRAPHQL_VALIDATION_FAILED')).toMatch(
      /too many selections/,
    );
    expect(refused(await subgraph('events', query), 'GRAPHQL_VALIDATION_FAILED')).toMatch(
      /too many selections/,
    );
  });

  it('2 and 11. refuses bad or impossible DateTime and Decimal values naming the argument', async () => {
    const events = 'query($d: DateTime!) { events(filter: { from: $d }) { totalCount } }';
    expect(
      refused(
        await gateway('{ events(filter: { from: "tomorrow" }) { totalCount } }'),
        'GRAPHQL_VALIDATION_FAILED',
      ),
    ).toMatch(/DateTime.*"tomorrow"/);
    expect(refused(await gateway(events, { d: '2027-01-01' }), 'BAD_USER_INPUT')).toMatch(
      /\$d.*offset/,
    );
    expect(refused(await gateway(events, { d: '2027-02-30T10:00:00Z' }), 'BAD_USER_INPUT')).toMatch(
      /not a real date/,
    );
    expect(refused(await gateway(events, { d: '2027-01-01T24:00:00Z' }), 'BAD_USER_INPUT')).toMatch(
      /not a real date/,
    );
    expect(
      refused(
        await gateway(
          '{ spaces(filter: { freeBetween: { from: "2027-01-05T17:00", to: "2027-01-05T19:00" } }) { totalCount } }',
        ),
        'GRAPHQL_VALIDATION_FAILED',
      ),
    ).toMatch(/offset/);
    expect(
      refused(
        await gateway(
          'mutation($a: Decimal!) { createGrantApplication(input: { roundId: "x", associationId: "y", title: "t", requestedAmount: $a }) { id } }',
          { a: '1,50' },
        ),
        'BAD_USER_INPUT',
      ),
    ).toMatch(/\$a.*Decimal/);
    // At the subgraph directly, the same value is its own validation error, not a 500.
    refused(
      await subgraph('events', '{ events(filter: { from: "tomorrow" }) { totalCount } }'),
      'GRAPHQL_VALIDATION_FAILED',
    );
  });

  it('2. tells an anonymous caller of a restricted mutation FORBIDDEN', async () => {
    const answer = await gateway(
      'mutation($input: RequestReservationInput!) { requestReservation(input: $input) { id } }',
      {
        input: {
          spaceId: randomUUID(),
          associationId: randomUUID(),
          startsAt: '2027-05-05T15:00:00Z',
          endsAt: '2027-05-05T16:00:00Z',
          purpose: 'Kokous',
        },
      },
    );
    refused(answer, 'FORBIDDEN');
  });

  it('4. refuses a forged cursor as an invalid cursor', async () => {
    const forged = 'eyJvIjoiU1RBUlRTX0FUIiwidiI6WyJ4IiwieSJdfQ';
    expect(
      refused(await gateway(`{ events(after: "${forged}") { totalCount } }`), 'BAD_USER_INPUT'),
    ).toBe('after: is not a cursor this API gave out');
  });

  it('5. refuses NUL characters and lone surrogates wherever text comes in, naming the field', async () => {
    const search = 'query($s: String) { associations(filter: { search: $s }) { totalCount } }';
    expect(refused(await gateway(search, { s: 'a\u0000b' }), 'BAD_USER_INPUT')).toMatch(
      /variables\.s: .*NUL/,
    );
    expect(refused(await gateway(search, { s: 'a\ud800b' }), 'BAD_USER_INPUT')).toMatch(
      /variables\.s: .*surrogate/,
    );
    expect(
      refused(
        await gateway('{ associations(filter: { search: "a\\u0000b" }) { totalCount } }'),
        'GRAPHQL_VALIDATION_FAILED',
      ),
    ).toMatch(/associations\(filter\)\.search: .*NUL/);
    const feed = await fetch(`${t.hub.gateway.url}/feeds/events.ics?search=a%00b`);
    expect(feed.status).toBe(400);
    expect(await feed.json()).toEqual({
      error: 'Query parameter search: must not contain a NUL character (U+0000)',
    });
    const direct = await postGraphQL(t.hub.subgraphs.associations.graphqlUrl, search, {
      s: 'a\u0000b',
    });
    refused(direct, 'BAD_USER_INPUT');
  });

  it('6. refuses variables nested thousands of levels deep before anything serialises them', async () => {
    const deep = `${'['.repeat(8000)}${']'.repeat(8000)}`;
    for (const url of [t.hub.gateway.graphqlUrl, t.hub.subgraphs.associations.graphqlUrl]) {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: `{"query":"{ serviceAreas { id } }","variables":{"unused":${deep}}}`,
      });
      expect(response.status).toBe(400);
      const body = (await response.json()) as {
        errors: Array<{ message: string; extensions: { code: string } }>;
      };
      expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
      expect(body.errors[0].message).toMatch(/more than 32 levels deep/);
    }
  });

  it('8. answers a token whose id claims are not UUIDs with 401', async () => {
    const secret = new TextEncoder().encode('dev-only-secret-change-me-0123456789abcdef');
    const token = await new SignJWT({ role: 'representative', association_ids: ['not-a-uuid'] })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer('city-association-hub')
      .setAudience('city-association-hub')
      .setSubject('someone')
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(secret);
    const answer = await gateway('{ serviceAreas { id } }', {}, token);
    expect(answer.status).toBe(401);
    refused(answer, 'UNAUTHENTICATED');
  });

  it('8. refuses writes for an association that does not exist, naming it, and writes nothing', async () => {
    const ghost = randomUUID();
    const token = await t.token({ role: 'representative', associationIds: [ghost] });
    const count = async () =>
      (
        await db.query(`SELECT
            (SELECT count(*) FROM facilities.reservation) +
            (SELECT count(*) FROM events.enrolment) +
            (SELECT count(*) FROM events.feedback) +
            (SELECT count(*) FROM grants.grant_application) AS n`)
      ).rows[0].n;
    const before = await count();
    const attempts: Array<[string, Record<string, unknown>]> = [
      [
        'mutation($input: RequestReservationInput!) { requestReservation(input: $input) { id } }',
        {
          spaceId: randomUUID(),
          associationId: ghost,
          startsAt: '2027-05-05T15:00:00Z',
          endsAt: '2027-05-05T16:00:00Z',
          purpose: 'Kokous',
        },
      ],
      [
        'mutation($input: EnrolInput!) { enrol(input: $input) { id } }',
        { eventId: randomUUID(), associationId: ghost, people: 2 },
      ],
      [
        'mutation($input: GiveFeedbackInput!) { giveFeedback(input: $input) { id } }',
        { eventId: randomUUID(), associationId: ghost, rating: 4 },
      ],
      [
        'mutation($input: CreateGrantApplicationInput!) { createGrantApplication(input: $input) { id } }',
        { roundId: randomUUID(), associationId: ghost, title: 'Kerho', requestedAmount: '100.00' },
      ],
    ];
    for (const [mutation, input] of attempts) {
      expect(refused(await gateway(mutation, { input }, token), 'NOT_FOUND')).toBe(
        `Association ${ghost} was not found`,
      );
    }
    expect(await count()).toBe(before);
  });

  it('10. shows no stack trace or file path in any error, even in development', async () => {
    const answer = await gateway('{ association(id: "x") { id } nosuchfield }');
    expect(answer.status).toBe(400);
    expect(JSON.stringify(answer.body)).not.toMatch(/stacktrace|\/work\/|node_modules/);
    const direct = await subgraph('associations', '{ nosuchfield }');
    expect(JSON.stringify(direct.body)).not.toMatch(/stacktrace|\/work\/|node_modules/);
  });

  it('12. gives a subgraph reached directly the same document limits as the gateway', async () => {
    const aliases = Array.from(
      { length: 100 },
      (_, i) => `a${i}: associations(first: 100) { totalCount }`,
    ).join(' ');
    expect(
      refused(await subgraph('associations', `{ ${aliases} }`), 'GRAPHQL_VALIDATION_FAILED'),
    ).toMatch(/[Aa]liases limit/);
    const deep = `{ associations { edges { node { serviceAreas { liaisons { serviceArea { liaisons { serviceArea { liaisons { serviceArea { liaisons { serviceArea { liaisons { serviceArea { id } } } } } } } } } } } } } } }`;
    expect(refused(await subgraph('associations', deep), 'GRAPHQL_VALIDATION_FAILED')).toMatch(
      /depth limit of 14/,
    );
    // 39 aliases (under the subgraph's 40) of a 100-row page: cost 39 × 701, over 25,000.
    const pages = Array.from(
      { length: 39 },
      (_, i) => `p${i}: associations(first: 100) { edges { node { id name { fi sv en } } } }`,
    ).join(' ');
    expect(refused(await subgraph('associations', `{ ${pages} }`), 'QUERY_TOO_COSTLY')).toMatch(
      /exceeds the limit of 25000/,
    );
  });
});
