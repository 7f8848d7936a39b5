import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';
import { associationId, spaceId } from '../../demo/data';
import { startTestHub, type TestHub } from '../setup/test-hub';

/**
 * Cache hints and the gateway's response cache: public answers carry max-age and are
 * served again without asking a subgraph; an answer to a signed-in caller is private and is
 * never served to anyone else.
 */
describe('cache hints and cached answers', () => {
  let t: TestHub;

  beforeAll(async () => {
    t = await startTestHub();
  });

  afterAll(() => t.stop());

  async function post(
    query: string,
    variables: Record<string, unknown> = {},
    token?: string,
    headers: Record<string, string> = {},
  ) {
    const response = await fetch(t.hub.gateway.graphqlUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...headers,
      },
      body: JSON.stringify({ query, variables }),
    });
    return {
      cacheControl: response.headers.get('cache-control'),
      age: response.headers.get('age'),
      body: (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] },
    };
  }

  /** Runs `fn` and says how many SQL statements the subgraphs ran meanwhile. */
  async function statements<T>(fn: () => Promise<T>): Promise<[T, number]> {
    const spy = jest.spyOn(PostgresQueryRunner.prototype, 'query');
    try {
      const result = await fn();
      return [result, spy.mock.calls.length];
    } finally {
      spy.mockRestore();
    }
  }

  it('marks a public answer cacheable and serves it again without asking the subgraphs', async () => {
    const query = '{ serviceAreas { id } associations(first: 3) { totalCount } }';
    const [first, firstSql] = await statements(() => post(query));
    expect(first.body.errors).toBeUndefined();
    expect(first.cacheControl).toBe('max-age=60, public');
    expect(firstSql).toBeGreaterThan(0);
    const [second, secondSql] = await statements(() => post(query));
    expect(second.body).toEqual(first.body);
    expect(second.age).not.toBeNull();
    expect(secondSql).toBe(0);
  });

  it('answers a request with Cache-Control: no-cache fresh from the subgraphs, and keeps that answer', async () => {
    const query = '{ serviceAreas { id name { fi } } }';
    await post(query);
    const [fresh, freshSql] = await statements(() =>
      post(query, {}, undefined, { 'cache-control': 'no-cache' }),
    );
    expect(fresh.age).toBeNull();
    expect(freshSql).toBeGreaterThan(0);
    const [cached, cachedSql] = await statements(() => post(query));
    expect(cached.body).toEqual(fresh.body);
    expect(cachedSql).toBe(0);
  });

  it('keeps what changes by the minute only briefly', async () => {
    const from = new Date(Date.now() + 7 * 86_400_000).toISOString();
    const to = new Date(Date.now() + 8 * 86_400_000).toISOString();
    const answer = await post(
      'query ($id: ID!, $from: DateTime!, $to: DateTime!) { space(id: $id) { availability(from: $from, to: $to) { startsAt } } }',
      { id: spaceId('paakirjasto', 'ryhmatila'), from, to },
    );
    expect(answer.body.errors).toBeUndefined();
    expect(answer.cacheControl).toBe('max-age=15, public');

    const places = await post(
      '{ events(first: 5) { edges { node { registration { placesLeft } } } } }',
    );
    expect(places.body.errors).toBeUndefined();
    expect(places.cacheControl).toBe('max-age=15, public');
  });

  it('never keeps an answer to a signed-in caller for anyone else', async () => {
    const query = `query ($id: ID!) { association(id: $id) { contacts { name email } } }`;
    const variables = { id: associationId('lahden-urheiluseura') };
    const secretary = (body: { data?: Record<string, unknown> }) =>
      (
        body.data!.association as { contacts: Array<{ name: string; email: string | null }> }
      ).contacts.find((c) => c.name === 'Laura Nieminen')!.email;
    const staff = await t.token({ role: 'staff' });

    const asStaff = await post(query, variables, staff);
    expect(asStaff.cacheControl).toMatch(/private/);
    expect(secretary(asStaff.body)).toBe('laura.nieminen@example.fi');

    const anonymous = await post(query, variables);
    expect(anonymous.age).toBeNull();
    expect(secretary(anonymous.body)).toBeNull();
    // The anonymous answer is cached now; the staff member still gets their own.
    const again = await post(query, variables, staff);
    expect(again.age).toBeNull();
    expect(secretary(again.body)).toBe('laura.nieminen@example.fi');
    expect(secretary((await post(query, variables)).body)).toBeNull();
  });

  it('never caches a mutation', async () => {
    const admin = await t.token({ role: 'admin' });
    const created = await post(
      `mutation ($input: CreateCategoryInput!) { createCategory(input: $input) { id } }`,
      { input: { slug: 'kokeilu', name: { fi: 'Kokeilu' } } },
      admin,
    );
    expect(created.body.errors).toBeUndefined();
    expect(created.cacheControl).toBe('no-store');
  });

  describe('a change is never hidden by a kept answer (issue 29, item 6)', () => {
    it('shows a survey closed by staff as CLOSED in the very next anonymous answer', async () => {
      const query = '{ surveys(first: 20) { edges { node { id status } } } }';
      type Surveys = { surveys: { edges: Array<{ node: { id: string; status: string } }> } };
      const before = (await post(query)).body.data as Surveys;
      const open = before.surveys.edges.find((e) => e.node.status === 'OPEN')!.node;
      // Kept: the second read is served from the cache.
      expect((await post(query)).age).not.toBeNull();
      const admin = await t.token({ role: 'admin' });
      const closed = await post(
        `mutation ($id: ID!) { closeSurvey(id: $id) { status } }`,
        { id: open.id },
        admin,
      );
      expect(closed.body.data).toEqual({ closeSurvey: { status: 'CLOSED' } });
      const after = await post(query);
      expect(after.age).toBeNull();
      const status = (after.body.data as Surveys).surveys.edges.find((e) => e.node.id === open.id)!
        .node.status;
      expect(status).toBe('CLOSED');
    });

    it('keeps its answers when a mutation is refused: a refusal changed nothing', async () => {
      const query = '{ serviceAreas { id name { fi } } }';
      await post(query);
      expect((await post(query)).age).not.toBeNull();
      // Anonymous, and then staff with a bad input: both refused, nothing written.
      const anonymous = await post(`mutation { closeSurvey(id: "${associationId('x')}") { id } }`);
      expect(anonymous.body.errors).toBeDefined();
      const staff = await t.token({ role: 'admin' });
      const invalid = await post(
        `mutation ($input: CreateCategoryInput!) { createCategory(input: $input) { id } }`,
        { input: { slug: 'Not a slug!', name: { fi: '' } } },
        staff,
      );
      expect(invalid.body.errors).toBeDefined();
      expect((await post(query)).age).not.toBeNull();
    });

    it('shows an edited association and a cancelled event at once', async () => {
      const id = associationId('lahden-urheiluseura');
      const read = `query ($id: ID!) { association(id: $id) { name { fi } events(first: 1) { edges { node { id status } } } } }`;
      type Page = {
        association: {
          name: { fi: string };
          events: { edges: Array<{ node: { id: string; status: string } }> };
        };
      };
      const before = (await post(read, { id })).body.data as Page;
      expect((await post(read, { id })).age).not.toBeNull();
      const admin = await t.token({ role: 'admin' });
      const renamed = await post(
        `mutation ($input: UpdateAssociationInput!) { updateAssociation(input: $input) { id } }`,
        { input: { id, overwrite: true, name: { fi: 'Lahden Urheiluseura 1922 ry' } } },
        admin,
      );
      expect(renamed.body.errors).toBeUndefined();
      expect(((await post(read, { id })).body.data as Page).association.name.fi).toBe(
        'Lahden Urheiluseura 1922 ry',
      );
      const event = before.association.events.edges[0].node;
      expect(event.status).not.toBe('CANCELLED');
      expect((await post(read, { id })).age).not.toBeNull();
      const cancelled = await post(
        `mutation ($id: ID!) { cancelEvent(id: $id) { status } }`,
        { id: event.id },
        admin,
      );
      expect(cancelled.body.errors).toBeUndefined();
      const after = (await post(read, { id })).body.data as Page;
      expect(after.association.events.edges[0].node).toEqual({
        id: event.id,
        status: 'CANCELLED',
      });
    });
  });
});
