import { everyCombination } from '../../../tests/setup/combinations';
import { eventsSubgraph } from '../events.subgraph';
import { EventRepository } from './event.repository';
import { makeEvent } from '../../../tests/factories/events.factory';
import { startTestSubgraph, type TestSubgraph } from '../../../tests/setup/subgraph-harness';

const SPORTS = '00000000-0000-4000-8000-00000000000a';
const CULTURE = '00000000-0000-4000-8000-00000000000b';

/**
 * eventStatistics by every grouping and every combination (7), against counts worked out
 * from the table below, which restates what beforeAll writes. Months are Helsinki months:
 * an event at 22:30 UTC on 31 January starts on 1 February in Helsinki.
 */
describe('eventStatistics', () => {
  let subgraph: TestSubgraph;
  interface Written {
    kind: string;
    startsAt: string;
    month: string;
    areas: string[];
    status?: string;
  }
  const written: Written[] = [
    {
      kind: 'ASSOCIATION_EVENING',
      startsAt: '2027-01-20T15:00:00Z',
      month: '2027-01',
      areas: [SPORTS, CULTURE],
    },
    {
      kind: 'ASSOCIATION_EVENING',
      startsAt: '2027-01-31T22:30:00Z',
      month: '2027-02',
      areas: [SPORTS],
    },
    { kind: 'FORUM', startsAt: '2027-02-10T15:00:00Z', month: '2027-02', areas: [CULTURE] },
    { kind: 'FORUM', startsAt: '2027-02-11T15:00:00Z', month: '2027-02', areas: [] },
    { kind: 'JOINT_EVENT', startsAt: '2027-03-01T10:00:00Z', month: '2027-03', areas: [SPORTS] },
    // A draft: counted for staff only, so never by the anonymous calls below.
    {
      kind: 'FORUM',
      startsAt: '2027-03-02T10:00:00Z',
      month: '2027-03',
      areas: [SPORTS],
      status: 'DRAFT',
    },
  ];
  const publicEvents = written.filter((e) => e.status !== 'DRAFT');

  const ids: string[] = [];

  beforeAll(async () => {
    subgraph = await startTestSubgraph(eventsSubgraph);
    for (const event of written) {
      ids.push(
        await makeEvent(subgraph.db, {
          kind: event.kind,
          startsAt: new Date(event.startsAt),
          serviceAreaIds: event.areas,
          status: event.status,
        }),
      );
    }
  });

  afterAll(() => subgraph.stop());

  const GROUPINGS = ['KIND', 'MONTH', 'SERVICE_AREA'] as const;
  type Grouping = (typeof GROUPINGS)[number];

  /** An event with several service areas counts once in each; one with none in a null group. */
  function expected(groupBy: readonly Grouping[]) {
    const counts = new Map<string, number>();
    for (const event of publicEvents) {
      const areas: Array<string | null> = groupBy.includes('SERVICE_AREA')
        ? event.areas.length
          ? event.areas
          : [null]
        : [null];
      for (const area of areas) {
        const key = JSON.stringify({
          kind: groupBy.includes('KIND') ? event.kind : null,
          month: groupBy.includes('MONTH') ? event.month : null,
          serviceArea: area === null ? null : { id: area },
        });
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
    }
    return [...counts].map(([key, count]) => ({ ...JSON.parse(key), count }));
  }
  const sorted = (groups: Array<Record<string, unknown>>) =>
    [...groups].sort((a, b) =>
      JSON.stringify([a.kind, a.month, a.serviceArea]).localeCompare(
        JSON.stringify([b.kind, b.month, b.serviceArea]),
      ),
    );
  const combinations = everyCombination(GROUPINGS);

  it.each(combinations.map((c) => [c.join(', '), c] as const))(
    'counts events grouped by %s',
    async (_name, groupBy) => {
      const answer = await subgraph.request<{
        eventStatistics: { groups: Array<Record<string, unknown>> };
      }>(
        `query($groupBy: [EventGrouping!]!) {
          eventStatistics(groupBy: $groupBy) { groups { kind month serviceArea { id } count } } }`,
        { groupBy },
      );
      expect(answer.errors).toEqual([]);
      expect(sorted(answer.data!.eventStatistics.groups)).toEqual(sorted(expected(groupBy)));
    },
  );

  it('counts the service areas of the events the filter keeps', async () => {
    const answer = await subgraph.request<{ eventStatistics: { groups: unknown[] } }>(
      `{ eventStatistics(groupBy: [SERVICE_AREA], filter: { kinds: [ASSOCIATION_EVENING] }) {
          groups { serviceArea { id } count } } }`,
    );
    expect(answer.errors).toEqual([]);
    expect(sorted(answer.data!.eventStatistics.groups as Array<Record<string, unknown>>)).toEqual(
      sorted([
        { serviceArea: { id: SPORTS }, count: 2 },
        { serviceArea: { id: CULTURE }, count: 1 },
      ]),
    );
  });

  it('counts enrolments, participants and the associations taking part, each association once per group', async () => {
    const [A, B, C] = [
      '00000000-0000-4000-8000-0000000000a1',
      '00000000-0000-4000-8000-0000000000b2',
      '00000000-0000-4000-8000-0000000000c3',
    ];
    const [january, february] = ids;
    const enrol = (eventId: string, associationId: string, people: number, status = 'ENROLLED') =>
      subgraph.db.query(
        `INSERT INTO events.enrolment (event_id, association_id, enrolled_by, people, status)
         VALUES ($1, $2, 'test', $3, $4)`,
        [eventId, associationId, people, status],
      );
    // January's evening: A with 3 people, B with 2; a cancelled and a waitlisted one count not.
    await enrol(january, A, 3);
    await enrol(january, B, 2);
    await enrol(january, C, 9, 'CANCELLED');
    await enrol(january, C, 4, 'WAITLISTED');
    // February's evening: A again with 1 person, and C organising it.
    await enrol(february, A, 1);
    await subgraph.db.query(
      'INSERT INTO events.event_organizer (event_id, association_id) VALUES ($1, $2)',
      [february, C],
    );
    const statistics = async (groupBy: string) =>
      sorted(
        (
          await subgraph.request<{ eventStatistics: { groups: Array<Record<string, unknown>> } }>(
            `{ eventStatistics(groupBy: [${groupBy}], filter: { kinds: [ASSOCIATION_EVENING] }) {
                groups { month serviceArea { id } count enrolments participants associations } } }`,
          )
        ).data!.eventStatistics.groups,
      );
    expect(await statistics('KIND')).toEqual([
      { month: null, serviceArea: null, count: 2, enrolments: 3, participants: 6, associations: 3 },
    ]);
    expect(await statistics('MONTH')).toEqual([
      {
        month: '2027-01',
        serviceArea: null,
        count: 1,
        enrolments: 2,
        participants: 5,
        associations: 2,
      },
      {
        month: '2027-02',
        serviceArea: null,
        count: 1,
        enrolments: 1,
        participants: 1,
        associations: 2,
      },
    ]);
    expect(await statistics('SERVICE_AREA')).toEqual(
      sorted([
        {
          month: null,
          serviceArea: { id: SPORTS },
          count: 2,
          enrolments: 3,
          participants: 6,
          associations: 3,
        },
        {
          month: null,
          serviceArea: { id: CULTURE },
          count: 1,
          enrolments: 2,
          participants: 5,
          associations: 2,
        },
      ]),
    );
    // The total counts each association once over the whole year: A, B and C, not 2 + 2.
    const total = await subgraph.request<{
      eventStatistics: { groups: unknown[]; total: Record<string, unknown> };
    }>(
      `{ eventStatistics(groupBy: [MONTH], filter: { kinds: [ASSOCIATION_EVENING] }) {
          groups { count } total { month count enrolments participants associations } } }`,
    );
    expect(total.data!.eventStatistics.groups).toHaveLength(2);
    expect(total.data!.eventStatistics.total).toEqual({
      month: null,
      count: 2,
      enrolments: 3,
      participants: 6,
      associations: 3,
    });
  });

  it('counts once when there are no groupings: the one group is the total', async () => {
    const counted = jest.spyOn(EventRepository.prototype, 'statistics');
    try {
      const answer = await subgraph.request<{
        eventStatistics: { groups: unknown[]; total: unknown };
      }>(
        `{ eventStatistics(groupBy: [], filter: { kinds: [ASSOCIATION_EVENING] }) {
            groups { count associations } total { count associations } } }`,
      );
      expect(answer.data!.eventStatistics.groups).toEqual([answer.data!.eventStatistics.total]);
      expect(counted).toHaveBeenCalledTimes(1);
    } finally {
      counted.mockRestore();
    }
  });
});
