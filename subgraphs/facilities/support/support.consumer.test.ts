import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { makeFacility, makeSpace } from '../../../tests/factories/facilities.factory';
import { everyAssociationExists } from '../../../tests/setup/association-directory';
import { createTestDatabase, type TestDatabase } from '../../../tests/setup/test-database';
import {
  CONSUMERS,
  DEFAULT_BUS_OPTIONS,
  DomainEventBus,
  type DomainEvent,
} from '../../core/domain-events';
import type { SupportRequestedData } from '../../core/event-support';
import type { PublicGraph } from '../../core/public-graph';
import { fromHelsinkiLocal } from '../../core/time';
import { BookingBridge } from '../booking/booking-bridge';
import { facilitiesSubgraph } from '../facilities.subgraph';
import { FacilitiesSupportConsumer } from './support.consumer';

/**
 * The facilities side of event support requests on a real PostgreSQL: a part is made once
 * however often its message comes (at-least-once delivery), a refusal is kept with its
 * reason, and each answer is recorded for the events subgraph exactly once.
 */
describe(FacilitiesSupportConsumer.name, () => {
  let database: TestDatabase;
  let db: DataSource;
  let bus: DomainEventBus;
  let consumer: FacilitiesSupportConsumer;
  let space: string;
  let item: string;
  const association = randomUUID();
  const now = new Date('2027-03-01T10:00:00Z');
  const event = randomUUID();

  beforeAll(async () => {
    database = await createTestDatabase();
    db = await database.dataSource(facilitiesSubgraph);
    bus = new DomainEventBus(database.url, DEFAULT_BUS_OPTIONS);
    const graph: PublicGraph = {
      query: () => Promise.reject(new Error('the consumer asks nothing of the graph')),
    } as unknown as PublicGraph;
    consumer = new FacilitiesSupportConsumer(
      db,
      { associations: everyAssociationExists, graph, events: bus },
      BookingBridge.none(),
      () => now,
    );
    space = await makeSpace(db, await makeFacility(db), { maxDurationMinutes: 600 });
    item = randomUUID();
    await db.query(
      `INSERT INTO facilities.equipment_item (id, name, quantity) VALUES ($1, '{"fi":"Teltta"}', 1)`,
      [item],
    );
  });
  afterAll(async () => {
    await bus.stop();
    await database.drop();
  });

  const message = (parts: SupportRequestedData['parts']): DomainEvent =>
    ({
      type: 'event-support.requested',
      entity: { type: 'EventSupportRequest', id: randomUUID() },
      sequence: 1,
      associationId: association,
      occurredAt: now.toISOString(),
      data: {
        requestId: randomUUID(),
        requestedBy: 'sihteeri',
        event: {
          id: event,
          title: { fi: 'Kevätjuhla', sv: null, en: null },
          startsAt: fromHelsinkiLocal('2027-03-20T18:00').toISOString(),
          endsAt: fromHelsinkiLocal('2027-03-20T20:00').toISOString(),
        },
        parts,
      },
    }) as unknown as DomainEvent;

  const window = {
    startsAt: fromHelsinkiLocal('2027-03-20T17:00').toISOString(),
    endsAt: fromHelsinkiLocal('2027-03-20T20:30').toISOString(),
  };
  const answers = async () => (await bus.backlog())[CONSUMERS.supportRequests].waiting;

  it('makes each part once however often the message comes, and answers once', async () => {
    const spacePart = randomUUID();
    const loanPart = randomUUID();
    const request = message([
      { id: spacePart, kind: 'SPACE', details: { spaceId: space, ...window, attendees: 15 } },
      { id: loanPart, kind: 'EQUIPMENT', details: { itemId: item, quantity: 1, ...window } },
    ]);
    const before = await answers();
    await consumer.handle(request);
    await consumer.handle(request);
    const reservations = await db.query(
      `SELECT r.status, r.purpose, r.requested_by FROM facilities.reservation r
         JOIN facilities.support_part_answer a ON a.target_id = r.id WHERE a.part_id = $1`,
      [spacePart],
    );
    expect(reservations).toEqual([
      { status: 'REQUESTED', purpose: 'Kevätjuhla', requested_by: 'sihteeri' },
    ]);
    const loans = await db.query(
      `SELECT count(*)::int AS n FROM facilities.equipment_reservation WHERE association_id = $1`,
      [association],
    );
    expect(loans).toEqual([{ n: 1 }]);
    expect((await answers()) - before).toBe(2);
  });

  it('keeps a refusal with its reason in the support request’s words, and does not retry it', async () => {
    // The one tent is lent above, and the same hall time is taken: both parts are refused.
    const spacePart = randomUUID();
    const loanPart = randomUUID();
    const request = message([
      { id: spacePart, kind: 'SPACE', details: { spaceId: space, ...window, attendees: null } },
      { id: loanPart, kind: 'EQUIPMENT', details: { itemId: item, quantity: 1, ...window } },
    ]);
    const before = await answers();
    await consumer.handle(request);
    await consumer.handle(request);
    const refusals = (await db.query(
      `SELECT part_id, refusal FROM facilities.support_part_answer WHERE part_id = ANY($1)`,
      [[spacePart, loanPart]],
    )) as Array<{ part_id: string; refusal: string }>;
    const reason = (part: string) => refusals.find((r) => r.part_id === part)?.refusal;
    expect(reason(spacePart)).toMatch(/^space\.startsAt: /);
    expect(reason(loanPart)).toMatch(/^equipment\.quantity: only 0 of 1 are free/);
    expect((await answers()) - before).toBe(2);
  });

  it('throws what is no refusal, so the message is retried, and records nothing', async () => {
    const part = randomUUID();
    const broken = message([
      { id: part, kind: 'SPACE', details: { spaceId: space, ...window, attendees: null } },
    ]);
    await db.query(`ALTER TABLE facilities.support_part_answer RENAME TO support_part_answer_gone`);
    try {
      await expect(consumer.handle(broken)).rejects.toThrow(/support_part_answer/);
    } finally {
      await db.query(
        `ALTER TABLE facilities.support_part_answer_gone RENAME TO support_part_answer`,
      );
    }
    expect(
      await db.query(`SELECT 1 FROM facilities.support_part_answer WHERE part_id = $1`, [part]),
    ).toEqual([]);
  });
});
