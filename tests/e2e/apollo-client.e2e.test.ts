import { ApolloClient, gql, HttpLink, InMemoryCache } from '@apollo/client';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { associationId } from '../../demo/data';
import { SCHEMA_DIR } from '../../scripts/supergraph';
import { startTestHub, type TestHub } from '../setup/test-hub';

/**
 * The cache policies the hub ships (schema/apollo-cache-policies.json), in Apollo Client's
 * own InMemoryCache against the real gateway: what a web team's page does when two queries
 * ask for different parts of the same thing.
 */
describe('Apollo Client with the shipped cache policies', () => {
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

  it('loses the Finnish name without them (the failure the policies exist for)', async () => {
    const cache = new InMemoryCache();
    const apollo = client(cache);
    await apollo.query({ query: FI, variables: { id } });
    await apollo.query({ query: SV_EN, variables: { id } });
    expect(cache.readQuery({ query: ALL, variables: { id } })).toBeNull();
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
});
