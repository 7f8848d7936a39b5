import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';
import { fromHelsinkiLocal } from '../../core/time';
import { facilitiesSubgraph } from '../facilities.subgraph';
import {
  makeBlockedTime,
  makeFacility,
  makeReservation,
  makeSpace,
} from '../../../tests/factories/facilities.factory';
import {
  errorCodes,
  startTestSubgraph,
  type TestSubgraph,
} from '../../../tests/setup/subgraph-harness';

const SPACES = `
  query($filter: SpaceFilter, $first: Int) {
    spaces(filter: $filter, first: $first) { totalCount edges { node { name { fi } } } }
  }`;

interface SpacesAnswer {
  spaces: { totalCount: number; edges: Array<{ node: { name: { fi: string } } }> };
}

const at = (local: string) => fromHelsinkiLocal(local).toISOString();

describe('Space', () => {
  let subgraph: TestSubgraph;
  let salaId: string;
  let puoliAId: string;

  beforeAll(async () => {
    subgraph = await startTestSubgraph(facilitiesSubgraph);
    const db = subgraph.db;
    // Lahti: open Tuesdays 17–21 only; Hollola: every day 8–22 but closed on 2027-01-12.
    const lahti = await makeFacility(db, {
      municipalityCode: '398',
      hours: [{ weekday: 2, opens: '17:00', closes: '21:00' }],
    });
    const hollola = await makeFacility(db, {
      municipalityCode: '098',
      exceptions: [{ date: '2027-01-12' }],
    });
    salaId = await makeSpace(db, lahti, {
      name: { fi: 'Sali' },
      type: 'HALL',
      capacity: 100,
      equipment: ['stage', 'piano'],
    });
    puoliAId = await makeSpace(db, lahti, {
      name: { fi: 'Sali A' },
      type: 'HALL',
      capacity: 50,
      parentSpaceId: salaId,
    });
    await makeSpace(db, lahti, {
      name: { fi: 'Sali B' },
      type: 'HALL',
      capacity: 50,
      parentSpaceId: salaId,
    });
    const kerho = await makeSpace(db, lahti, {
      name: { fi: 'Kerhohuone' },
      type: 'CLUB_ROOM',
      capacity: 12,
      accessible: false,
      isFree: false,
      hourlyRate: '12.50',
      equipment: ['projector'],
    });
    await makeSpace(db, hollola, {
      name: { fi: 'Hollolan kokoushuone' },
      capacity: 30,
      equipment: ['projector'],
    });
    // Tuesday 12 January 2027, Helsinki time: Sali A is reserved 18–19, the club room busy in TIMMI 17–18.
    await makeReservation(db, puoliAId, {
      startsAt: new Date(at('2027-01-12T18:00')),
      endsAt: new Date(at('2027-01-12T19:00')),
    });
    await makeReservation(db, salaId, {
      startsAt: new Date(at('2027-01-12T20:00')),
      endsAt: new Date(at('2027-01-12T21:00')),
      status: 'CANCELLED',
    });
    await makeBlockedTime(db, kerho, {
      startsAt: new Date(at('2027-01-12T17:00')),
      endsAt: new Date(at('2027-01-12T18:00')),
      source: 'TIMMI',
    });
  });

  afterAll(() => subgraph.stop());

  async function names(filter: Record<string, unknown>): Promise<string[]> {
    const answer = await subgraph.request<SpacesAnswer>(SPACES, { filter, first: 100 });
    expect(answer.errors).toEqual([]);
    return answer.data!.spaces.edges.map((e) => e.node.name.fi);
  }

  it('filters by municipality, type, capacity, accessibility, price and equipment', async () => {
    expect(await names({ municipalityCodes: ['098'] })).toEqual(['Hollolan kokoushuone']);
    expect(await names({ types: ['CLUB_ROOM'] })).toEqual(['Kerhohuone']);
    expect(await names({ minCapacity: 50 })).toEqual(['Sali', 'Sali A', 'Sali B']);
    expect(await names({ accessible: false })).toEqual(['Kerhohuone']);
    expect(await names({ freeForAssociations: false })).toEqual(['Kerhohuone']);
    expect(await names({ equipment: ['projector'] })).toEqual([
      'Hollolan kokoushuone',
      'Kerhohuone',
    ]);
    expect(await names({ equipment: ['Piano', 'stage'] })).toEqual(['Sali']);
  });

  it('finds what is free on an evening: open, unreserved, and not blocked through a part or the whole', async () => {
    // 18:00–19:00: Sali A is reserved, so the whole Sali is taken too; Sali B is free;
    // Hollola is closed that day; the club room's TIMMI busy time ended at 18.
    expect(
      await names({ freeBetween: { from: at('2027-01-12T18:00'), to: at('2027-01-12T19:00') } }),
    ).toEqual(['Kerhohuone', 'Sali B']);
    // 17:00–18:00: the club room is busy in TIMMI; a cancelled reservation blocks nothing at 20–21.
    expect(
      await names({ freeBetween: { from: at('2027-01-12T17:00'), to: at('2027-01-12T18:00') } }),
    ).toEqual(['Sali', 'Sali A', 'Sali B']);
    expect(
      await names({ freeBetween: { from: at('2027-01-12T20:00'), to: at('2027-01-12T21:00') } }),
    ).toEqual(['Kerhohuone', 'Sali', 'Sali A', 'Sali B']);
    // Past closing time nothing in Lahti is free; on Wednesday Hollola is open.
    expect(
      await names({ freeBetween: { from: at('2027-01-12T20:30'), to: at('2027-01-12T21:30') } }),
    ).toEqual([]);
    expect(
      await names({ freeBetween: { from: at('2027-01-13T20:30'), to: at('2027-01-13T21:30') } }),
    ).toEqual(['Hollolan kokoushuone']);
  });

  it('refuses a free-between range that is backwards or spans days, naming the field', async () => {
    const backwards = await subgraph.request(SPACES, {
      filter: { freeBetween: { from: at('2027-01-12T19:00'), to: at('2027-01-12T18:00') } },
    });
    expect(backwards.errors[0].extensions?.fields).toEqual([
      expect.objectContaining({ field: 'filter.freeBetween.to', rule: 'AFTER_FROM' }),
    ]);
    const twoDays = await subgraph.request(SPACES, {
      filter: { freeBetween: { from: at('2027-01-12T19:00'), to: at('2027-01-13T10:00') } },
    });
    expect(twoDays.errors[0].extensions?.fields).toEqual([
      expect.objectContaining({ field: 'filter.freeBetween.to', rule: 'SAME_DAY' }),
    ]);
  });

  it('answers availability as opening hours minus reservations of the space, its parts and its whole', async () => {
    const QUERY = `query($id: ID!, $from: DateTime!, $to: DateTime!) {
      space(id: $id) { availability(from: $from, to: $to) { startsAt endsAt } } }`;
    const whole = await subgraph.request<{ space: { availability: unknown[] } }>(QUERY, {
      id: salaId,
      from: at('2027-01-11T00:00'),
      to: at('2027-01-14T00:00'),
    });
    expect(whole.data!.space.availability).toEqual([
      { startsAt: '2027-01-12T15:00:00.000Z', endsAt: '2027-01-12T16:00:00.000Z' },
      { startsAt: '2027-01-12T17:00:00.000Z', endsAt: '2027-01-12T19:00:00.000Z' },
    ]);
    const tooLong = await subgraph.request(QUERY, {
      id: salaId,
      from: at('2027-01-01T00:00'),
      to: at('2027-02-02T00:00'),
    });
    expect(tooLong.errors[0].extensions?.fields).toEqual([
      expect.objectContaining({ field: 'to', rule: 'MAX_RANGE' }),
    ]);
  });

  it('describes pricing, booking rules and the booking-system link', async () => {
    const answer = await subgraph.request(
      `{ spaces(filter: { types: [CLUB_ROOM] }) { edges { node {
          pricing { isFree hourlyRate { amount currency } }
          bookingRules { slotMinutes minDurationMinutes maxDurationMinutes }
          bookingSystem { kind externalId stale }
          parts { id } parent { id } } } } }`,
    );
    expect(answer.data).toEqual({
      spaces: {
        edges: [
          {
            node: {
              pricing: { isFree: false, hourlyRate: { amount: '12.50', currency: 'EUR' } },
              bookingRules: { slotMinutes: 30, minDurationMinutes: 60, maxDurationMinutes: 240 },
              bookingSystem: { kind: 'LOCAL', externalId: null, stale: false },
              parts: [],
              parent: null,
            },
          },
        ],
      },
    });
  });

  it('costs the same number of statements for a page of 4 spaces as for 5, availability included', async () => {
    const QUERY = `query($first: Int, $from: DateTime!, $to: DateTime!) { spaces(first: $first) { edges { node {
      facility { openingHours { weekday } openingExceptions { date } } parts { id } parent { id }
      availability(from: $from, to: $to) { startsAt } } } } }`;
    const spy = jest.spyOn(PostgresQueryRunner.prototype, 'query');
    const counts: number[] = [];
    for (const first of [4, 5]) {
      spy.mockClear();
      const answer = await subgraph.request(QUERY, {
        first,
        from: at('2027-01-11T00:00'),
        to: at('2027-01-18T00:00'),
      });
      expect(answer.errors).toEqual([]);
      counts.push(spy.mock.calls.length);
    }
    spy.mockRestore();
    expect(counts[1]).toBe(counts[0]);
    // page + facilities + hours + exceptions + parts + parents + busy times
    expect(counts[1]).toBeLessThanOrEqual(7);
  });

  it('refuses bad filter values with the field and the rule', async () => {
    const answer = await subgraph.request(SPACES, {
      filter: { minCapacity: 0, municipalityCodes: ['999'], facilityIds: ['x'] },
    });
    expect(errorCodes(answer)).toEqual(['BAD_USER_INPUT']);
    expect(
      (answer.errors[0].extensions?.fields as Array<{ field: string; rule: string }>).map(
        (f) => `${f.field} ${f.rule}`,
      ),
    ).toEqual([
      'filter.facilityIds[0] UUID',
      'filter.municipalityCodes[0] MUNICIPALITY',
      'filter.minCapacity MIN',
    ]);
  });
});
