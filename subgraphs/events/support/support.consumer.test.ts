import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { makeEvent } from '../../../tests/factories/events.factory';
import { createTestDatabase, type TestDatabase } from '../../../tests/setup/test-database';
import { Data } from '../../core/data';
import {
  CONSUMERS,
  DEFAULT_BUS_OPTIONS,
  DomainEventBus,
  type DomainEvent,
} from '../../core/domain-events';
import { eventsSubgraph } from '../events.subgraph';
import { createEventsRepositories } from '../events.repositories';
import { SupportConsumer } from './support.consumer';
import { SupportPartKind } from './support.enums';

/**
 * The events subgraph's side of support parts on a real PostgreSQL: answers and decisions
 * arrive at least once and, under retries, out of order; a part only moves forward, and the
 * request is told decided once, when its last part settles.
 */
describe(SupportConsumer.name, () => {
  let database: TestDatabase;
  let db: DataSource;
  let bus: DomainEventBus;
  let consumer: SupportConsumer;
  const now = new Date('2027-03-01T10:00:00Z');

  beforeAll(async () => {
    database = await createTestDatabase();
    db = await database.dataSource(eventsSubgraph);
    bus = new DomainEventBus(database.url, DEFAULT_BUS_OPTIONS);
    consumer = new SupportConsumer(new Data(db, createEventsRepositories), bus, () => now);
  });
  afterAll(async () => {
    await bus.stop();
    await database.drop();
  });

  async function request(kinds: SupportPartKind[]) {
    const association = randomUUID();
    const event = await makeEvent(db, { organizerIds: [association] });
    const { id, partIds } = await createEventsRepositories(db).support.insertRequest(
      {
        eventId: event,
        associationId: association,
        requestedBy: 'x',
        message: null,
        createdAt: now,
      },
      kinds.map((kind) => ({
        kind,
        details: { roundId: randomUUID(), requestedAmount: '1.00', purpose: null },
      })),
    );
    return { id, partIds };
  }
  const answered = (partId: string, status: 'REQUESTED' | 'REFUSED', targetId: string | null) =>
    ({
      type: 'event-support.part-answered',
      entity: { type: 'EventSupportRequest', id: randomUUID() },
      sequence: 1,
      associationId: null,
      occurredAt: now.toISOString(),
      data: { requestId: '', partId, status, reason: status === 'REFUSED' ? 'no' : null, targetId },
    }) as unknown as DomainEvent;
  const decided = (partId: string | null, status: string, target: string) =>
    ({
      type: 'grant-application.decided',
      entity: { type: 'GrantApplication', id: target },
      sequence: 2,
      associationId: null,
      occurredAt: now.toISOString(),
      data: { status, note: 'Perustelu', supportPartId: partId },
    }) as unknown as DomainEvent;
  const parts = async (requestId: string) =>
    (await db.query(
      `SELECT status, reason, target_id FROM events.support_part WHERE request_id = $1 ORDER BY position`,
      [requestId],
    )) as Array<{ status: string; reason: string | null; target_id: string | null }>;
  const decidedAt = async (requestId: string) =>
    (
      (await db.query(`SELECT decided_at FROM events.support_request WHERE id = $1`, [
        requestId,
      ])) as [{ decided_at: Date | null }]
    )[0].decided_at;
  const told = async () => (await bus.backlog())[CONSUMERS.decisionMessages].waiting;

  it('takes a decision that overtook its answer, and ignores the late answer', async () => {
    const { id, partIds } = await request([SupportPartKind.GRANT]);
    const target = randomUUID();
    const before = await told();
    await consumer.handle(decided(partIds[0], 'PARTIALLY_APPROVED', target));
    await consumer.handle(answered(partIds[0], 'REQUESTED', target));
    expect(await parts(id)).toEqual([
      { status: 'CONFIRMED', reason: 'Perustelu', target_id: target },
    ]);
    expect(await decidedAt(id)).toEqual(now);
    expect((await told()) - before).toBe(1);
  });

  it('tells the request decided once, when its last part settles, however often messages come', async () => {
    const { id, partIds } = await request([SupportPartKind.GRANT, SupportPartKind.GRANT]);
    const target = randomUUID();
    const before = await told();
    await consumer.handle(answered(partIds[0], 'REQUESTED', target));
    await consumer.handle(answered(partIds[1], 'REFUSED', null));
    expect(await decidedAt(id)).toBeNull();
    await consumer.handle(decided(partIds[0], 'REJECTED', target));
    await consumer.handle(decided(partIds[0], 'REJECTED', target));
    expect((await parts(id)).map((p) => p.status)).toEqual(['REJECTED', 'REFUSED']);
    expect((await told()) - before).toBe(1);
  });

  it('ignores decisions of what no support request asked for', async () => {
    const before = await told();
    await consumer.handle(decided(null, 'APPROVED', randomUUID()));
    expect((await told()) - before).toBe(0);
  });

  it('has a part made after its request was cancelled undone too, and tells no summary', async () => {
    const { id, partIds } = await request([SupportPartKind.GRANT, SupportPartKind.GRANT]);
    await createEventsRepositories(db).support.markCancelled(id, 'sihteeri', now);
    const before = await told();
    const undo = async () => (await bus.backlog())[CONSUMERS.supportInGrants].waiting;
    const undoBefore = await undo();
    // The first part was made by an owner that was retrying when the request was cancelled.
    await consumer.handle(answered(partIds[0], 'REQUESTED', randomUUID()));
    expect(await undo()).toBe(undoBefore + 1);
    const [job] = (await db.query(
      `SELECT data FROM hub_events.job WHERE name = $1 AND data->>'type' = 'event-support.cancelled'
          AND data->'entity'->>'id' = $2`,
      [CONSUMERS.supportInGrants, id],
    )) as Array<{ data: { data: { cancelledBy: string; parts: Array<{ id: string }> } } }>;
    expect(job.data.data).toMatchObject({ cancelledBy: 'sihteeri', parts: [{ id: partIds[0] }] });
    // The other was refused, and then the first cancelled: settled, and still no summary.
    await consumer.handle(answered(partIds[1], 'REFUSED', null));
    await consumer.handle(decided(partIds[0], 'CANCELLED', randomUUID()));
    expect((await parts(id)).map((p) => p.status)).toEqual(['CANCELLED', 'REFUSED']);
    expect(await decidedAt(id)).not.toBeNull();
    expect((await told()) - before).toBe(0);
  });
});
