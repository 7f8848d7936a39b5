import { createHash } from 'node:crypto';
import { Client } from 'pg';
import { eventId } from '../../demo/data';
import { startDevelopmentHub, type TestHub } from '../setup/test-hub';

/**
 * Public internet, round two (issue 28), item by item through the gateway and, where a
 * client could reach one, at a subgraph directly.
 */
describe('public internet, round two', () => {
  let t: TestHub;
  let db: Client;
  let stop: () => Promise<void>;

  beforeAll(async () => {
    ({ t, db, stop } = await startDevelopmentHub());
  });

  afterAll(() => stop?.());

  /** A raw POST: the status and the body as text and, where it is JSON, parsed. */
  async function post(url: string, body: unknown, headers: Record<string, string> = {}) {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
    const text = await response.text();
    let json: {
      data?: unknown;
      errors?: Array<{ message: string; extensions?: { code?: string } }>;
    } = {};
    try {
      json = JSON.parse(text) as typeof json;
    } catch {
      // not JSON: the text says what it is
    }
    return { status: response.status, text, json };
  }

  /** A client's mistake: a 4xx with a code that names it, no internal error, no stack. */
  function clientMistake(answer: Awaited<ReturnType<typeof post>>, code: string): void {
    expect({ status: answer.status, code: answer.json.errors?.[0]?.extensions?.code }).toEqual({
      status: expect.any(Number),
      code,
    });
    expect(answer.status).toBeGreaterThanOrEqual(400);
    expect(answer.status).toBeLessThan(500);
    expect(answer.text).not.toMatch(
      /INTERNAL_SERVER_ERROR|stacktrace|\/work\/|node_modules|at \w+ \(/,
    );
  }

  it('5. writes JSON-LD that a page can embed in a script element, whatever an event is titled', async () => {
    const hostile = 'Ilta</script><script>alert(1)</script><!-- & \u2028';
    await db.query(
      `UPDATE events.event SET title = jsonb_build_object('fi', $2::text) WHERE id = $1`,
      [eventId('kuorokonsertti'), hostile],
    );
    const response = await fetch(
      `${t.hub.gateway.url}/feeds/events/${eventId('kuorokonsertti')}.jsonld`,
      { headers: { 'cache-control': 'no-cache' } },
    );
    const text = await response.text();
    expect(text).not.toMatch(/[<>&\u2028]/);
    expect((JSON.parse(text) as { name: string }).name).toBe(hostile);
  });

  it('10. answers what a mutation did even when a field it asked for is refused', async () => {
    const admin = await t.token({ role: 'admin', subject: 'admin' });
    const title = `Kysely ${Date.now()}`;
    const answer = await post(
      t.hub.gateway.graphqlUrl,
      {
        query: `mutation ($input: CreateSurveyInput!) { createSurvey(input: $input) { id answersCsv } }`,
        variables: {
          input: {
            title: { fi: title },
            audience: 'ASSOCIATIONS',
            opensAt: new Date(Date.now() + 3_600_000).toISOString(),
            closesAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
            anonymous: false,
            questions: [{ text: { fi: 'Sujuuko yhteistyö?' }, kind: 'LIKERT_5', required: true }],
          },
        },
      },
      { authorization: `Bearer ${admin}` },
    );
    const created = (answer.json.data as { createSurvey: { id: string; answersCsv: null } })
      .createSurvey;
    expect(created.answersCsv).toBeNull();
    expect(
      answer.json.errors?.map((e) => [e.extensions?.code, (e as { path?: unknown }).path]),
    ).toEqual([['CONFLICT', ['createSurvey', 'answersCsv']]]);
    // The one survey made is the one answered: a client has no reason to retry.
    const { rows } = await db.query(`SELECT id FROM cooperation.survey WHERE title->>'fi' = $1`, [
      title,
    ]);
    expect(rows).toEqual([{ id: created.id }]);
  });

  it('2. sends one confirmation however often and in whatever form an address is subscribed', async () => {
    const SUBSCRIBE = `mutation ($input: SubscribeInput!) { subscribe(input: $input) { message } }`;
    const forms = [
      'victim@other.example',
      'x<victim@other.example>',
      'victim@other.example(c)',
      'VICTIM@Other.Example',
    ];
    const areas = (await db.query<{ id: string }>(`SELECT id FROM associations.service_area`)).rows;
    const answers = new Set<string>();
    for (let i = 0; i < 20; i++) {
      const answer = await post(t.hub.gateway.graphqlUrl, {
        query: SUBSCRIBE,
        variables: {
          input: {
            address: forms[i % forms.length],
            topics: i % 2 ? ['GRANTS'] : ['EVENTS', 'SPACES'],
            // Other audiences too: each would be a subscription of its own.
            audience: i % 3 ? { everyone: true } : { serviceAreaIds: [areas[i % areas.length].id] },
          },
        },
      });
      expect(answer.json.errors).toBeUndefined();
      answers.add(JSON.stringify(answer.json.data));
    }
    // The same answer every time, so a caller learns nothing about the address.
    expect(answers.size).toBe(1);
    const { rows } = await db.query(
      `SELECT s.address, count(d.id)::int AS mails
         FROM communications.subscription s
         LEFT JOIN communications.delivery d ON d.subscription_id = s.id AND d.kind = 'CONFIRMATION'
        WHERE lower(s.address) LIKE '%victim%' GROUP BY s.address`,
    );
    expect(rows).toEqual([{ address: 'victim@other.example', mails: 1 }]);
  });

  it('1. bounds every period: a statistic over 8,000 years is refused at once, naming the limit', async () => {
    const STATS = `query ($filter: ReservationStatisticsFilter) {
      reservationStatistics(filter: $filter, groupBy: [MONTH]) { groups { month openHours usedShare } } }`;
    const ask = (from: string, to: string) =>
      post(t.hub.gateway.graphqlUrl, { query: STATS, variables: { filter: { from, to } } });
    const ancient = await ask('1000-01-01T00:00:01Z', '9000-01-01T00:00:00Z');
    expect(ancient.json.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(ancient.text).toMatch(/filter\.from.*between the years 1900 and 2199/);
    const eleven = await ask('2020-01-01T00:00:00Z', '2031-01-02T00:00:00Z');
    expect(eleven.text).toMatch(/filter\.to.*at most 3660 days after filter\.from/);
    const ten = await ask('2020-01-01T00:00:00Z', '2030-01-01T00:00:00Z');
    expect(ten.json.errors).toBeUndefined();
    const events = await post(t.hub.gateway.graphqlUrl, {
      query: `{ events(filter: { from: "0001-01-01T00:00:00Z" }) { totalCount } }`,
    });
    expect(events.json.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  describe('9. client mistakes are 4xx with a code, never internal errors', () => {
    const targets = () => ({
      gateway: t.hub.gateway.graphqlUrl,
      subgraph: t.hub.subgraphs.associations.graphqlUrl,
    });

    it('an unknown operationName', async () => {
      for (const url of Object.values(targets())) {
        clientMistake(
          await post(url, { query: 'query A { __typename }', operationName: 'B' }),
          'OPERATION_RESOLUTION_FAILURE',
        );
        clientMistake(
          await post(url, { query: 'query A { __typename } query B { __typename }' }),
          'OPERATION_RESOLUTION_FAILURE',
        );
      }
    });

    it('a subscription operation', async () => {
      for (const url of Object.values(targets())) {
        const answer = await post(url, { query: 'subscription S { __typename }' });
        clientMistake(answer, 'BAD_REQUEST');
        expect(answer.json.errors?.[0]?.message).toMatch(/not served over HTTP/);
      }
    });

    it('an APQ hash that does not match its query, and an unknown APQ version', async () => {
      const query = '{ __typename }';
      const wrong = createHash('sha256').update('{ other }').digest('hex');
      for (const url of Object.values(targets())) {
        clientMistake(
          await post(url, {
            query,
            extensions: { persistedQuery: { version: 1, sha256Hash: wrong } },
          }),
          'BAD_REQUEST',
        );
        clientMistake(
          await post(url, {
            query,
            extensions: { persistedQuery: { version: 2, sha256Hash: wrong } },
          }),
          'BAD_REQUEST',
        );
      }
    });

    it('an empty municipality code', async () => {
      const answer = await post(t.hub.gateway.graphqlUrl, {
        query: '{ municipalities(codes: [""]) { code } }',
      });
      expect(answer.text).not.toMatch(/INTERNAL_SERVER_ERROR|stacktrace/);
      expect(answer.json.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(answer.json.errors?.[0]?.message).toMatch(/codes/);
    });
  });
});
