import '../setup/apollo-client-dev';
import { ApolloClient, gql, HttpLink, InMemoryCache } from '@apollo/client';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { associationId } from '../../demo/data';
import { SCHEMA_DIR } from '../../scripts/supergraph';
import { startTestHub, type TestHub } from '../setup/test-hub';

/**
 * Apollo Client's own InMemoryCache against the real gateway: what a web team's page does
 * when two queries ask for different parts of the same thing. With the policies the hub
 * ships (schema/apollo-cache-policies.json), and without any configuration, where the ids of
 * LocalizedText and Calendar must do the work (issue 30, item 8).
 */
describe('Apollo Client against the hub, with the shipped cache policies and without', () => {
  let t: TestHub;
  const policies = JSON.parse(
    readFileSync(join(SCHEMA_DIR, 'apollo-cache-policies.json'), 'utf8'),
  ) as ConstructorParameters<typeof InMemoryCache>[0];

  beforeAll(async () => {
    t = await startTestHub();
  });
  afterAll(() => t.stop());

  const client = (cache: InMemoryCache) =>
    new ApolloClient({
      cache,
      link: new HttpLink({ uri: t.hub.gateway.graphqlUrl, fetch }),
      // The page reads what the cache holds, as a page rendering a second view would.
      defaultOptions: { query: { fetchPolicy: 'network-only' } },
    });

  const FI = gql`
    query Fi($id: ID!) {
      association(id: $id) {
        id
        name {
          fi
        }
      }
    }
  `;
  const SV_EN = gql`
    query SvEn($id: ID!) {
      association(id: $id) {
        id
        name {
          sv
          en
        }
      }
    }
  `;
  const ALL = gql`
    query All($id: ID!) {
      association(id: $id) {
        id
        name {
          fi
          sv
          en
        }
      }
    }
  `;
  const id = associationId('lahden-urheiluseura');

  it('keeps every language of a LocalizedText that two queries asked for in parts', async () => {
    const cache = new InMemoryCache(policies);
    const apollo = client(cache);
    await apollo.query({ query: FI, variables: { id } });
    await apollo.query({ query: SV_EN, variables: { id } });
    const name = cache.readQuery<{ association: { name: Record<string, string | null> } }>({
      query: ALL,
      variables: { id },
    })?.association.name;
    expect(name).toMatchObject({ fi: 'Lahden Urheiluseura ry' });
    expect(Object.keys(name ?? {}).sort()).toEqual(['__typename', 'en', 'fi', 'sv']);
  });

  /** Runs `work` and returns what Apollo Client warned (its data-loss warning among them). */
  async function warningsOf(work: () => Promise<void>): Promise<unknown[][]> {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      await work();
      return warn.mock.calls;
    } finally {
      warn.mockRestore();
    }
  }

  it('loses the Finnish name without them when the text is not identified (the failure)', async () => {
    const cache = new InMemoryCache();
    const apollo = client(cache);
    const warnings = await warningsOf(async () => {
      await apollo.query({ query: FI, variables: { id } });
      await apollo.query({ query: SV_EN, variables: { id } });
    });
    expect(cache.readQuery({ query: ALL, variables: { id } })).toBeNull();
    expect(warnings.length).toBeGreaterThan(0);
  });

  it('keeps every language in a client cache with no configuration when the text is selected with its id', async () => {
    const withId = (languages: string) =>
      gql(`query ($id: ID!) { association(id: $id) { id name { id ${languages} } } }`);
    const cache = new InMemoryCache();
    const apollo = client(cache);
    const warnings = await warningsOf(async () => {
      await apollo.query({ query: withId('fi'), variables: { id } });
      await apollo.query({ query: withId('sv en'), variables: { id } });
    });
    expect(warnings).toEqual([]);
    const name = cache.readQuery<{ association: { name: Record<string, string | null> } }>({
      query: withId('fi sv en'),
      variables: { id },
    })?.association.name;
    expect(name).toMatchObject({ fi: 'Lahden Urheiluseura ry' });
    expect(Object.keys(name ?? {}).sort()).toEqual(['__typename', 'en', 'fi', 'id', 'sv']);
  });

  it('gives each text an id of its own, and the same text the same id', async () => {
    const ask = (query: string) =>
      fetch(t.hub.gateway.graphqlUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables: { id } }),
      }).then((r) => r.json() as Promise<{ data: Record<string, Record<string, { id: string }>> }>);
    const page = await ask(
      'query ($id: ID!) { association(id: $id) { name { id } description { id } } }',
    );
    const { name, description } = page.data.association;
    expect(name.id).toMatch(/^[\w-]{16}$/);
    expect(description.id).not.toBe(name.id);
    // The same text asked again with other fields is the same id.
    const again = await ask('query ($id: ID!) { association(id: $id) { name { id fi } } }');
    expect(again.data.association.name.id).toBe(name.id);
  });

  it('stores one Calendar per year and service area, whichever fields each query asked', async () => {
    const cache = new InMemoryCache(policies);
    const apollo = client(cache);
    const year = new Date().getFullYear() + 1;
    // Two queries for one calendar view, each asking for a different list.
    const calendarWith = (list: 'events' | 'milestones') =>
      apollo.query({
        query: gql(
          `query ($year: Int!) { calendar(year: $year) { year serviceAreaId ${list} { id } } }`,
        ),
        variables: { year },
      });
    await calendarWith('events');
    await calendarWith('milestones');
    const key = cache.identify({ __typename: 'Calendar', year, serviceAreaId: null });
    expect(key).toBe(`Calendar:{"year":${year},"serviceAreaId":null}`);
    const stored = cache.extract()[key!] as Record<string, unknown>;
    expect(stored).toHaveProperty('events');
    expect(stored).toHaveProperty('milestones');
  });

  it('keeps one Calendar in a client cache with no configuration when the query selects its id', async () => {
    const cache = new InMemoryCache();
    const apollo = client(cache);
    const year = new Date().getFullYear() + 1;
    const warnings = await warningsOf(async () => {
      for (const list of ['events', 'milestones']) {
        await apollo.query({
          query: gql(`query ($year: Int!) { calendar(year: $year) { id year ${list} { id } } }`),
          variables: { year },
        });
      }
    });
    expect(warnings).toEqual([]);
    const stored = cache.extract()[`Calendar:${year}`] as Record<string, unknown>;
    expect(stored).toHaveProperty('events');
    expect(stored).toHaveProperty('milestones');
  });
});
