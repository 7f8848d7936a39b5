import { randomUUID } from 'node:crypto';
import { fromHelsinkiLocal } from '../../core/time';
import { addDays, helsinkiDate } from '../space/availability';
import { facilitiesSubgraph } from '../facilities.subgraph';
import {
  makeFacility,
  makeReservation,
  makeSpace,
  makeBlockedTime,
} from '../../../tests/factories/facilities.factory';
import {
  brokenRules,
  errorCodes,
  startTestSubgraph,
  type TestSubgraph,
} from '../../../tests/setup/subgraph-harness';

const REQUEST = `
  mutation Request($input: RequestReservationInput!) {
    requestReservation(input: $input) { id status startsAt endsAt purpose attendees association { id } space { id } }
  }`;
const DECIDE = `
  mutation Decide($input: DecideReservationInput!) {
    decideReservation(input: $input) { id status decisionNote decidedAt }
  }`;
const CANCEL = `mutation Cancel($id: ID!) { cancelReservation(id: $id) { id status cancelledAt } }`;

interface Requested {
  requestReservation: { id: string; status: string };
}

/** A Helsinki wall-clock time `days` from today. */
function local(days: number, time: string): Date {
  return fromHelsinkiLocal(`${addDays(helsinkiDate(new Date()), days)}T${time}`);
}

const rules = brokenRules;

describe('Reservation', () => {
  let subgraph: TestSubgraph;
  const areaId = randomUUID();
  const associationId = randomUUID();
  const otherAssociationId = randomUUID();
  let roomId: string;
  let hallId: string;
  let halfAId: string;
  let halfBId: string;
  let representative: string;
  let staff: string;

  beforeAll(async () => {
    subgraph = await startTestSubgraph(facilitiesSubgraph);
    const facilityId = await makeFacility(subgraph.db, { serviceAreaId: areaId });
    roomId = await makeSpace(subgraph.db, facilityId, {
      capacity: 10,
      minLeadHours: 24,
      maxAdvanceDays: 90,
      maxDurationMinutes: 180,
    });
    hallId = await makeSpace(subgraph.db, facilityId, { type: 'GYM', capacity: 200 });
    halfAId = await makeSpace(subgraph.db, facilityId, { type: 'GYM', parentSpaceId: hallId });
    halfBId = await makeSpace(subgraph.db, facilityId, { type: 'GYM', parentSpaceId: hallId });
    representative = await subgraph.token({
      role: 'representative',
      associationIds: [associationId],
    });
    staff = await subgraph.token({ role: 'staff', serviceAreaIds: [areaId] });
  });

  afterAll(() => subgraph.stop());

  function request(input: Record<string, unknown>, token = representative) {
    return subgraph.request<Requested>(
      REQUEST,
      { input: { associationId, purpose: 'Hallituksen kokous', ...input } },
      token,
    );
  }

  async function reservationCount(spaceId: string): Promise<number> {
    const rows: Array<{ n: number }> = await subgraph.db.query(
      'SELECT count(*)::int AS n FROM facilities.reservation WHERE space_id = $1',
      [spaceId],
    );
    return rows[0].n;
  }

  describe('requestReservation', () => {
    it('holds a free time for the association and answers REQUESTED', async () => {
      const answer = await request({
        spaceId: roomId,
        startsAt: local(3, '17:00').toISOString(),
        endsAt: local(3, '19:00').toISOString(),
        attendees: 8,
      });
      expect(answer.errors).toEqual([]);
      expect(answer.data!.requestReservation).toMatchObject({
        status: 'REQUESTED',
        startsAt: local(3, '17:00').toISOString(),
        endsAt: local(3, '19:00').toISOString(),
        purpose: 'Hallituksen kokous',
        attendees: 8,
        association: { id: associationId },
        space: { id: roomId },
      });
    });

    it('names every broken booking rule in one answer and writes nothing', async () => {
      const before = await reservationCount(roomId);
      const answer = await request({
        spaceId: roomId,
        startsAt: local(120, '21:10').toISOString(),
        endsAt: local(120, '23:30').toISOString(),
        attendees: 11,
      });
      expect(errorCodes(answer)).toEqual(['BAD_USER_INPUT']);
      expect(rules(answer)).toEqual([
        'input.startsAt TOO_FAR_AHEAD',
        'input.startsAt SLOT_GRID',
        'input.attendees CAPACITY',
        'input.startsAt OPENING_HOURS',
      ]);
      expect(await reservationCount(roomId)).toBe(before);
    });

    it('refuses the past, too short a notice, and too short or long a reservation', async () => {
      const past = await request({
        spaceId: roomId,
        startsAt: local(-1, '10:00').toISOString(),
        endsAt: local(-1, '11:00').toISOString(),
      });
      expect(rules(past)).toEqual(['input.startsAt NOT_IN_PAST']);
      const soon = new Date(Date.now() + 3_600_000);
      soon.setUTCMinutes(0, 0, 0);
      const lead = await request({
        spaceId: roomId,
        startsAt: new Date(soon.getTime() + 3_600_000).toISOString(),
        endsAt: new Date(soon.getTime() + 2 * 3_600_000).toISOString(),
      });
      expect(rules(lead)).toContain('input.startsAt LEAD_TIME');
      const short = await request({
        spaceId: roomId,
        startsAt: local(5, '10:00').toISOString(),
        endsAt: local(5, '10:30').toISOString(),
      });
      expect(rules(short)).toEqual(['input.endsAt MIN_DURATION']);
      const long = await request({
        spaceId: roomId,
        startsAt: local(5, '10:00').toISOString(),
        endsAt: local(5, '14:00').toISOString(),
      });
      expect(rules(long)).toEqual(['input.endsAt MAX_DURATION']);
      const backwards = await request({
        spaceId: roomId,
        startsAt: local(5, '12:00').toISOString(),
        endsAt: local(5, '10:00').toISOString(),
      });
      expect(rules(backwards)).toEqual(['input.endsAt AFTER_START']);
    });

    it('lets only the association’s own representatives ask', async () => {
      const stranger = await subgraph.token({
        role: 'representative',
        associationIds: [otherAssociationId],
      });
      const input = {
        spaceId: roomId,
        startsAt: local(6, '10:00').toISOString(),
        endsAt: local(6, '11:00').toISOString(),
      };
      expect(errorCodes(await request(input, stranger))).toEqual(['FORBIDDEN']);
      expect(
        errorCodes(
          await subgraph.request(REQUEST, { input: { ...input, associationId, purpose: 'x' } }),
        ),
      ).toEqual(['FORBIDDEN']);
    });

    it('answers CONFLICT naming the clash when the time is taken', async () => {
      const startsAt = local(7, '10:00');
      const endsAt = local(7, '12:00');
      await makeReservation(subgraph.db, roomId, { startsAt, endsAt });
      const answer = await request({
        spaceId: roomId,
        startsAt: local(7, '11:00').toISOString(),
        endsAt: local(7, '13:00').toISOString(),
      });
      expect(errorCodes(answer)).toEqual(['CONFLICT']);
      expect(answer.errors[0].extensions).toMatchObject({
        field: 'input.startsAt',
        clash: {
          spaceId: roomId,
          startsAt: startsAt.toISOString(),
          endsAt: endsAt.toISOString(),
          kind: 'RESERVATION',
        },
      });
    });

    it('treats a busy time from the booking system as taken', async () => {
      await makeBlockedTime(subgraph.db, roomId, {
        startsAt: local(8, '10:00'),
        endsAt: local(8, '12:00'),
        source: 'TIMMI',
      });
      const answer = await request({
        spaceId: roomId,
        startsAt: local(8, '11:00').toISOString(),
        endsAt: local(8, '12:00').toISOString(),
      });
      expect(errorCodes(answer)).toEqual(['CONFLICT']);
      expect(answer.errors[0].extensions).toMatchObject({ clash: { kind: 'BLOCKED' } });
    });

    it('frees the time again when a reservation is cancelled or rejected', async () => {
      const startsAt = local(9, '10:00').toISOString();
      const endsAt = local(9, '11:00').toISOString();
      const first = await request({ spaceId: roomId, startsAt, endsAt });
      await subgraph.request(CANCEL, { id: first.data!.requestReservation.id }, representative);
      const second = await request({ spaceId: roomId, startsAt, endsAt });
      expect(second.errors).toEqual([]);
      await subgraph.request(
        DECIDE,
        { input: { id: second.data!.requestReservation.id, decision: 'REJECT', note: 'Remontti' } },
        staff,
      );
      const third = await request({ spaceId: roomId, startsAt, endsAt });
      expect(third.data!.requestReservation.status).toBe('REQUESTED');
    });
  });

  describe('a split hall', () => {
    const time = (day: number) => ({
      startsAt: local(day, '18:00').toISOString(),
      endsAt: local(day, '20:00').toISOString(),
    });

    it('lets both halves be booked at once', async () => {
      expect((await request({ spaceId: halfAId, ...time(10) })).errors).toEqual([]);
      expect((await request({ spaceId: halfBId, ...time(10) })).errors).toEqual([]);
    });

    it('blocks the whole when a half is booked', async () => {
      await request({ spaceId: halfAId, ...time(11) });
      const whole = await request({ spaceId: hallId, ...time(11) });
      expect(errorCodes(whole)).toEqual(['CONFLICT']);
      expect(whole.errors[0].extensions).toMatchObject({ clash: { spaceId: halfAId } });
    });

    it('blocks both halves when the whole is booked', async () => {
      await request({ spaceId: hallId, ...time(12) });
      expect(errorCodes(await request({ spaceId: halfAId, ...time(12) }))).toEqual(['CONFLICT']);
      expect(errorCodes(await request({ spaceId: halfBId, ...time(12) }))).toEqual(['CONFLICT']);
    });
  });

  it('gives exactly one of 50 concurrent overlapping requests the time, and CONFLICT to the rest', async () => {
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        request({
          // Every request overlaps every other: all cover 18:00–19:00 of the same day.
          spaceId: i % 3 === 0 ? hallId : i % 3 === 1 ? halfAId : hallId,
          startsAt: local(20, i % 2 === 0 ? '17:00' : '18:00').toISOString(),
          endsAt: local(20, i % 2 === 0 ? '19:00' : '20:00').toISOString(),
        }),
      ),
    );
    const codes = answers.map((a) =>
      a.errors.length ? String(a.errors[0].extensions?.code) : 'OK',
    );
    expect(codes.filter((c) => c === 'OK')).toHaveLength(1);
    expect(codes.filter((c) => c === 'CONFLICT')).toHaveLength(49);
    const held: Array<{ n: number }> = await subgraph.db.query(
      `SELECT count(*)::int AS n FROM facilities.reservation
        WHERE space_id = ANY($1) AND status IN ('REQUESTED','CONFIRMED') AND during && tstzrange($2, $3)`,
      [[hallId, halfAId], local(20, '17:00'), local(20, '20:00')],
    );
    expect(held[0].n).toBe(1);
  });

  it('answers every loser of whole-hall-against-halves races with CONFLICT, never an internal error', async () => {
    // Two requests for the whole hall claim both halves; claimed in different orders they
    // deadlocked, and the loser got INTERNAL_SERVER_ERROR (1 in ~60 in the hardening run).
    const rounds = 15;
    const answers = await Promise.all(
      Array.from({ length: rounds }, (_, round) => {
        const at = (time: string) => local(40 + round, time).toISOString();
        return Promise.all([
          request({ spaceId: hallId, startsAt: at('17:00'), endsAt: at('19:00') }),
          request({ spaceId: hallId, startsAt: at('18:00'), endsAt: at('20:00') }),
          request({ spaceId: hallId, startsAt: at('18:30'), endsAt: at('19:30') }),
          request({ spaceId: halfAId, startsAt: at('18:00'), endsAt: at('19:00') }),
          request({ spaceId: halfBId, startsAt: at('18:00'), endsAt: at('19:00') }),
        ]);
      }),
    );
    for (const round of answers) {
      const codes = round.map((a) =>
        a.errors.length ? String(a.errors[0].extensions?.code) : 'OK',
      );
      expect(codes.filter((c) => c !== 'OK' && c !== 'CONFLICT')).toEqual([]);
      // Either one whole-hall request won, or the halves did (one each).
      const [w1, w2, w3, a, b] = codes.map((c) => c === 'OK');
      const wholes = [w1, w2, w3].filter(Boolean).length;
      expect(wholes === 1 ? !a && !b : wholes === 0 && (a || b)).toBe(true);
    }
  });

  describe('decideReservation and cancelReservation', () => {
    async function requested(day: number): Promise<string> {
      const answer = await request({
        spaceId: roomId,
        startsAt: local(day, '09:00').toISOString(),
        endsAt: local(day, '10:00').toISOString(),
      });
      expect(answer.errors).toEqual([]);
      return answer.data!.requestReservation.id;
    }

    it('lets staff of the owning service area confirm, with a note', async () => {
      const id = await requested(30);
      const answer = await subgraph.request(
        DECIDE,
        { input: { id, decision: 'CONFIRM', note: 'Tervetuloa!' } },
        staff,
      );
      expect(answer.errors).toEqual([]);
      expect(answer.data).toMatchObject({
        decideReservation: { id, status: 'CONFIRMED', decisionNote: 'Tervetuloa!' },
      });
    });

    it('refuses other service areas’ staff and representatives', async () => {
      const id = await requested(31);
      const otherStaff = await subgraph.token({ role: 'staff', serviceAreaIds: [randomUUID()] });
      for (const token of [otherStaff, representative]) {
        expect(
          errorCodes(await subgraph.request(DECIDE, { input: { id, decision: 'CONFIRM' } }, token)),
        ).toEqual(['FORBIDDEN']);
      }
    });

    it('requires a reason to reject', async () => {
      const id = await requested(32);
      const answer = await subgraph.request(DECIDE, { input: { id, decision: 'REJECT' } }, staff);
      expect(rules(answer)).toEqual(['input.note REQUIRED']);
    });

    it('allows only REQUESTED → CONFIRMED | REJECTED and REQUESTED | CONFIRMED → CANCELLED', async () => {
      const confirmed = await requested(33);
      await subgraph.request(DECIDE, { input: { id: confirmed, decision: 'CONFIRM' } }, staff);
      expect(
        rules(
          await subgraph.request(
            DECIDE,
            { input: { id: confirmed, decision: 'REJECT', note: 'x' } },
            staff,
          ),
        ),
      ).toEqual(['input.id STATUS_TRANSITION']);
      const cancelled = await subgraph.request<{ cancelReservation: { status: string } }>(
        CANCEL,
        { id: confirmed },
        representative,
      );
      expect(cancelled.data!.cancelReservation.status).toBe('CANCELLED');
      expect(rules(await subgraph.request(CANCEL, { id: confirmed }, representative))).toEqual([
        'id STATUS_TRANSITION',
      ]);
      expect(
        rules(
          await subgraph.request(DECIDE, { input: { id: confirmed, decision: 'CONFIRM' } }, staff),
        ),
      ).toEqual(['input.id STATUS_TRANSITION']);
      const rejected = await requested(34);
      await subgraph.request(
        DECIDE,
        { input: { id: rejected, decision: 'REJECT', note: 'Varattu muuhun' } },
        staff,
      );
      expect(rules(await subgraph.request(CANCEL, { id: rejected }, staff))).toEqual([
        'id STATUS_TRANSITION',
      ]);
    });

    it('lets one of two staff deciding at once win; the other gets CONFLICT', async () => {
      const id = await requested(35);
      const answers = await Promise.all([
        subgraph.request(DECIDE, { input: { id, decision: 'CONFIRM' } }, staff),
        subgraph.request(DECIDE, { input: { id, decision: 'REJECT', note: 'Päällekkäin' } }, staff),
      ]);
      const codes = answers
        .map((a) => (a.errors.length ? a.errors[0].extensions?.code : 'OK'))
        .sort();
      // The loser either lost the race in the UPDATE (CONFLICT) or read the winner's status.
      expect(codes[0]).toMatch(/BAD_USER_INPUT|CONFLICT/);
      expect(codes[1]).toBe('OK');
    });

    it('hides another association’s reservation from a representative (NOT_FOUND, nothing changed)', async () => {
      const id = await requested(36);
      const stranger = await subgraph.token({
        role: 'representative',
        associationIds: [otherAssociationId],
      });
      expect(errorCodes(await subgraph.request(CANCEL, { id }, stranger))).toEqual(['NOT_FOUND']);
      const rows: Array<{ status: string }> = await subgraph.db.query(
        'SELECT status FROM facilities.reservation WHERE id = $1',
        [id],
      );
      expect(rows[0].status).toBe('REQUESTED');
    });
  });

  describe('who sees reservations', () => {
    const LIST = `query($id: ID!) { _entities(representations: [{ __typename: "Association", id: $id }]) {
      ... on Association { reservations(first: 100) { totalCount edges { node { id association { id } } } } } } }`;

    it('shows an association’s reservations to its representatives and staff only', async () => {
      const mine = await subgraph.request<{
        _entities: Array<{ reservations: { totalCount: number } }>;
      }>(LIST, { id: associationId }, representative);
      expect(mine.errors).toEqual([]);
      expect(mine.data!._entities[0].reservations.totalCount).toBeGreaterThan(5);
      const asStaff = await subgraph.request<{
        _entities: Array<{ reservations: { totalCount: number } }>;
      }>(LIST, { id: associationId }, staff);
      expect(asStaff.data!._entities[0].reservations.totalCount).toBe(
        mine.data!._entities[0].reservations.totalCount,
      );
      const stranger = await subgraph.token({
        role: 'representative',
        associationIds: [otherAssociationId],
      });
      expect(errorCodes(await subgraph.request(LIST, { id: associationId }, stranger))).toEqual([
        'FORBIDDEN',
      ]);
      expect(errorCodes(await subgraph.request(LIST, { id: associationId }))).toEqual([
        'FORBIDDEN',
      ]);
    });

    it('lists only a representative’s own reservations, and none to anonymous callers', async () => {
      const QUERY = `query($f: ReservationFilter) { reservations(filter: $f, first: 100) { edges { node { association { id } } } } }`;
      const own = await subgraph.request<{
        reservations: { edges: Array<{ node: { association: { id: string } } }> };
      }>(QUERY, {}, representative);
      expect(new Set(own.data!.reservations.edges.map((e) => e.node.association.id))).toEqual(
        new Set([associationId]),
      );
      expect(
        errorCodes(
          await subgraph.request(
            QUERY,
            { f: { associationIds: [otherAssociationId] } },
            representative,
          ),
        ),
      ).toEqual(['FORBIDDEN']);
      expect(errorCodes(await subgraph.request(QUERY, {}))).toEqual(['FORBIDDEN']);
    });
  });
});
