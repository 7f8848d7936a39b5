import { randomUUID } from 'node:crypto';
import { fromHelsinkiLocal } from '../../core/time';
import type { DomainEvent } from '../../core/domain-events';
import type { PublicGraph } from '../../core/public-graph';
import { addDays, helsinkiDate } from './availability';
import { facilitiesSubgraph } from '../facilities.subgraph';
import { makeFacility, makeSpace } from '../../../tests/factories/facilities.factory';
import {
  brokenRules,
  errorCodes,
  startTestSubgraph,
  type TestSubgraph,
} from '../../../tests/setup/subgraph-harness';
import { sweepLapsedHolds, VenueHoldConsumer } from './venue-hold.consumer';
import { MAX_PENDING_HOLDS, PENDING_HOLD_MS } from './venue-hold.service';

const HOLD = `mutation ($input: HoldVenueInput!) {
  holdVenue(input: $input) {
    outcome expiresAt
    occurrences { eventId check { fits closedOn outsideOpeningHours clashes { startsAt endsAt } } }
  }
}`;
const REQUEST = `mutation ($input: RequestReservationInput!) { requestReservation(input: $input) { id } }`;

interface Held {
  holdVenue: {
    outcome: string;
    expiresAt: string | null;
    occurrences: Array<{ eventId: string; check: { fits: boolean; closedOn: string[] } }>;
  };
}

/** A Helsinki wall-clock time `days` from today (the subgraph runs on the real clock). */
const local = (days: number, time: string) =>
  fromHelsinkiLocal(`${addDays(helsinkiDate(new Date()), days)}T${time}`);

/**
 * Issue 29: an event's hold on its venue is under the same database guarantee as
 * reservations. The hold is asked for before the event is written, so a race between an
 * event and a reservation (or two events) has exactly one winner, and the loser is told.
 */
describe('holdVenue: events hold city spaces under the double-booking constraint', () => {
  let subgraph: TestSubgraph;
  const association = randomUUID();
  let room: string;
  let hall: string;
  let half: string;
  let closedDay: string;
  let representative: string;
  let staff: string;

  beforeAll(async () => {
    subgraph = await startTestSubgraph(facilitiesSubgraph);
    closedDay = addDays(helsinkiDate(new Date()), 40);
    const facility = await makeFacility(subgraph.db, { exceptions: [{ date: closedDay }] });
    room = await makeSpace(subgraph.db, facility, { minLeadHours: 0 });
    hall = await makeSpace(subgraph.db, facility, { type: 'HALL', minLeadHours: 0 });
    half = await makeSpace(subgraph.db, facility, { parentSpaceId: hall, minLeadHours: 0 });
    representative = await subgraph.token({
      role: 'representative',
      associationIds: [association],
    });
    staff = await subgraph.token({ role: 'staff', subject: 'tapahtumat' });
  });
  afterAll(() => subgraph.stop());

  const hold = (spaceId: string, occurrences: unknown[], token = staff) =>
    subgraph.request<Held>(HOLD, { input: { spaceId, occurrences, reason: 'Ilta' } }, token);
  const at = (days: number, from: string, to: string, eventId = randomUUID()) => ({
    eventId,
    startsAt: local(days, from).toISOString(),
    endsAt: local(days, to).toISOString(),
  });
  const reserve = (spaceId: string, days: number, from: string, to: string) =>
    subgraph.request(
      REQUEST,
      {
        input: {
          spaceId,
          associationId: association,
          purpose: 'Kokous',
          startsAt: local(days, from).toISOString(),
          endsAt: local(days, to).toISOString(),
        },
      },
      representative,
    );
  const holdsOf = async (eventId: string) =>
    (await subgraph.db.query(
      `SELECT space_id, expires_at IS NOT NULL AS pending FROM facilities.blocked_time WHERE event_id = $1`,
      [eventId],
    )) as Array<{ space_id: string; pending: boolean }>;

  it('refuses anonymous callers and bad input naming each field and rule, holding nothing', async () => {
    const anonymous = await subgraph.request(HOLD, {
      input: { spaceId: room, occurrences: [at(10, '12:00', '13:00')] },
    });
    expect(errorCodes(anonymous)).toEqual(['FORBIDDEN']);

    const same = randomUUID();
    const bad = await hold(room, [
      at(10, '12:00', '11:00', same),
      { eventId: same, startsAt: local(11, '12:00'), endsAt: local(50, '12:00') },
    ]);
    expect(brokenRules(bad)).toEqual([
      'input.occurrences[0].endsAt AFTER_START',
      'input.occurrences[1].eventId UNIQUE',
      'input.occurrences[1].endsAt MAX_RANGE',
    ]);
    expect(brokenRules(await hold(room, []))).toEqual(['input.occurrences COUNT']);
    const [{ n }] = await subgraph.db.query(
      `SELECT count(*)::int AS n FROM facilities.blocked_time WHERE source = 'EVENT'`,
    );
    expect(n).toBe(0);
  });

  it('says NO_SUCH_SPACE for a made-up space and DOES_NOT_FIT, holding nothing, when one occurrence falls on a closed day', async () => {
    const nowhere = await hold(randomUUID(), [at(10, '12:00', '13:00')]);
    expect(nowhere.data!.holdVenue).toEqual({
      outcome: 'NO_SUCH_SPACE',
      expiresAt: null,
      occurrences: [],
    });
    const fine = at(39, '12:00', '13:00');
    const closed = at(40, '12:00', '13:00');
    const answer = await hold(room, [fine, closed]);
    expect(answer.data!.holdVenue.outcome).toBe('DOES_NOT_FIT');
    expect(answer.data!.holdVenue.occurrences.map((o) => o.check)).toEqual([
      expect.objectContaining({ fits: true, closedOn: [] }),
      expect.objectContaining({ fits: false, closedOn: [closedDay] }),
    ]);
    expect(await holdsOf(fine.eventId)).toEqual([]);
  });

  it('holds every occurrence of a series in one call, pending; a reservation on one of them is then refused', async () => {
    const series = [7, 14, 21].map((days) => at(days, '17:00', '19:00'));
    const asked = Date.now();
    const answer = await hold(room, series);
    const answered = Date.now();
    expect(answer.errors).toEqual([]);
    expect(answer.data!.holdVenue.outcome).toBe('HELD');
    // Five minutes from when the subgraph held them: between the asking and the answer.
    const lapses = Date.parse(answer.data!.holdVenue.expiresAt!);
    expect(lapses).toBeGreaterThanOrEqual(asked + PENDING_HOLD_MS);
    expect(lapses).toBeLessThanOrEqual(answered + PENDING_HOLD_MS);
    for (const o of series)
      expect(await holdsOf(o.eventId)).toEqual([{ space_id: room, pending: true }]);
    expect(errorCodes(await reserve(room, 14, '18:00', '20:00'))).toEqual(['CONFLICT']);
  });

  it('lets an event move within its own time, and lets its own support reservation overlap its hold, but no other event', async () => {
    const event = at(8, '10:00', '12:00');
    expect((await hold(room, [event])).data!.holdVenue.outcome).toBe('HELD');
    // Moving by an hour overlaps its own pending hold: no clash with itself.
    const moved = {
      ...event,
      startsAt: local(8, '11:00').toISOString(),
      endsAt: local(8, '13:00').toISOString(),
    };
    expect((await hold(room, [moved])).data!.holdVenue.outcome).toBe('HELD');
    // The reservation made for the event's own support request may overlap it.
    const forEvent = await subgraph.db.query(
      `INSERT INTO facilities.reservation (space_id, association_id, requested_by, starts_at, ends_at, purpose, for_event_id)
       VALUES ($1, $2, 'sihteeri', $3, $4, 'Kahvitus', $5) RETURNING id`,
      [room, association, local(8, '10:30'), local(8, '11:30'), event.eventId],
    );
    expect(forEvent).toHaveLength(1);
    const other = await hold(room, [at(8, '12:30', '13:30')]);
    expect(other.data!.holdVenue.outcome).toBe('DOES_NOT_FIT');
    // And the whole of a divided hall is taken while one half is held.
    expect((await hold(half, [at(9, '10:00', '12:00')])).data!.holdVenue.outcome).toBe('HELD');
    expect((await hold(hall, [at(9, '11:00', '12:00')])).data!.holdVenue.outcome).toBe(
      'DOES_NOT_FIT',
    );
  });

  it('gives a time raced for by holds and reservations to exactly one of them, the others refused with no internal error', async () => {
    for (const days of [30, 31, 32]) {
      const answers = await Promise.all([
        hold(room, [at(days, '12:00', '14:00')]),
        reserve(room, days, '13:00', '15:00'),
        hold(room, [at(days, '13:30', '14:30')]),
        reserve(room, days, '11:00', '14:00'),
      ]);
      const won = answers.filter((a, i) =>
        i % 2 === 0
          ? (a as { data?: Held }).data?.holdVenue.outcome === 'HELD'
          : a.errors.length === 0,
      );
      expect(won).toHaveLength(1);
      for (const [i, a] of answers.entries()) {
        if (won.includes(a)) continue;
        if (i % 2 === 0) {
          expect(['DOES_NOT_FIT', 'TAKEN_MEANWHILE']).toContain(
            (a as { data?: Held }).data!.holdVenue.outcome,
          );
        } else expect(errorCodes(a)).toEqual(['CONFLICT']);
      }
      const [{ n }] = await subgraph.db.query(
        `SELECT count(*)::int AS n FROM facilities.reservation_claim c
           JOIN facilities.space_unit su ON su.unit_id = c.unit_id
          WHERE su.space_id = $1 AND c.during && tstzrange($2, $3)`,
        [room, local(days, '10:00'), local(days, '16:00')],
      );
      expect(n).toBe(1);
    }
  });

  it('lets a pending hold whose event never came lapse: a reservation takes the time, and the sweep clears the rest elsewhere', async () => {
    const first = at(50, '10:00', '11:00');
    const second = at(51, '10:00', '11:00');
    await hold(room, [first]);
    await hold(hall, [second]);
    await subgraph.db.query(
      `UPDATE facilities.blocked_time SET expires_at = now() - interval '1 minute' WHERE event_id = ANY($1)`,
      [[first.eventId, second.eventId]],
    );
    const taken = await reserve(room, 50, '10:00', '11:00');
    expect(taken.errors).toEqual([]);
    expect(await holdsOf(first.eventId)).toEqual([]);
    expect(await holdsOf(second.eventId)).toHaveLength(1);
    expect(await sweepLapsedHolds(subgraph.db, subgraph.events, new Date())).toBe(1);
    expect(await holdsOf(second.eventId)).toEqual([]);
  });

  it('makes the hold firm when the event is seen published, and frees the space when it is cancelled', async () => {
    const event = at(60, '18:00', '20:00');
    await hold(room, [event]);
    let status = 'SCHEDULED';
    const graph: PublicGraph = {
      query: <T>() =>
        Promise.resolve({
          event: {
            status,
            startsAt: event.startsAt,
            endsAt: event.endsAt,
            title: { fi: 'Ilta' },
            venue: { id: room },
          },
        } as T),
    };
    const consumer = new VenueHoldConsumer(subgraph.db, graph, subgraph.events);
    const message: DomainEvent = {
      type: 'event.venue-changed',
      entity: { type: 'Event', id: event.eventId },
      sequence: 1,
      associationId: null,
      occurredAt: new Date().toISOString(),
      data: {},
    };
    await consumer.handle(message);
    await consumer.handle(message);
    expect(await holdsOf(event.eventId)).toEqual([{ space_id: room, pending: false }]);
    expect(errorCodes(await reserve(room, 60, '19:00', '21:00'))).toEqual(['CONFLICT']);
    status = 'CANCELLED';
    await consumer.handle(message);
    expect(await holdsOf(event.eventId)).toEqual([]);
    expect((await reserve(room, 60, '19:00', '21:00')).errors).toEqual([]);
  });

  it('bounds what one account can keep pending', async () => {
    const many = Array.from({ length: 104 }, (_, i) => at(100 + i, '08:00', '09:00'));
    expect((await hold(room, many, representative)).data!.holdVenue.outcome).toBe('HELD');
    const later = (time: string) => many.map((_, i) => at(100 + i, time, `${time.slice(0, 2)}:30`));
    expect((await hold(room, later('10:00'), representative)).data!.holdVenue.outcome).toBe('HELD');
    const third = await hold(
      room,
      later('12:00').slice(0, MAX_PENDING_HOLDS - 2 * 104 + 1),
      representative,
    );
    expect(brokenRules(third)).toEqual(['input.occurrences MAX_PENDING']);
  });
});
