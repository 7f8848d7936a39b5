import { randomUUID } from 'node:crypto';
import { CircuitBreaker, withCircuitBreaker } from '../../../integrations/booking/circuit-breaker';
import { IcsClient } from '../../../integrations/booking/ics/client';
import { IcsFeedTestServer } from '../../../integrations/booking/ics/ics-feed-test-server';
import { RespaClient } from '../../../integrations/booking/respa/client';
import { RespaApiTestServer } from '../../../integrations/booking/respa/respa-test-server';
import { TimmiClient } from '../../../integrations/booking/timmi/client';
import { WebTimmiTestServer } from '../../../integrations/booking/timmi/webtimmi-test-server';
import type { BookingSystem } from '../../../integrations/booking/types';
import { makeFacility, makeSpace } from '../../../tests/factories/facilities.factory';
import {
  errorCodes,
  startTestSubgraph,
  type TestSubgraph,
} from '../../../tests/setup/subgraph-harness';
import { fromHelsinkiLocal } from '../../core/time';
import { createFacilitiesSubgraph } from '../facilities.subgraph';
import { addDays, helsinkiDate } from '../space/availability';
import { BookingBridge } from './booking-bridge';
import { BookingSyncService } from './booking-sync.service';

const noWait = () => Promise.resolve();
const local = (days: number, time: string) =>
  fromHelsinkiLocal(`${addDays(helsinkiDate(new Date()), days)}T${time}`);
const guard = (system: BookingSystem) =>
  withCircuitBreaker(
    system,
    new CircuitBreaker(system.kind, { failureThreshold: 2, cooldownMs: 60_000 }),
  );

const REQUEST = `mutation($input: RequestReservationInput!) {
  requestReservation(input: $input) { id status externalId awaitingEntryInBookingSystem } }`;
const SPACE = `query($id: ID!, $from: DateTime!, $to: DateTime!) { space(id: $id) {
  bookingSystem { kind externalId stale lastSyncedAt } availability(from: $from, to: $to) { startsAt endsAt } } }`;

/** The domain events a sync recorded for one consumer, about one entity. */
async function toldTo(
  subgraph: TestSubgraph,
  consumer: string,
  entityId: string,
): Promise<Array<{ type: string; data: Record<string, unknown> }>> {
  const rows: Array<{ data: { type: string; data: Record<string, unknown> } }> =
    await subgraph.db.query(
      `SELECT data FROM hub_events.job WHERE name = $1 AND data->'entity'->>'id' = $2 ORDER BY created_on`,
      [consumer, entityId],
    );
  return rows.map((r) => r.data);
}

describe(BookingSyncService.name, () => {
  let timmi: WebTimmiTestServer;
  let respa: RespaApiTestServer;
  let feeds: IcsFeedTestServer;
  let bridge: BookingBridge;
  let subgraph: TestSubgraph;
  let sync: BookingSyncService;
  let timmiSpace: string;
  let respaSpace: string;
  let icsSpace: string;
  const associationId = randomUUID();
  let representative: string;

  beforeAll(async () => {
    timmi = await new WebTimmiTestServer().start();
    respa = await new RespaApiTestServer('token').start();
    feeds = await new IcsFeedTestServer().start();
    const http = { timeoutMs: 300, retries: 0, backoffMs: 1, sleep: noWait };
    bridge = new BookingBridge(
      {
        TIMMI: guard(new TimmiClient({ baseUrl: timmi.baseUrl, adminAreaId: '7', ...http })),
        RESPA: guard(new RespaClient({ baseUrl: respa.baseUrl, apiToken: 'token', ...http })),
        ICS: guard(new IcsClient({ ...http, allowLoopback: true })),
      },
      60 * 60_000,
    );
    subgraph = await startTestSubgraph(createFacilitiesSubgraph(bridge));
    sync = new BookingSyncService(subgraph.db, bridge, subgraph.events);
    const facility = await makeFacility(subgraph.db);
    timmiSpace = await makeSpace(subgraph.db, facility, {
      bookingSystem: 'TIMMI',
      externalId: '101',
    });
    respaSpace = await makeSpace(subgraph.db, facility, {
      bookingSystem: 'RESPA',
      externalId: 'res1',
    });
    icsSpace = await makeSpace(subgraph.db, facility, {
      bookingSystem: 'ICS',
      externalId: feeds.url('/sali.ics'),
    });
    timmi.roomParts.push(
      { roomPartId: 101, roomPartName: 'Sali' },
      { roomPartId: 102, roomPartName: 'Kokoushuone' },
    );
    respa.resources.push({ id: 'res1', name: { fi: 'Studio' } });
    representative = await subgraph.token({
      role: 'representative',
      associationIds: [associationId],
    });
  });

  afterAll(async () => {
    await subgraph.stop();
    await Promise.all([timmi.stop(), respa.stop(), feeds.stop()]);
  });

  /** A representative's request for a space, `day` days ahead, Helsinki times. */
  function ask<T = Record<string, unknown>>(
    spaceId: string,
    day: number,
    from: string,
    to: string,
    purpose: string,
    extra: Record<string, unknown> = {},
  ) {
    const input = {
      spaceId,
      associationId,
      purpose,
      startsAt: local(day, from).toISOString(),
      endsAt: local(day, to).toISOString(),
      ...extra,
    };
    return subgraph.request<T>(REQUEST, { input }, representative);
  }

  async function syncNow(options: { daysAhead: number }) {
    const reports = await sync.syncAll(options);
    if (!reports) throw new Error('the sync lock was taken');
    return reports;
  }

  it('lets one sync run at a time: a second one while the lock is held skips', async () => {
    const holder = subgraph.db.createQueryRunner();
    await holder.connect();
    await holder.query('SELECT pg_advisory_lock(7241004)');
    try {
      expect(await sync.syncAll({ daysAhead: 1 })).toBeNull();
    } finally {
      await holder.query('SELECT pg_advisory_unlock(7241004)');
      await holder.release();
    }
  });

  async function availability(spaceId: string, day: number) {
    const answer = await subgraph.request<{
      space: {
        bookingSystem: { stale: boolean; lastSyncedAt: string | null };
        availability: Array<{ startsAt: string; endsAt: string }>;
      };
    }>(SPACE, {
      id: spaceId,
      from: local(day, '00:00').toISOString(),
      to: local(day + 1, '00:00').toISOString(),
    });
    expect(answer.errors).toEqual([]);
    return answer.data!.space;
  }

  it('copies TIMMI bookings as busy times, removes ones TIMMI dropped, and lists unlinked room parts', async () => {
    timmi.episodes.push(
      {
        eventBookingId: 1,
        roomPartId: 101,
        startDateInMills: local(3, '10:00').getTime(),
        endDateInMills: local(3, '12:00').getTime(),
      },
      {
        eventBookingId: 2,
        roomPartId: 101,
        startDateInMills: local(3, '14:00').getTime(),
        endDateInMills: local(3, '15:00').getTime(),
      },
    );
    // Each sync that changes the space's busy times says so, so cached free times go.
    const cacheTold = async () =>
      (await toldTo(subgraph, 'gateway.cache-retirement', timmiSpace)).filter(
        (e) => e.type === 'space.busy-times-changed',
      ).length;
    const toldBefore = await cacheTold();
    const [report] = await syncNow({ daysAhead: 60 });
    expect(report).toMatchObject({
      system: 'TIMMI',
      ok: true,
      spaces: 1,
      busyAdded: 2,
      busyRemoved: 0,
    });
    expect(await cacheTold()).toBe(toldBefore + 1);
    expect(report.unlinkedResources).toEqual([{ externalId: '102', name: 'Kokoushuone' }]);
    const space = await availability(timmiSpace, 3);
    expect(space.bookingSystem.stale).toBe(false);
    expect(space.availability).toEqual([
      { startsAt: local(3, '08:00').toISOString(), endsAt: local(3, '10:00').toISOString() },
      { startsAt: local(3, '12:00').toISOString(), endsAt: local(3, '14:00').toISOString() },
      { startsAt: local(3, '15:00').toISOString(), endsAt: local(3, '22:00').toISOString() },
    ]);
    timmi.episodes.splice(1, 1);
    const [again] = await syncNow({ daysAhead: 60 });
    expect(again).toMatchObject({ busyAdded: 0, busyRemoved: 1 });
    expect(await cacheTold()).toBe(toldBefore + 2);
    // Nothing changed: nothing told.
    await syncNow({ daysAhead: 60 });
    expect(await cacheTold()).toBe(toldBefore + 2);
  });

  it('keeps a request for a TIMMI space in the hub until staff enter it there; the next sync confirms it', async () => {
    const answer = await ask<{
      requestReservation: { id: string; status: string; awaitingEntryInBookingSystem: boolean };
    }>(timmiSpace, 4, '17:00', '19:00', 'Kevätjuhla');
    expect(answer.errors).toEqual([]);
    expect(answer.data!.requestReservation).toMatchObject({
      status: 'REQUESTED',
      awaitingEntryInBookingSystem: true,
    });
    timmi.episodes.push({
      eventBookingId: 77,
      roomPartId: 101,
      startDateInMills: local(4, '17:00').getTime(),
      endDateInMills: local(4, '19:00').getTime(),
    });
    const [report] = await syncNow({ daysAhead: 60 });
    expect(report.confirmed).toEqual([answer.data!.requestReservation.id]);
    const rows: Array<{ status: string; external_id: string }> = await subgraph.db.query(
      'SELECT status, external_id FROM facilities.reservation WHERE id = $1',
      [answer.data!.requestReservation.id],
    );
    expect(rows[0]).toEqual({ status: 'CONFIRMED', external_id: '77/101' });
    // Staff entering it in TIMMI is the decision: the association is told, as from the hub.
    const told = await toldTo(
      subgraph,
      'communications.decision-messages',
      answer.data!.requestReservation.id,
    );
    expect(told.map((e) => [e.type, e.data.status, e.data.supportPartId])).toEqual([
      ['reservation.decided', 'CONFIRMED', null],
    ]);
    // The booking is our own reservation, not a second busy time on top of it.
    const blocked: unknown[] = await subgraph.db.query(
      `SELECT 1 FROM facilities.blocked_time WHERE external_id = '77/101'`,
    );
    expect(blocked).toEqual([]);
  });

  it('links a reservation staff confirmed in the hub once they have entered it into TIMMI', async () => {
    const answer = await ask<{ requestReservation: { id: string } }>(
      timmiSpace,
      9,
      '10:00',
      '11:00',
      'Kokous',
    );
    const id = answer.data!.requestReservation.id;
    await subgraph.db.query(
      `UPDATE facilities.reservation SET status = 'CONFIRMED' WHERE id = $1`,
      [id],
    );
    const AWAITING = `query($id: ID!) { reservation(id: $id) { status awaitingEntryInBookingSystem } }`;
    expect((await subgraph.request(AWAITING, { id }, representative)).data).toEqual({
      reservation: { status: 'CONFIRMED', awaitingEntryInBookingSystem: true },
    });
    timmi.episodes.push({
      eventBookingId: 88,
      roomPartId: 101,
      startDateInMills: local(9, '10:00').getTime(),
      endDateInMills: local(9, '11:00').getTime(),
    });
    const [report] = await syncNow({ daysAhead: 60 });
    expect(report.confirmed).toEqual([id]);
    expect((await subgraph.request(AWAITING, { id }, representative)).data).toEqual({
      reservation: { status: 'CONFIRMED', awaitingEntryInBookingSystem: false },
    });
    // Linked, not decided again: staff's decision in the hub was the one told.
    expect(await toldTo(subgraph, 'communications.decision-messages', id)).toEqual([]);
    const blocked: unknown[] = await subgraph.db.query(
      `SELECT 1 FROM facilities.blocked_time WHERE external_id = '88/101'`,
    );
    expect(blocked).toEqual([]);
  });

  it('serves the last copy marked stale when TIMMI is down, and records the failure', async () => {
    timmi.misbehave({ status: 500 }, { status: 500 }, { status: 500 }, { status: 500 });
    const [first] = await syncNow({ daysAhead: 60 });
    expect(first).toMatchObject({ ok: false });
    await syncNow({ daysAhead: 60 });
    const space = await availability(timmiSpace, 3);
    expect(space.bookingSystem.stale).toBe(true);
    // Still the busy time copied before the outage.
    expect(space.availability[0]).toEqual({
      startsAt: local(3, '08:00').toISOString(),
      endsAt: local(3, '10:00').toISOString(),
    });
    const state: Array<{ last_error: string }> = await subgraph.db.query(
      `SELECT last_error FROM facilities.sync_state WHERE system = 'TIMMI'`,
    );
    expect(state[0].last_error).toMatch(/TIMMI/);
  });

  it('sends a request for a Respa space to Respa, and copies Respa’s decision back', async () => {
    const answer = await ask<{
      requestReservation: { id: string; status: string; externalId: string };
    }>(respaSpace, 5, '17:00', '18:00', 'Bänditreenit', { attendees: 5 });
    expect(answer.errors).toEqual([]);
    expect(answer.data!.requestReservation).toMatchObject({
      status: 'REQUESTED',
      externalId: '1000',
    });
    expect(respa.reservations[0]).toMatchObject({
      resource: 'res1',
      event_subject: 'Bänditreenit',
      state: 'requested',
    });
    respa.reservations[0].state = 'confirmed';
    const reports = await syncNow({ daysAhead: 60 });
    expect(reports.find((r) => r.system === 'RESPA')!.confirmed).toEqual([
      answer.data!.requestReservation.id,
    ]);
    const told = await toldTo(
      subgraph,
      'communications.decision-messages',
      answer.data!.requestReservation.id,
    );
    expect(told.map((e) => [e.type, e.data.status])).toEqual([
      ['reservation.decided', 'CONFIRMED'],
    ]);
  });

  it('answers CONFLICT when Respa already has the time, and writes nothing', async () => {
    respa.reservations.push({
      id: 5,
      resource: 'res1',
      begin: local(6, '17:00').toISOString(),
      end: local(6, '18:00').toISOString(),
      state: 'confirmed',
    });
    const answer = await ask(respaSpace, 6, '17:00', '18:00', 'x');
    expect(errorCodes(answer)).toEqual(['CONFLICT']);
    const rows: unknown[] = await subgraph.db.query(
      'SELECT 1 FROM facilities.reservation WHERE space_id = $1 AND starts_at = $2',
      [respaSpace, local(6, '17:00')],
    );
    expect(rows).toEqual([]);
  });

  it('answers UPSTREAM_UNAVAILABLE when Respa is down, writes nothing, and fails fast once the circuit opens', async () => {
    const askAgain = () => ask(respaSpace, 7, '17:00', '18:00', 'x');
    respa.misbehave({ status: 503 }, { status: 503 });
    expect(errorCodes(await askAgain())).toEqual(['UPSTREAM_UNAVAILABLE']);
    expect(errorCodes(await askAgain())).toEqual(['UPSTREAM_UNAVAILABLE']);
    const before = respa.requests.length;
    const third = await askAgain();
    expect(errorCodes(third)).toEqual(['UPSTREAM_UNAVAILABLE']);
    expect(respa.requests.length).toBe(before);
    const rows: unknown[] = await subgraph.db.query(
      'SELECT 1 FROM facilities.reservation WHERE space_id = $1 AND starts_at = $2',
      [respaSpace, local(7, '17:00')],
    );
    expect(rows).toEqual([]);
  });

  it('copies busy times from an ICS feed', async () => {
    const stamp = (d: Date) =>
      d
        .toISOString()
        .replace(/[-:]/g, '')
        .replace(/\.\d{3}/, '');
    feeds.feeds.set(
      '/sali.ics',
      [
        'BEGIN:VCALENDAR',
        'VERSION:2.0',
        'PRODID:-//t//t//FI',
        'BEGIN:VEVENT',
        'UID:a@t',
        `DTSTAMP:${stamp(new Date())}`,
        `DTSTART:${stamp(local(8, '09:00'))}`,
        `DTEND:${stamp(local(8, '21:00'))}`,
        'END:VEVENT',
        'END:VCALENDAR',
      ].join('\r\n'),
    );
    const reports = await syncNow({ daysAhead: 60 });
    expect(reports.find((r) => r.system === 'ICS')).toMatchObject({ ok: true, busyAdded: 1 });
    const space = await availability(icsSpace, 8);
    expect(space.availability).toEqual([
      { startsAt: local(8, '08:00').toISOString(), endsAt: local(8, '09:00').toISOString() },
      { startsAt: local(8, '21:00').toISOString(), endsAt: local(8, '22:00').toISOString() },
    ]);
  });

  it('refuses a feed at an internal address without stopping the other feeds, and keeps no body', async () => {
    // Staff pointed a second space at the cloud metadata service: the policy refuses it,
    // and the good feed is still copied (busy times unchanged, the sync named the failure).
    const facility = await makeFacility(subgraph.db, {});
    await makeSpace(subgraph.db, facility, {
      bookingSystem: 'ICS',
      externalId: 'http://169.254.169.254/latest/meta-data/',
    });
    const reports = await syncNow({ daysAhead: 60 });
    const ics = reports.find((r) => r.system === 'ICS')!;
    expect(ics.ok).toBe(false);
    expect(ics.error).toMatch(
      /^1 of 2 feeds failed: .*private, link-local or reserved address \(169\.254\.169\.254\)$/,
    );
    const space = await availability(icsSpace, 8);
    expect(space.availability).toHaveLength(2);
    expect(space.bookingSystem.stale).toBe(false);
  });
});
