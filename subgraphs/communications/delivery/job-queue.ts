import PgBoss from 'pg-boss';
import type { Connection } from '../../core/data';
import { executorOf } from '../../core/domain-events';

/** The queues of the communications subgraph (pg-boss, schema `communications_jobs`). */
export const QUEUE = {
  /** One job per delivery row: send it, then mark it SENT. */
  deliver: 'deliver',
  /** A scheduled announcement, published at its publishAt. */
  publish: 'publish-announcement',
  /** Hourly: reminders of the deadlines that have come within an offset. */
  reminders: 'reminders',
} as const;

export interface JobQueueOptions {
  /** Retries of a failed delivery, with exponential backoff from `retryDelaySeconds`. */
  retryLimit: number;
  retryDelaySeconds: number;
  /** A job held longer than this by a worker that died is handed to another. */
  expireSeconds: number;
  /** How often pg-boss looks for expired jobs and schedules. */
  maintenanceSeconds: number;
  /** Deliveries sent at once by this process. */
  concurrency: number;
  /**
   * How often an idle worker looks for jobs. Jobs added by this process wake its workers
   * at once; the interval bounds the wait for jobs of other replicas and for retries.
   */
  pollSeconds: number;
}

export interface JobQueueStartOptions {
  /** Run the reminders every hour and once at start. */
  remindersAutomatic: boolean;
}

export interface JobHandlers {
  /** `lastTry`: no retry follows a failure of this one. */
  deliver(deliveryId: string, lastTry: boolean): Promise<void>;
  publish(announcementId: string): Promise<void>;
  reminders(): Promise<void>;
}

/**
 * pg-boss (a job queue in PostgreSQL, made for this) behind the few things the subgraph
 * asks of it. Jobs are added in the same transaction as the rows they are for, through
 * `executorOf(connection)`: a delivery row exists exactly when its job does, so a crash
 * between the two cannot lose or orphan a mail.
 */
export class JobQueue {
  private boss: PgBoss | null = null;
  private started: Promise<PgBoss> | null = null;
  private readonly workers: string[] = [];

  constructor(private readonly options: JobQueueOptions) {}

  start(
    connectionString: string,
    handlers: JobHandlers,
    log: (line: string) => void,
    options: JobQueueStartOptions = { remindersAutomatic: true },
  ): Promise<PgBoss> {
    this.started ??= (async () => {
      const boss = new PgBoss({
        connectionString,
        schema: 'communications_jobs',
        max: 3,
        application_name: 'hub-communications-jobs',
        maintenanceIntervalSeconds: this.options.maintenanceSeconds,
        monitorStateIntervalSeconds: Math.max(this.options.maintenanceSeconds, 1),
      });
      boss.on('error', (error: Error) => log(`job queue: ${error.message}`));
      await boss.start();
      const retries = {
        retryLimit: this.options.retryLimit,
        retryDelay: this.options.retryDelaySeconds,
        retryBackoff: true,
        expireInSeconds: this.options.expireSeconds,
      };
      for (const name of Object.values(QUEUE)) {
        await boss.createQueue(name, { name, ...retries });
      }
      const polling = { batchSize: 1, pollingIntervalSeconds: this.options.pollSeconds };
      for (let i = 0; i < this.options.concurrency; i++) {
        this.workers.push(
          await boss.work<{ deliveryId: string }>(
            QUEUE.deliver,
            { ...polling, includeMetadata: true },
            ([job]) => handlers.deliver(job.data.deliveryId, job.retryCount >= job.retryLimit),
          ),
        );
      }
      this.workers.push(
        await boss.work<{ announcementId: string }>(QUEUE.publish, polling, ([job]) =>
          handlers.publish(job.data.announcementId),
        ),
        await boss.work(QUEUE.reminders, polling, () => handlers.reminders()),
      );
      if (options.remindersAutomatic) {
        // Every hour, on whichever replica pg-boss picks; each reminder is still sent once.
        await boss.schedule(QUEUE.reminders, '7 * * * *', {});
        // And once at start: reminders that fell due while the hub was down go out now.
        await boss.send(QUEUE.reminders, {});
      } else {
        await boss.unschedule(QUEUE.reminders);
      }
      this.boss = boss;
      return boss;
    })();
    return this.started;
  }

  /** Adds a delivery job per id, in the transaction of `connection`. */
  async deliver(deliveryIds: readonly string[], connection: Connection): Promise<void> {
    if (deliveryIds.length === 0) return;
    const boss = await this.ready();
    await boss.insert(
      deliveryIds.map((deliveryId) => ({ name: QUEUE.deliver, data: { deliveryId } })),
      { db: executorOf(connection) },
    );
    this.wakeWorkers();
  }

  /** Publishes an announcement at `at`: a job that waits until then. */
  async publishAt(announcementId: string, at: Date, connection: Connection): Promise<void> {
    const boss = await this.ready();
    await boss.insert([{ name: QUEUE.publish, data: { announcementId }, startAfter: at }], {
      db: executorOf(connection),
    });
  }

  /** Jobs not yet done, per queue: for tests and operations. */
  async pending(): Promise<number> {
    const boss = await this.ready();
    let total = 0;
    for (const name of Object.values(QUEUE)) total += await boss.getQueueSize(name);
    return total;
  }

  async stop(): Promise<void> {
    if (!this.started) return;
    const boss = await this.started.catch(() => null);
    // Workers finish the job in hand; what is left stays queued for the next start.
    await boss?.stop({ graceful: true, wait: true, timeout: 10_000 });
    this.started = null;
    this.boss = null;
  }

  private ready(): Promise<PgBoss> {
    if (!this.started) {
      return Promise.reject(new Error('The job queue has not been started'));
    }
    return this.started;
  }

  private wakeWorkers(): void {
    for (const id of this.workers) this.boss?.notifyWorker(id);
  }
}
