import PgBoss from 'pg-boss';
import type { Connection } from './data';

/**
 * What one subgraph tells the others (issue 29): a fact about one entity, recorded in the
 * same transaction as the change it describes and delivered at least once to every consumer
 * that reacts to it. pg-boss (a job queue in PostgreSQL, already the communications
 * subgraph's) is the transactional outbox and the relay at once: recording inserts one job
 * per consumer through the change's own connection, so the event exists exactly when the
 * change does, and a crash between the two cannot lose or invent one.
 *
 * Consumers are named here, next to the events they take, instead of subscribing at run
 * time: the routing is part of the code, read in one place, and recording needs no lookup
 * outside the transaction. Each consumer has its own queue; a job that fails is retried with
 * exponential backoff and, after the last try, moved to the consumer's dead-letter queue,
 * which /metrics shows (hub_domain_events_dead_letters) and the log names: never dropped.
 * A consumer takes its queue's jobs one at a time in the order they were recorded, so the
 * events of one entity arrive in order while none fails; a retried one can be overtaken, so
 * each carries the entity's `sequence` and consumers act on facts, not on deltas.
 */
export const DOMAIN_EVENT_TYPES = [
  'reservation.decided',
  'reservation.cancelled',
  'grant-application.decided',
  'enrolment.promoted',
  'event.venue-changed',
  'venue-hold.changed',
  'association.contacts-changed',
  'equipment-reservation.decided',
  'equipment-reservation.cancelled',
  'event-support.requested',
  'event-support.part-answered',
  'event-support.decided',
  'enrolment.changed',
  'event-support.cancelled',
  'grant-application.withdrawn',
  'space.busy-times-changed',
  'data.imported',
] as const;
export type DomainEventType = (typeof DOMAIN_EVENT_TYPES)[number];

/** The consumers, each a queue of its own. */
export const CONSUMERS = {
  /** Communications: mails and webhooks to the association a decision concerns. */
  decisionMessages: 'communications.decision-messages',
  /** Facilities: the hold an event at a city space has on it. */
  venueHolds: 'facilities.venue-holds',
  /** Communications: its copy of each association's contact register, to tell them decisions. */
  contactRegister: 'communications.contact-register',
  /** The gateway: a change made away from its own mutations retires its cached answers. */
  cacheRetirement: 'gateway.cache-retirement',
  /** Facilities: the space and equipment parts of an event's support request. */
  supportInFacilities: 'facilities.event-support',
  /** Grants: the event grant part of an event's support request. */
  supportInGrants: 'grants.event-support',
  /** Events: each part's answer and decision, kept on the support request. */
  supportRequests: 'events.event-support',
  /** Communications: who is signed up for which event, to remind them before it starts. */
  signUps: 'communications.sign-ups',
} as const;
export type ConsumerName = (typeof CONSUMERS)[keyof typeof CONSUMERS];

/**
 * Which consumers take which events. Every event also reaches the gateway's cache: most
 * come from its own mutations (which retired the cache already), but what a consumer
 * changes in turn (an event's hold on a space) happens after that mutation answered.
 */
export const ROUTES: Readonly<Record<DomainEventType, readonly ConsumerName[]>> = {
  'reservation.decided': [
    CONSUMERS.decisionMessages,
    CONSUMERS.supportRequests,
    CONSUMERS.cacheRetirement,
  ],
  'reservation.cancelled': [
    CONSUMERS.decisionMessages,
    CONSUMERS.supportRequests,
    CONSUMERS.cacheRetirement,
  ],
  'grant-application.decided': [
    CONSUMERS.decisionMessages,
    CONSUMERS.supportRequests,
    CONSUMERS.cacheRetirement,
  ],
  'enrolment.promoted': [CONSUMERS.decisionMessages, CONSUMERS.cacheRetirement],
  'event.venue-changed': [CONSUMERS.venueHolds, CONSUMERS.cacheRetirement],
  'venue-hold.changed': [CONSUMERS.cacheRetirement],
  'association.contacts-changed': [CONSUMERS.contactRegister],
  // Equipment decisions are told in the support request's summary mail, not one by one.
  'equipment-reservation.decided': [CONSUMERS.supportRequests, CONSUMERS.cacheRetirement],
  'equipment-reservation.cancelled': [CONSUMERS.supportRequests, CONSUMERS.cacheRetirement],
  'event-support.requested': [CONSUMERS.supportInFacilities, CONSUMERS.supportInGrants],
  'event-support.part-answered': [CONSUMERS.supportRequests, CONSUMERS.cacheRetirement],
  'event-support.decided': [CONSUMERS.decisionMessages, CONSUMERS.cacheRetirement],
  'enrolment.changed': [CONSUMERS.signUps],
  // A whole support request cancelled: each owner cancels what it made for it.
  'event-support.cancelled': [
    CONSUMERS.supportInFacilities,
    CONSUMERS.supportInGrants,
    CONSUMERS.cacheRetirement,
  ],
  'grant-application.withdrawn': [CONSUMERS.supportRequests, CONSUMERS.cacheRetirement],
  // A booking system's calendar changed a space's busy times: cached free times go.
  'space.busy-times-changed': [CONSUMERS.cacheRetirement],
  // A command-line import or registry check changed the directory or the events.
  'data.imported': [CONSUMERS.cacheRetirement],
};

export interface DomainEvent<TData extends object = Record<string, unknown>> {
  type: DomainEventType;
  /** The entity it is about, as the graph names it: `{ type: 'Reservation', id }`. */
  entity: { type: string; id: string };
  /** Grows with every change of the entity (its version, or a timestamp's milliseconds). */
  sequence: number;
  /** The association it concerns, when there is one: who is told. */
  associationId: string | null;
  /** The city's service areas it belongs to, when known: which of the city's systems hear. */
  serviceAreaIds?: string[];
  /** ISO 8601, when the change was made. */
  occurredAt: string;
  /** What a consumer needs to act without asking back (names, times, the decision). */
  data: TData;
}

export interface DomainEventBusOptions {
  retryLimit: number;
  retryDelaySeconds: number;
  /** How often an idle consumer looks for jobs recorded by other processes. */
  pollSeconds: number;
  maintenanceSeconds: number;
}

export const DEFAULT_BUS_OPTIONS: DomainEventBusOptions = Object.freeze({
  retryLimit: 8,
  retryDelaySeconds: 5,
  pollSeconds: 2,
  maintenanceSeconds: 60,
});

const deadLetterOf = (consumer: ConsumerName) => `${consumer}.dead-letter`;

/**
 * The hub's domain events on one PostgreSQL (schema `hub_events`). One per process: every
 * subgraph of `npm start` shares it; a subgraph run on its own makes its own. Started on
 * first use, so a process that records nothing opens no connection for it.
 */
export class DomainEventBus {
  private started: Promise<PgBoss> | null = null;
  private readonly consumers: string[] = [];

  constructor(
    private readonly connectionString: string,
    private readonly options: DomainEventBusOptions = DEFAULT_BUS_OPTIONS,
    private readonly log: (line: string) => void = () => undefined,
  ) {}

  private ready(): Promise<PgBoss> {
    this.started ??= (async () => {
      const boss = new PgBoss({
        connectionString: this.connectionString,
        schema: 'hub_events',
        max: 2,
        application_name: 'hub-domain-events',
        maintenanceIntervalSeconds: this.options.maintenanceSeconds,
        monitorStateIntervalSeconds: this.options.maintenanceSeconds,
      });
      boss.on('error', (error: Error) => this.log(`domain events: ${error.message}`));
      await boss.start();
      for (const consumer of Object.values(CONSUMERS)) {
        await boss.createQueue(deadLetterOf(consumer), { name: deadLetterOf(consumer) });
        await boss.createQueue(consumer, {
          name: consumer,
          // Retiring cached answers matters at once or not at all: where no gateway takes
          // that queue (one run apart from the database), its events go after an hour.
          ...(consumer === CONSUMERS.cacheRetirement ? { retentionMinutes: 60 } : {}),
          retryLimit: this.options.retryLimit,
          retryDelay: this.options.retryDelaySeconds,
          retryBackoff: true,
          deadLetter: deadLetterOf(consumer),
        });
      }
      return boss;
    })();
    this.started.catch(() => (this.started = null));
    return this.started;
  }

  /**
   * Records `event` for every consumer of its type, through `connection`: call inside the
   * transaction of the change, so that both happen or neither does.
   */
  async record(connection: Connection, event: DomainEvent<object>): Promise<void> {
    const boss = await this.ready();
    const consumers = ROUTES[event.type];
    if (consumers.length === 0) return;
    await boss.insert(
      consumers.map((name) => ({
        name,
        data: event,
        singletonKey: `${event.entity.type}:${event.entity.id}`,
      })),
      { db: executorOf(connection) },
    );
  }

  /**
   * Runs `handle` for each event of the consumer's queue, one at a time. A handler that
   * throws has its event retried with backoff; the last failure goes to the dead letters.
   */
  async consume(
    consumer: ConsumerName,
    handle: (event: DomainEvent) => Promise<void>,
  ): Promise<void> {
    const boss = await this.ready();
    this.consumers.push(
      await boss.work<DomainEvent>(
        consumer,
        { batchSize: 1, pollingIntervalSeconds: this.options.pollSeconds, includeMetadata: true },
        async ([job]) => {
          try {
            await handle(job.data);
          } catch (error) {
            const last = job.retryCount >= job.retryLimit;
            this.log(
              `domain events: ${consumer} failed on ${job.data.type} of ${job.data.entity.type} ${job.data.entity.id}${last ? ', moved to the dead letters' : ', will retry'}: ${error instanceof Error ? error.message : String(error)}`,
            );
            throw error;
          }
        },
      ),
    );
  }

  /** Events waiting per consumer, and those that ran out of tries: for /metrics and tests. */
  async backlog(): Promise<Record<ConsumerName, { waiting: number; deadLetters: number }>> {
    const boss = await this.ready();
    const result = {} as Record<ConsumerName, { waiting: number; deadLetters: number }>;
    for (const consumer of Object.values(CONSUMERS)) {
      result[consumer] = {
        // Not yet handled: waiting, being handled, or waiting to be retried.
        waiting: await boss.getQueueSize(consumer, { before: 'completed' }),
        deadLetters: await boss.getQueueSize(deadLetterOf(consumer)),
      };
    }
    return result;
  }

  /** Wakes this process's consumers at once instead of at their next poll. */
  wake(): void {
    if (!this.started) return;
    void this.started.then((boss) => {
      for (const id of this.consumers) boss.notifyWorker(id);
    });
  }

  async stop(): Promise<void> {
    if (!this.started) return;
    const boss = await this.started.catch(() => null);
    this.started = null;
    await boss?.stop({ graceful: true, wait: true, timeout: 10_000 });
  }
}

/**
 * pg-boss's `db` option on a TypeORM connection, so its SQL joins our transaction.
 * TypeORM answers an UPDATE or DELETE with [rows, count], anything else with rows.
 */
export function executorOf(connection: Connection): PgBoss.Db {
  return {
    async executeSql(text: string, values: unknown[]) {
      const result = (await connection.query(text, values)) as unknown[];
      const rows = Array.isArray(result[0]) ? (result[0] as unknown[]) : result;
      return { rows };
    },
  };
}
