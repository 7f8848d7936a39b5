import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { makeApplication, makeProgram, makeRound } from '../../../tests/factories/grants.factory';
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
import { grantsSubgraph } from '../grants.subgraph';
import { GrantsSupportConsumer } from './support.consumer';

/**
 * The grants side of event support requests on a real PostgreSQL: the grant part becomes a
 * submitted application in an open EVENT round, once however often its message comes; a
 * round of another kind of grant, or one not open, is the part's refusal with its reason; an
 * application made before a crash but not yet submitted is submitted on the retry.
 */
describe(GrantsSupportConsumer.name, () => {
  let database: TestDatabase;
  let db: DataSource;
  let bus: DomainEventBus;
  let consumer: GrantsSupportConsumer;
  let openEventRound: string;
  let projectRound: string;
  let closedEventRound: string;
  const association = randomUUID();
  const now = new Date('2027-03-01T10:00:00Z');
  const DAY = 86_400_000;

  beforeAll(async () => {
    database = await createTestDatabase();
    db = await database.dataSource(grantsSubgraph);
    bus = new DomainEventBus(database.url, DEFAULT_BUS_OPTIONS);
    const graph = {
      query: () => Promise.reject(new Error('the consumer asks nothing of the graph')),
    } as unknown as PublicGraph;
    consumer = new GrantsSupportConsumer(
      db,
      { associations: everyAssociationExists, graph, events: bus },
      () => now,
    );
    const window = {
      opensAt: new Date(now.getTime() - 10 * DAY),
      closesAt: new Date(now.getTime() + 10 * DAY),
    };
    const events = await makeProgram(db, { kind: 'EVENT', name: 'Tapahtuma-avustus' });
    openEventRound = await makeRound(db, events, { year: 2027, ...window });
    closedEventRound = await makeRound(db, events, {
      year: 2027,
      opensAt: new Date(now.getTime() - 60 * DAY),
      closesAt: new Date(now.getTime() - DAY),
    });
    projectRound = await makeRound(db, await makeProgram(db, { kind: 'PROJECT' }), {
      year: 2027,
      ...window,
    });
  });
  afterAll(async () => {
    await bus.stop();
    await database.drop();
  });

  const message = (part: string, roundId: string): DomainEvent =>
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
          id: randomUUID(),
          title: { fi: 'Kevätjuhla', sv: null, en: null },
          startsAt: '2027-03-20T16:00:00.000Z',
          endsAt: '2027-03-20T18:00:00.000Z',
        },
        parts: [
          {
            id: part,
            kind: 'GRANT',
            details: { roundId, requestedAmount: '800.00', purpose: 'Esiintyjät' },
          },
        ],
      } satisfies SupportRequestedData,
    }) as unknown as DomainEvent;

  const answers = async () => (await bus.backlog())[CONSUMERS.supportRequests].waiting;
  const answerOf = async (part: string) =>
    (
      (await db.query(
        `SELECT target_id, refusal FROM grants.support_part_answer WHERE part_id = $1`,
        [part],
      )) as Array<{ target_id: string | null; refusal: string | null }>
    )[0];

  it('applies and submits once in an open event round, however often the message comes', async () => {
    const part = randomUUID();
    const before = await answers();
    await consumer.handle(message(part, openEventRound));
    await consumer.handle(message(part, openEventRound));
    const applications = await db.query(
      `SELECT a.status, a.title, a.requested_amount::text AS amount, a.created_by
         FROM grants.grant_application a
         JOIN grants.support_part_answer s ON s.target_id = a.id WHERE s.part_id = $1`,
      [part],
    );
    expect(applications).toEqual([
      { status: 'SUBMITTED', title: 'Kevätjuhla', amount: '800.00', created_by: 'sihteeri' },
    ]);
    expect((await answers()) - before).toBe(1);
  });

  it('refuses a round of another kind of grant, and one not open now, saying why', async () => {
    const project = randomUUID();
    const closed = randomUUID();
    const before = await answers();
    await consumer.handle(message(project, projectRound));
    await consumer.handle(message(closed, closedEventRound));
    await consumer.handle(message(closed, closedEventRound));
    expect(await answerOf(project)).toEqual({
      target_id: null,
      refusal: expect.stringMatching(/^grant\.roundId: the round is of a PROJECT program/),
    });
    expect(await answerOf(closed)).toEqual({
      target_id: null,
      refusal: expect.stringMatching(/^grant\.roundId: the round takes applications from /),
    });
    const made = await db.query(
      `SELECT count(*)::int AS n FROM grants.grant_application WHERE round_id = ANY($1)`,
      [[projectRound, closedEventRound]],
    );
    expect(made).toEqual([{ n: 0 }]);
    expect((await answers()) - before).toBe(2);
  });

  it('submits on the retry an application made before a crash and left a draft', async () => {
    const part = randomUUID();
    // What the first try left: the draft and its ledger row, committed together; no submit.
    const draft = await makeApplication(db, openEventRound, {
      associationId: association,
      status: 'DRAFT',
      title: 'Kevätjuhla',
    });
    await db.query(
      `INSERT INTO grants.support_part_answer (part_id, target_id, answered_at) VALUES ($1, $2, $3)`,
      [part, draft, now],
    );
    const before = await answers();
    const inRound = async () =>
      (
        await db.query(
          `SELECT count(*)::int AS n FROM grants.grant_application WHERE round_id = $1`,
          [openEventRound],
        )
      )[0].n as number;
    const applications = await inRound();
    await consumer.handle(message(part, openEventRound));
    const [row] = await db.query(`SELECT status FROM grants.grant_application WHERE id = $1`, [
      draft,
    ]);
    expect(row).toEqual({ status: 'SUBMITTED' });
    expect(await inRound()).toBe(applications);
    // Its answer was told when the draft was made, not again.
    expect((await answers()) - before).toBe(0);
  });
});
