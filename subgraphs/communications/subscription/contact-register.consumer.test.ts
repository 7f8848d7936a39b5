import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { DomainEvent } from '../../core/domain-events';
import { createTestDatabase, type TestDatabase } from '../../../tests/setup/test-database';
import { ALL_SUBGRAPHS } from '../../all';
import { ContactRegisterConsumer } from './contact-register.consumer';

describe(ContactRegisterConsumer.name, () => {
  let database: TestDatabase;
  let db: DataSource;
  let consumer: ContactRegisterConsumer;
  const association = randomUUID();
  const chair = randomUUID();
  const treasurer = randomUUID();

  beforeAll(async () => {
    database = await createTestDatabase();
    db = await database.dataSource(ALL_SUBGRAPHS.find((d) => d.name === 'communications')!);
    consumer = new ContactRegisterConsumer(db);
  });
  afterAll(() => database.drop());

  const register = (
    sequence: number,
    contacts: Array<{ id: string; email: string | null }>,
  ): DomainEvent => ({
    type: 'association.contacts-changed',
    entity: { type: 'Association', id: association },
    sequence,
    associationId: association,
    occurredAt: new Date(sequence).toISOString(),
    data: { contacts: contacts.map((c) => ({ ...c, name: 'X', role: 'CHAIR' })) },
  });

  const live = async () =>
    (await db.query(
      `SELECT contact_id, address FROM communications.subscription
        WHERE association_id = $1 AND ended_at IS NULL ORDER BY address`,
      [association],
    )) as Array<{ contact_id: string; address: string }>;

  it('subscribes each contact with an address, in one canonical form, to no topic', async () => {
    await consumer.handle(
      register(1, [
        { id: chair, email: 'Puheenjohtaja@Seura.example' },
        { id: treasurer, email: null },
      ]),
    );
    expect(await live()).toEqual([{ contact_id: chair, address: 'puheenjohtaja@seura.example' }]);
    const [row] = await db.query(
      `SELECT topics, confirmed_at IS NOT NULL AS confirmed FROM communications.subscription WHERE contact_id = $1`,
      [chair],
    );
    expect(row).toEqual({ topics: [], confirmed: true });
  });

  it('moves an address, adds a new contact, and ignores a message the register has moved past', async () => {
    await consumer.handle(
      register(3, [
        { id: chair, email: 'pj@seura.example' },
        { id: treasurer, email: 'kassa@seura.example' },
      ]),
    );
    await consumer.handle(register(2, [{ id: chair, email: 'vanha@seura.example' }]));
    expect(await live()).toEqual([
      { contact_id: treasurer, address: 'kassa@seura.example' },
      { contact_id: chair, address: 'pj@seura.example' },
    ]);
  });

  it('ends and erases a removed contact, and does not subscribe again one who unsubscribed', async () => {
    await db.query(
      `UPDATE communications.subscription SET ended_at = now(), address = NULL WHERE contact_id = $1`,
      [treasurer],
    );
    await consumer.handle(register(4, [{ id: treasurer, email: 'kassa@seura.example' }]));
    expect(await live()).toEqual([]);
    const erased = await db.query(
      `SELECT count(*)::int AS n FROM communications.subscription WHERE association_id = $1 AND address IS NOT NULL`,
      [association],
    );
    expect(erased).toEqual([{ n: 0 }]);
  });
});
