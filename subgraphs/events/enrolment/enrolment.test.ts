import { randomUUID } from 'node:crypto';
import { eventsSubgraph } from '../events.subgraph';
import { makeEvent } from '../../../tests/factories/events.factory';
import {
  brokenRules,
  errorCodes,
  startTestSubgraph,
  type TestSubgraph,
} from '../../../tests/setup/subgraph-harness';
import { EnrolmentStatus } from './enrolment.enums';
import { promotable } from './enrolment.service';

const ENROL = `mutation($input: EnrolInput!) { enrol(input: $input) { id status people } }`;
const CANCEL = `mutation($id: ID!) { cancelEnrolment(id: $id) { status } }`;
const REGISTRATION = `query($id: ID!) { event(id: $id) { registration { capacity enrolled waitlisted placesLeft isOpen } } }`;

describe('Enrolment', () => {
  let subgraph: TestSubgraph;

  beforeAll(async () => {
    subgraph = await startTestSubgraph(eventsSubgraph);
  });

  afterAll(() => subgraph.stop());

  async function representativeOf(): Promise<{ associationId: string; token: string }> {
    const associationId = randomUUID();
    return {
      associationId,
      token: await subgraph.token({ role: 'representative', associationIds: [associationId] }),
    };
  }

  const enrol = async (
    eventId: string,
    people: number,
    who?: { associationId: string; token: string },
  ) => {
    const rep = who ?? (await representativeOf());
    const answer = await subgraph.request<{ enrol: { id: string; status: string } }>(
      ENROL,
      { input: { eventId, associationId: rep.associationId, people } },
      rep.token,
    );
    return { ...answer, rep };
  };

  it('promotes from the waiting list first come first served, stopping at a group that does not fit', () => {
    const e = (id: string, people: number, status: EnrolmentStatus) => ({ id, people, status });
    expect(
      promotable(10, [
        e('a', 6, EnrolmentStatus.ENROLLED),
        e('b', 3, EnrolmentStatus.WAITLISTED),
        e('c', 2, EnrolmentStatus.WAITLISTED),
        e('d', 1, EnrolmentStatus.WAITLISTED),
      ]),
    ).toEqual(['b']);
    expect(promotable(null, [e('x', 100, EnrolmentStatus.WAITLISTED)])).toEqual(['x']);
  });

  it('never enrols more people than the capacity, whatever 30 concurrent sign-ups do', async () => {
    const eventId = await makeEvent(subgraph.db, { capacity: 10 });
    const reps = await Promise.all(Array.from({ length: 30 }, () => representativeOf()));
    const answers = await Promise.all(reps.map((rep, i) => enrol(eventId, 1 + (i % 2), rep)));
    expect(answers.every((a) => a.errors.length === 0)).toBe(true);
    const rows: Array<{ status: string; people: number }> = await subgraph.db.query(
      'SELECT status, people FROM events.enrolment WHERE event_id = $1',
      [eventId],
    );
    const enrolled = rows
      .filter((r) => r.status === 'ENROLLED')
      .reduce((sum, r) => sum + r.people, 0);
    expect(enrolled).toBeLessThanOrEqual(10);
    expect(enrolled).toBeGreaterThanOrEqual(9);
    expect(rows.filter((r) => r.status === 'WAITLISTED').length).toBeGreaterThan(0);
  });

  it('moves the waiting list up when a sign-up is cancelled', async () => {
    const eventId = await makeEvent(subgraph.db, { capacity: 5 });
    const first = await enrol(eventId, 4);
    const second = await enrol(eventId, 3);
    const third = await enrol(eventId, 1);
    // The third would fit, but someone is waiting: no jumping the queue.
    expect([first, second, third].map((a) => a.data!.enrol.status)).toEqual([
      'ENROLLED',
      'WAITLISTED',
      'WAITLISTED',
    ]);
    expect((await subgraph.request(REGISTRATION, { id: eventId })).data).toEqual({
      event: {
        registration: { capacity: 5, enrolled: 4, waitlisted: 4, placesLeft: 1, isOpen: true },
      },
    });
    const cancelled = await subgraph.request(CANCEL, { id: first.data!.enrol.id }, first.rep.token);
    expect(cancelled.data).toEqual({ cancelEnrolment: { status: 'CANCELLED' } });
    const rows: Array<{ id: string; status: string }> = await subgraph.db.query(
      'SELECT id, status FROM events.enrolment WHERE event_id = $1 ORDER BY created_at',
      [eventId],
    );
    expect(rows.map((r) => r.status)).toEqual(['CANCELLED', 'ENROLLED', 'ENROLLED']);
    // Each association that moved up is told: an event per promotion, in the same commit.
    const told: Array<{ data: { entity: { id: string }; associationId: string; data: object } }> =
      await subgraph.db.query(
        `SELECT data FROM hub_events.job
          WHERE name = 'communications.decision-messages' AND data->>'type' = 'enrolment.promoted'
            AND data->'data'->'event'->>'id' = $1`,
        [eventId],
      );
    expect(told.map((j) => j.data.entity.id).sort()).toEqual(
      [second.data!.enrol.id, third.data!.enrol.id].sort(),
    );
    expect(told.map((j) => j.data.associationId).sort()).toEqual(
      [second.rep.associationId, third.rep.associationId].sort(),
    );
    expect(told[0].data.data).toMatchObject({ event: { id: eventId, title: expect.any(Object) } });
  });

  it('takes sign-ups only from the association’s representatives, while registration is open', async () => {
    const eventId = await makeEvent(subgraph.db, { capacity: 50 });
    const stranger = await subgraph.token({
      role: 'representative',
      associationIds: [randomUUID()],
    });
    expect(
      errorCodes(
        await subgraph.request(
          ENROL,
          { input: { eventId, associationId: randomUUID(), people: 2 } },
          stranger,
        ),
      ),
    ).toEqual(['FORBIDDEN']);
    const closed = await makeEvent(subgraph.db, {
      capacity: 50,
      registrationClosesAt: new Date(Date.now() - 3_600_000),
    });
    expect(brokenRules(await enrol(closed, 2))).toEqual(['input.eventId REGISTRATION_CLOSED']);
    const past = await makeEvent(subgraph.db, {
      capacity: 50,
      startsAt: new Date(Date.now() - 86_400_000),
    });
    expect(brokenRules(await enrol(past, 2))).toEqual(['input.eventId REGISTRATION_CLOSED']);
    expect(brokenRules(await enrol(eventId, 0))).toEqual(['input.people MIN']);
  });

  it('answers CONFLICT to a second sign-up of the same association', async () => {
    const eventId = await makeEvent(subgraph.db, { capacity: 50 });
    const rep = await representativeOf();
    await enrol(eventId, 2, rep);
    expect(errorCodes(await enrol(eventId, 3, rep))).toEqual(['CONFLICT']);
  });
});
