import type { DataSource } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '../../tests/setup/test-database';
import { associationsSubgraph } from '../associations/associations.subgraph';
import { CONSUMERS, type DomainEvent, DomainEventBus } from './domain-events';

const event = (id: string, sequence = 1): DomainEvent => ({
  type: 'reservation.decided',
  entity: { type: 'Reservation', id },
  sequence,
  associationId: '3cc89074-88ea-5938-8b07-c4848e1a512f',
  occurredAt: '2031-03-12T10:00:00.000Z',
  data: { status: 'CONFIRMED' },
});

async function until(condition: () => boolean | Promise<boolean>): Promise<void> {
  for (let i = 0; i < 1200; i++) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the condition never held');
}

describe(DomainEventBus.name, () => {
  let database: TestDatabase;
  let db: DataSource;
  let bus: DomainEventBus;
  const handled: DomainEvent[] = [];
  let failing = new Set<string>();
  const logged: string[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    db = await database.dataSource(associationsSubgraph);
    bus = new DomainEventBus(
      database.url,
      { retryLimit: 1, retryDelaySeconds: 0, pollSeconds: 0.5, maintenanceSeconds: 1 },
      (line) => logged.push(line),
    );
    await bus.consume(CONSUMERS.decisionMessages, async (e) => {
      if (failing.has(e.entity.id)) throw new Error(`cannot handle ${e.entity.id}`);
      handled.push(e);
    });
  });
  afterAll(async () => {
    await bus.stop();
    await database.drop();
  });

  it('delivers an event recorded in a committed transaction, with its data, once', async () => {
    await db.transaction(async (manager) => {
      await manager.query('SELECT 1');
      await bus.record(manager, event('committed'));
    });
    bus.wake();
    await until(() => handled.some((e) => e.entity.id === 'committed'));
    expect(handled.filter((e) => e.entity.id === 'committed')).toEqual([event('committed')]);
  });

  it('records nothing when the change is rolled back', async () => {
    await expect(
      db.transaction(async (manager) => {
        await bus.record(manager, event('rolled-back'));
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    // A marker recorded after it is handled; the rolled-back one never is.
    await db.transaction((manager) => bus.record(manager, event('marker')));
    bus.wake();
    await until(() => handled.some((e) => e.entity.id === 'marker'));
    expect(handled.some((e) => e.entity.id === 'rolled-back')).toBe(false);
  });

  it('hands the events of one entity over in the order they were recorded', async () => {
    for (let sequence = 1; sequence <= 5; sequence++) {
      await db.transaction((manager) => bus.record(manager, event('ordered', sequence)));
    }
    bus.wake();
    await until(() => handled.filter((e) => e.entity.id === 'ordered').length === 5);
    expect(handled.filter((e) => e.entity.id === 'ordered').map((e) => e.sequence)).toEqual([
      1, 2, 3, 4, 5,
    ]);
  });

  it('retries a failing consumer and then keeps the event in its dead letters, saying so', async () => {
    failing = new Set(['poison']);
    await db.transaction((manager) => bus.record(manager, event('poison')));
    bus.wake();
    await until(async () => (await bus.backlog())[CONSUMERS.decisionMessages].deadLetters === 1);
    expect(handled.some((e) => e.entity.id === 'poison')).toBe(false);
    expect(logged.filter((l) => l.includes('poison'))).toEqual([
      expect.stringMatching(/failed on reservation.decided of Reservation poison, will retry/),
      expect.stringMatching(/poison, moved to the dead letters: cannot handle poison/),
    ]);
    expect((await bus.backlog())[CONSUMERS.decisionMessages].waiting).toBe(0);
  });
});
