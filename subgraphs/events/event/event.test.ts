import { randomUUID } from 'node:crypto';
import { eventsSubgraph } from '../events.subgraph';
import { makeEvent } from '../../../tests/factories/events.factory';
import { startTestSubgraph, type TestSubgraph } from '../../../tests/setup/subgraph-harness';

describe('events filters and Space.upcomingEvents', () => {
  let subgraph: TestSubgraph;
  const space = randomUUID();

  beforeAll(async () => {
    subgraph = await startTestSubgraph(eventsSubgraph);
    await makeEvent(subgraph.db, {
      title: 'Avustusinfo yhdistyksille',
      keywords: ['avustukset'],
      venueSpaceId: space,
      isFree: true,
    });
    await makeEvent(subgraph.db, {
      title: 'Kesäteatterin ensi-ilta',
      keywords: ['kulttuuri'],
      isFree: false,
    });
    await makeEvent(subgraph.db, {
      title: 'Peruttu ilta',
      status: 'CANCELLED',
      venueSpaceId: space,
    });
    await makeEvent(subgraph.db, {
      title: 'Mennyt ilta',
      startsAt: new Date(Date.now() - 30 * 86_400_000),
      venueSpaceId: space,
    });
  });

  afterAll(() => subgraph.stop());

  async function titles(filter: Record<string, unknown>): Promise<string[]> {
    const answer = await subgraph.request<{
      events: { edges: Array<{ node: { title: { fi: string } } }> };
    }>(
      `query($filter: EventFilter) { events(filter: $filter) { edges { node { title { fi } } } } }`,
      { filter },
    );
    expect(answer.errors).toEqual([]);
    return answer.data!.events.edges.map((e) => e.node.title.fi);
  }

  it('finds events by inflected words, keywords, venue and price', async () => {
    expect(await titles({ search: 'yhdistykset' })).toEqual(['Avustusinfo yhdistyksille']);
    expect(await titles({ keywords: ['Kulttuuri'] })).toEqual(['Kesäteatterin ensi-ilta']);
    // `from: null` lists past events too; without `from`, what is on and coming.
    expect((await titles({ venueIds: [space], from: null })).sort()).toEqual([
      'Avustusinfo yhdistyksille',
      'Mennyt ilta',
      'Peruttu ilta',
    ]);
    expect((await titles({ venueIds: [space] })).sort()).toEqual([
      'Avustusinfo yhdistyksille',
      'Peruttu ilta',
    ]);
    expect(await titles({ freeOnly: true, keywords: ['kulttuuri'] })).toEqual([]);
  });

  it('lists the public events coming up in a space', async () => {
    const answer = await subgraph.request<{
      _entities: Array<{ upcomingEvents: Array<{ title: { fi: string } }> }>;
    }>(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Space { upcomingEvents(first: 3) { title { fi } } } } }`,
      { r: [{ __typename: 'Space', id: space }] },
    );
    expect(answer.data!._entities[0].upcomingEvents.map((e) => e.title.fi)).toEqual([
      'Avustusinfo yhdistyksille',
    ]);
  });

  it('counts events per kind and month under the list filter', async () => {
    const answer = await subgraph.request<{
      eventStatistics: {
        groups: Array<{ kind: string; month: string; count: number }>;
        total: { kind: string | null; count: number };
      };
    }>(
      `{ eventStatistics(groupBy: [KIND], filter: { keywords: ["avustukset"] }) {
          groups { kind month count } total { kind count } } }`,
    );
    expect(answer.data!.eventStatistics).toEqual({
      groups: [{ kind: 'ASSOCIATION_EVENING', month: null, count: 1 }],
      total: { kind: null, count: 1 },
    });
    const bad = await subgraph.request(
      `{ eventStatistics(groupBy: [KIND, MONTH, SERVICE_AREA, KIND]) { total { count } } }`,
    );
    expect(bad.errors[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(bad.errors[0].message).toContain('groupBy');
  });
});
