import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { DomainEvent } from '../../core/domain-events';
import { createTestDatabase, type TestDatabase } from '../../../tests/setup/test-database';
import { ALL_SUBGRAPHS } from '../../all';
import { SignUpRepository } from './sign-up.repository';
import { SignUpConsumer } from './sign-up.consumer';

describe(SignUpConsumer.name, () => {
  let database: TestDatabase;
  let db: DataSource;
  let consumer: SignUpConsumer;
  const event = randomUUID();
  const club = randomUUID();
  const chess = randomUUID();
  const clubSignUp = randomUUID();
  const chessSignUp = randomUUID();

  beforeAll(async () => {
    database = await createTestDatabase();
    db = await database.dataSource(ALL_SUBGRAPHS.find((d) => d.name === 'communications')!);
    consumer = new SignUpConsumer(db);
  });
  afterAll(() => database.drop());

  const changed = (
    enrolment: string,
    association: string,
    status: string,
    sequence: number,
  ): DomainEvent => ({
    type: 'enrolment.changed',
    entity: { type: 'Enrolment', id: enrolment },
    sequence,
    associationId: association,
    occurredAt: new Date(sequence).toISOString(),
    data: { eventId: event, status },
  });
  const enrolled = async () => (await new SignUpRepository(db).enrolledIn([event])).get(event);

  it('keeps who holds a place: waiting and cancelled sign-ups are not reminded', async () => {
    await consumer.handle(changed(clubSignUp, club, 'ENROLLED', 1));
    await consumer.handle(changed(chessSignUp, chess, 'WAITLISTED', 2));
    expect(await enrolled()).toEqual([club]);
    await consumer.handle(changed(chessSignUp, chess, 'ENROLLED', 3));
    await consumer.handle(changed(clubSignUp, club, 'CANCELLED', 3));
    expect(await enrolled()).toEqual([chess]);
  });

  it('ignores a fact older than the one it has: a retried message cannot bring back a cancelled sign-up', async () => {
    await consumer.handle(changed(clubSignUp, club, 'ENROLLED', 2));
    expect(await enrolled()).toEqual([chess]);
    await consumer.handle(changed(clubSignUp, club, 'CANCELLED', 3));
    expect(await enrolled()).toEqual([chess]);
  });
});
