import { randomUUID } from 'node:crypto';
import {
  makeFacility,
  makeReservation,
  makeSpace,
} from '../../../tests/factories/facilities.factory';
import { everyCombination } from '../../../tests/setup/combinations';
import {
  brokenRules,
  startTestSubgraph,
  type TestSubgraph,
} from '../../../tests/setup/subgraph-harness';
import { createFacilitiesSubgraph } from '../facilities.subgraph';
import { BookingBridge } from '../booking/booking-bridge';
import { ReservationStatisticsRepository } from './reservation-statistics.repository';

/**
 * reservationStatistics by every grouping and combination (7, and none), against figures
 * worked out in the test from the table below, which restates what beforeAll writes.
 */
describe('reservationStatistics', () => {
  let subgraph: TestSubgraph;
  const areas = { culture: randomUUID(), sports: randomUUID() };
  const [choir, club, theatre] = [randomUUID(), randomUUID(), randomUUID()];
  interface Written {
    facility: 'library' | 'hall';
    type: 'MEETING_ROOM' | 'GYM';
    association: string;
    startsAt: string;
    month: string;
    hours: number;
    status?: string;
  }
  const written: Written[] = [
    {
      facility: 'library',
      type: 'MEETING_ROOM',
      association: choir,
      startsAt: '2028-01-10T15:00:00Z',
      month: '2028-01',
      hours: 2,
    },
    {
      facility: 'library',
      type: 'MEETING_ROOM',
      association: choir,
      startsAt: '2028-01-17T15:00:00Z',
      month: '2028-01',
      hours: 1.5,
    },
    // 22.30 UTC on 31 January is 1 February in Helsinki.
    {
      facility: 'library',
      type: 'MEETING_ROOM',
      association: theatre,
      startsAt: '2028-01-31T22:30:00Z',
      month: '2028-02',
      hours: 1,
    },
    {
      facility: 'hall',
      type: 'GYM',
      association: club,
      startsAt: '2028-02-02T16:00:00Z',
      month: '2028-02',
      hours: 3,
    },
    {
      facility: 'hall',
      type: 'MEETING_ROOM',
      association: choir,
      startsAt: '2028-02-03T16:00:00Z',
      month: '2028-02',
      hours: 0.5,
    },
    // Not confirmed: counted nowhere.
    {
      facility: 'hall',
      type: 'GYM',
      association: theatre,
      startsAt: '2028-02-04T16:00:00Z',
      month: '2028-02',
      hours: 4,
      status: 'REQUESTED',
    },
    {
      facility: 'hall',
      type: 'GYM',
      association: theatre,
      startsAt: '2028-02-05T16:00:00Z',
      month: '2028-02',
      hours: 4,
      status: 'CANCELLED',
    },
  ];
  const counted = written.filter((w) => !w.status);
  const facilityIds: Record<Written['facility'], string> = { library: '', hall: '' };

  beforeAll(async () => {
    subgraph = await startTestSubgraph(createFacilitiesSubgraph(BookingBridge.none()));
    // The library is closed on New Year's Day 2028 and open 10–12 on 2 January; otherwise,
    // like the hall, every day 8–22 (14 hours).
    facilityIds.library = await makeFacility(subgraph.db, {
      serviceAreaId: areas.culture,
      exceptions: [{ date: '2028-01-01' }, { date: '2028-01-02', opens: '10:00', closes: '12:00' }],
    });
    facilityIds.hall = await makeFacility(subgraph.db, { serviceAreaId: areas.sports });
    const spaces = new Map<string, string>();
    for (const w of written) {
      const key = `${w.facility}/${w.type}`;
      if (!spaces.has(key))
        spaces.set(key, await makeSpace(subgraph.db, facilityIds[w.facility], { type: w.type }));
      const startsAt = new Date(w.startsAt);
      await makeReservation(subgraph.db, spaces.get(key)!, {
        associationId: w.association,
        startsAt,
        endsAt: new Date(startsAt.getTime() + w.hours * 3600_000),
        status: w.status,
      });
    }
  });
  afterAll(() => subgraph.stop());

  const GROUPINGS = ['FACILITY', 'SPACE_TYPE', 'MONTH'] as const;
  type Grouping = (typeof GROUPINGS)[number];

  function expected(groupBy: readonly Grouping[]) {
    const groups = new Map<string, Written[]>();
    for (const w of counted) {
      const key = JSON.stringify({
        facility: groupBy.includes('FACILITY') ? { id: facilityIds[w.facility] } : null,
        spaceType: groupBy.includes('SPACE_TYPE') ? w.type : null,
        month: groupBy.includes('MONTH') ? w.month : null,
      });
      groups.set(key, [...(groups.get(key) ?? []), w]);
    }
    return [...groups].map(([key, rows]) => ({
      ...JSON.parse(key),
      reservations: rows.length,
      hours: rows.reduce((sum, r) => sum + r.hours, 0).toFixed(2),
      associations: new Set(rows.map((r) => r.association)).size,
    }));
  }
  const sorted = (groups: Array<Record<string, unknown>>) =>
    [...groups].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

  const QUERY = `query ($groupBy: [ReservationGrouping!]!, $filter: ReservationStatisticsFilter) {
    reservationStatistics(groupBy: $groupBy, filter: $filter) {
      groups { facility { id } spaceType month reservations hours associations } } }`;

  it.each([[[] as Grouping[]], ...everyCombination(GROUPINGS).map((c) => [c])])(
    'counts confirmed reservations, their hours and associations grouped by %j',
    async (groupBy) => {
      const answer = await subgraph.request<{
        reservationStatistics: { groups: Array<Record<string, unknown>> };
      }>(QUERY, { groupBy });
      expect(answer.errors).toEqual([]);
      expect(sorted(answer.data!.reservationStatistics.groups)).toEqual(sorted(expected(groupBy)));
    },
  );

  it('filters by service area, space type and time, and names a backwards window', async () => {
    const answer = await subgraph.request<{ reservationStatistics: { groups: unknown[] } }>(QUERY, {
      groupBy: [],
      filter: {
        serviceAreaIds: [areas.culture],
        spaceTypes: ['MEETING_ROOM'],
        from: '2028-01-15T00:00:00Z',
      },
    });
    expect(answer.data!.reservationStatistics.groups).toEqual([
      {
        facility: null,
        spaceType: null,
        month: null,
        reservations: 2,
        hours: '2.50',
        associations: 2,
      },
    ]);
    const backwards = await subgraph.request(QUERY, {
      groupBy: ['MONTH'],
      filter: { from: '2028-02-01T00:00:00Z', to: '2028-01-01T00:00:00Z' },
    });
    expect(brokenRules(backwards)).toEqual(['filter.to AFTER_FROM']);
  });

  it('gives the share of opening hours used over a period, per facility and per month', async () => {
    const period = { from: '2027-12-31T22:00:00Z', to: '2028-02-29T22:00:00Z' }; // Jan–Feb 2028 in Helsinki
    const SHARE = `query ($groupBy: [ReservationGrouping!]!, $filter: ReservationStatisticsFilter) {
      reservationStatistics(groupBy: $groupBy, filter: $filter) {
        groups { facility { id } month reservations hours openHours usedShare }
        total { facility { id } month reservations hours openHours usedShare } } }`;
    const byFacility = await subgraph.request<{
      reservationStatistics: { groups: Array<Record<string, unknown>> };
    }>(SHARE, { groupBy: ['FACILITY'], filter: period });
    expect(byFacility.errors).toEqual([]);
    // 60 days (2028 is a leap year). Library, one room: 58 × 14 + 0 + 2 = 814 open hours;
    // 2 + 1.5 + 1 = 4.5 reserved: 4.5 / 814 = 0.00553. Hall, two rooms: 2 × 60 × 14 =
    // 1,680; 3 + 0.5 = 3.5 reserved: 0.00208.
    expect(sorted(byFacility.data!.reservationStatistics.groups)).toEqual(
      sorted([
        {
          facility: { id: facilityIds.library },
          month: null,
          reservations: 3,
          hours: '4.50',
          openHours: '814.00',
          usedShare: 0.0055,
        },
        {
          facility: { id: facilityIds.hall },
          month: null,
          reservations: 2,
          hours: '3.50',
          openHours: '1680.00',
          usedShare: 0.0021,
        },
      ]),
    );
    const byMonth = await subgraph.request<{
      reservationStatistics: { groups: Array<Record<string, unknown>>; total: unknown };
    }>(SHARE, { groupBy: ['MONTH'], filter: period });
    // January: library 29 × 14 + 2 = 408, hall 2 × 31 × 14 = 868: 1,276 open; 3.5 reserved.
    // February: 29 × 14 × 3 = 1,218 open; 1 + 3 + 0.5 = 4.5 reserved.
    expect(sorted(byMonth.data!.reservationStatistics.groups)).toEqual(
      sorted([
        {
          facility: null,
          month: '2028-01',
          reservations: 2,
          hours: '3.50',
          openHours: '1276.00',
          usedShare: 0.0027,
        },
        {
          facility: null,
          month: '2028-02',
          reservations: 3,
          hours: '4.50',
          openHours: '1218.00',
          usedShare: 0.0037,
        },
      ]),
    );
    // The total is the whole period's: 8 of 2,494 open hours, not an average of the months.
    expect(byMonth.data!.reservationStatistics.total).toEqual({
      facility: null,
      month: null,
      reservations: 5,
      hours: '8.00',
      openHours: '2494.00',
      usedShare: 0.0032,
    });
    // Without a period there is nothing to divide by. No groupings: the one group is the
    // total, counted once.
    const counted = jest.spyOn(ReservationStatisticsRepository.prototype, 'statistics');
    try {
      const open = await subgraph.request<{
        reservationStatistics: { groups: Array<Record<string, unknown>>; total: unknown };
      }>(SHARE, { groupBy: [] });
      expect(open.data!.reservationStatistics.groups).toEqual([
        expect.objectContaining({ openHours: null, usedShare: null }),
      ]);
      expect(open.data!.reservationStatistics.total).toEqual(
        open.data!.reservationStatistics.groups[0],
      );
      expect(counted).toHaveBeenCalledTimes(1);
    } finally {
      counted.mockRestore();
    }
  });
});
