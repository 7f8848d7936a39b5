import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getNamedType, type GraphQLField, isObjectType, type GraphQLSchema } from 'graphql';
import { projectRoot } from '../../subgraphs/core/paths';
import { supergraphApiSchema } from '../setup/supergraph-api';
import { startTestHub, type TestHub } from '../setup/test-hub';

/**
 * Every connection field of the public graph against the Relay cursor-connections spec
 * (https://relay.dev/graphql/connections.htm): ApplyCursorsToEdges with `after` and `before`
 * together, `first` and `last` cutting the result, HasNextPage and HasPreviousPage, and
 * whole walks forwards and backwards giving the same list. The fields are found by reading
 * the composed schema, so a new connection is checked without anyone listing it here.
 */

interface PageInfo {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}
interface Page {
  edges: Array<{ cursor: string }>;
  pageInfo: PageInfo;
  totalCount: number;
}
interface PageArgs {
  first?: number;
  last?: number;
  after?: string;
  before?: string;
}

/** A connection field and how to reach it: on Query, or on one entity fetched by id. */
interface ConnectionField {
  label: string;
  parent: string;
  name: string;
  /** For a field of an entity: the root field that fetches one by `id`. */
  byId?: string;
  entityId?: string;
}

const schema: GraphQLSchema = supergraphApiSchema(
  readFileSync(join(projectRoot(), 'schema', 'supergraph.graphql'), 'utf8'),
);

const lowerFirst = (s: string) => s[0].toLowerCase() + s.slice(1);

function connectionFields(): ConnectionField[] {
  const found: ConnectionField[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields()) as GraphQLField<unknown, unknown>[]) {
      if (!getNamedType(field.type).name.endsWith('Connection')) continue;
      found.push({
        label: `${type.name}.${field.name}`,
        parent: type.name,
        name: field.name,
        ...(type.name === 'Query' ? {} : { byId: lowerFirst(type.name) }),
      });
    }
  }
  return found;
}

const FIELDS = connectionFields();

const PAGE_SELECTION = `edges { cursor } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } totalCount`;

describe('every connection follows the Relay cursor-connections spec', () => {
  let t: TestHub;
  let token: string;

  beforeAll(async () => {
    // Some hundred requests from one address in a minute: this file is not a test of limits.
    t = await startTestHub({ GATEWAY_RATE_LIMIT: '0' });
    // The data-protection scope: the log of who read contact details is a connection too.
    token = await t.token({ role: 'admin', subject: 'relay-spec', scopes: ['dataprotection'] });
    await fillThinLists();
    // An entity's connection is checked on the entity whose list is longest in the demo.
    for (const field of FIELDS.filter((f) => f.byId)) field.entityId = await richest(field);
  });

  afterAll(() => t.stop());

  async function request<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    return t.client(token).request<T>(query, variables);
  }

  /**
   * The demo has too few announcements, deliveries, support requests and reads of contact
   * details to page through: this makes three of each, as their users would.
   */
  async function fillThinLists(): Promise<void> {
    // Each request that shows an unpublished contact's email or phone is logged, per person.
    for (let n = 0; n < 3; n++) {
      await request(`{ associations(first: 100) { edges { node { contacts { email phone } } } } }`);
    }
    for (const n of [1, 2, 3]) {
      const { createAnnouncement } = await request<{ createAnnouncement: { id: string } }>(
        `mutation ($input: CreateAnnouncementInput!) { createAnnouncement(input: $input) { id } }`,
        {
          input: {
            title: { fi: `Sivutuskoe ${n}` },
            body: { fi: 'Tiedote sivutuksen koetta varten.' },
            topic: 'GENERAL',
            audience: { everyone: true },
          },
        },
      );
      await request(`mutation ($id: ID!) { publishAnnouncement(id: $id) { id } }`, {
        id: createAnnouncement.id,
      });
    }
    // Each announcement is mailed to the demo's subscriber of every topic.
    const deadline = Date.now() + 30_000;
    for (;;) {
      const { deliveries } = await request<{ deliveries: { totalCount: number } }>(
        `{ deliveries(first: 0) { totalCount } }`,
      );
      if (deliveries.totalCount >= 3) break;
      if (Date.now() > deadline) throw new Error(`${deliveries.totalCount} deliveries after 30 s`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }

    const { associations, equipmentItems } = await request<{
      associations: { edges: Array<{ node: { id: string } }> };
      equipmentItems: { edges: Array<{ node: { id: string } }> };
    }>(
      `{ associations(first: 1) { edges { node { id } } }
         equipmentItems(first: 1) { edges { node { id } } } }`,
    );
    // An event of its own a month ahead, whatever day this runs: the demo's organised events
    // are fixed in 2026–2027, and from June 2027 none of them would be ahead any more.
    const organizer = associations.edges[0].node.id;
    const startsAt = new Date(Date.now() + 30 * 86_400_000);
    const { createEvent: event } = await request<{ createEvent: { id: string } }>(
      `mutation ($input: CreateEventInput!) { createEvent(input: $input) { id } }`,
      {
        input: {
          title: { fi: 'Sivutuskokeen tapahtuma' },
          kind: 'COMMUNITY_EVENT',
          status: 'SCHEDULED',
          startsAt: startsAt.toISOString(),
          endsAt: new Date(startsAt.getTime() + 3 * 3_600_000).toISOString(),
          organizerIds: [organizer],
        },
      },
    );
    const representative = await t.token({ role: 'representative', associationIds: [organizer] });
    for (let n = 0; n < 3; n++) {
      await t
        .client(representative)
        .request(
          `mutation ($input: RequestEventSupportInput!) { requestEventSupport(input: $input) { id } }`,
          {
            input: {
              eventId: event.id,
              associationId: organizer,
              equipment: [{ itemId: equipmentItems.edges[0].node.id, quantity: 1 }],
            },
          },
        );
    }
  }

  async function richest(field: ConnectionField): Promise<string> {
    const list = `${lowerFirst(field.parent)}s`;
    expect(schema.getQueryType()!.getFields()[list]).toBeDefined();
    expect(schema.getQueryType()!.getFields()[field.byId!]).toBeDefined();
    const data = await request<Record<string, { edges: Array<{ node: Record<string, unknown> }> }>>(
      `{ ${list}(first: 100) { edges { node { id ${field.name}(first: 0) { totalCount } } } } }`,
    );
    const nodes = data[list].edges.map((e) => e.node);
    const count = (n: Record<string, unknown>) => (n[field.name] as Page | null)?.totalCount ?? 0;
    nodes.sort((a, b) => count(b) - count(a));
    return nodes[0].id as string;
  }

  async function page(field: ConnectionField, args: PageArgs): Promise<Page> {
    const declared = Object.keys(args)
      .map((k) => `$${k}: ${k === 'first' || k === 'last' ? 'Int' : 'String'}`)
      .join(', ');
    const passed = Object.keys(args)
      .map((k) => `${k}: $${k}`)
      .join(', ');
    if (field.byId) {
      const data = await request<Record<string, Record<string, Page>>>(
        `query ($id: ID!${declared ? `, ${declared}` : ''}) { ${field.byId}(id: $id) { ${field.name}${passed ? `(${passed})` : ''} { ${PAGE_SELECTION} } } }`,
        { id: field.entityId, ...(args as Record<string, unknown>) },
      );
      return data[field.byId][field.name];
    }
    const data = await request<Record<string, Page>>(
      `query ${declared ? `(${declared})` : ''} { ${field.name}${passed ? `(${passed})` : ''} { ${PAGE_SELECTION} } }`,
      args as Record<string, unknown>,
    );
    return data[field.name];
  }

  const cursors = (p: Page) => p.edges.map((e) => e.cursor);

  /** The whole list, walked forwards a page of 100 at a time. */
  async function all(field: ConnectionField): Promise<string[]> {
    const list: string[] = [];
    let after: string | undefined;
    for (;;) {
      const p = await page(field, { first: 100, ...(after ? { after } : {}) });
      list.push(...cursors(p));
      if (!p.pageInfo.hasNextPage) return list;
      after = p.pageInfo.endCursor!;
    }
  }

  it('finds the connections by reading the schema', () => {
    expect(FIELDS.map((f) => f.label)).toEqual(
      expect.arrayContaining([
        'Query.associations',
        'Query.events',
        'Association.events',
        'Association.grantApplications',
      ]),
    );
    // Every connection field takes the four paging arguments.
    for (const f of FIELDS) {
      const args = (
        schema.getType(f.parent) as { getFields(): Record<string, GraphQLField<unknown, unknown>> }
      )
        .getFields()
        [f.name].args.map((a) => a.name);
      expect({
        field: f.label,
        paging: args.filter((a) => ['first', 'after', 'last', 'before'].includes(a)),
      }).toEqual({
        field: f.label,
        paging: ['first', 'after', 'last', 'before'],
      });
    }
  });

  describe.each(FIELDS.map((f) => [f.label, f] as const))('%s', (_label, field) => {
    let list: string[];

    beforeAll(async () => {
      list = await all(field);
    });

    it('has enough items to show paging (at least three)', () => {
      expect(list.length).toBeGreaterThanOrEqual(3);
    });

    it('counts what a whole walk gives, without repeats', async () => {
      const p = await page(field, { first: 1 });
      expect(p.totalCount).toBe(list.length);
      expect(new Set(list).size).toBe(list.length);
    });

    it('answers first: 0 with no edges and says whether any follow', async () => {
      const p = await page(field, { first: 0 });
      expect(p.edges).toEqual([]);
      expect(p.pageInfo).toEqual({
        hasNextPage: true,
        hasPreviousPage: false,
        startCursor: null,
        endCursor: null,
      });
    });

    it('answers last: 0 with no edges and says whether any precede', async () => {
      const p = await page(field, { last: 0 });
      expect(p.edges).toEqual([]);
      expect(p.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    });

    it('cuts first and last from the two ends', async () => {
      const head = await page(field, { first: 2 });
      expect(cursors(head)).toEqual(list.slice(0, 2));
      expect(head.pageInfo).toEqual({
        hasNextPage: true,
        hasPreviousPage: false,
        startCursor: list[0],
        endCursor: list[1],
      });
      const tail = await page(field, { last: 2 });
      expect(cursors(tail)).toEqual(list.slice(-2));
      expect(tail.pageInfo).toEqual({
        hasNextPage: false,
        hasPreviousPage: true,
        startCursor: list[list.length - 2],
        endCursor: list[list.length - 1],
      });
    });

    it('applies after and before together', async () => {
      const [after, before] = [list[0], list[list.length - 1]];
      const between = list.slice(1, -1);
      // Without first or last, a page is 20 long: from the end, since `before` is given.
      expect(cursors(await page(field, { after, before }))).toEqual(between.slice(-20));
      expect(cursors(await page(field, { after, before, first: 100 }))).toEqual(between);
      const first = await page(field, { after, before, first: 1 });
      expect(cursors(first)).toEqual(between.slice(0, 1));
      expect(first.pageInfo.hasNextPage).toBe(between.length > 1);
      const last = await page(field, { after, before, last: 1 });
      expect(cursors(last)).toEqual(between.slice(-1));
      expect(last.pageInfo.hasPreviousPage).toBe(between.length > 1);
      const exact = await page(field, { after, before, first: between.length });
      expect(cursors(exact)).toEqual(between);
      expect(exact.pageInfo.hasNextPage).toBe(false);
    });

    it('has nothing after the last item and nothing before the first', async () => {
      const end = await page(field, { first: 5, after: list[list.length - 1] });
      expect(end.edges).toEqual([]);
      expect(end.pageInfo.hasNextPage).toBe(false);
      const start = await page(field, { last: 5, before: list[0] });
      expect(start.edges).toEqual([]);
      expect(start.pageInfo.hasPreviousPage).toBe(false);
    });

    it('walks backwards to the same list it walks forwards', async () => {
      const backwards: string[] = [];
      let before: string | undefined;
      // A walk that does not end within the list's length repeats itself: stop and show it.
      for (let step = 0; step <= list.length; step++) {
        const p = await page(field, { last: 2, ...(before ? { before } : {}) });
        backwards.unshift(...cursors(p));
        if (!p.pageInfo.hasPreviousPage) break;
        before = p.pageInfo.startCursor!;
      }
      expect(backwards).toEqual(list);
    });
  });
});
