import { SignUpConsumer } from './sign-up/sign-up.consumer';
import { SignUps1768900000000 } from './migrations/1768900000000-sign-ups';
import { analyseAtStart } from '../core/finnish/search-terms';
import { AnnouncementSearchTerms1768500000000 } from './migrations/1768500000000-announcement-search-terms';
import { CONSUMERS, type DomainEventBus } from '../core/domain-events';
import { DecisionConsumer } from './delivery/decision.consumer';
import type { DataSource } from 'typeorm';
import { primaryUrl } from '../core/database';
import { Data } from '../core/data';
import type { SubgraphDefinition } from '../core/subgraph';
import { Announcement } from './announcement/announcement.entity';
import { AnnouncementStatus } from './announcement/announcement.enums';
import { AnnouncementResolver } from './announcement/announcement.resolver';
import { publishNow } from './announcement/announcement.service';
import type { CommunicationsConfig } from './communications.config';
import { createCommunicationsContext, type CommunicationsContext } from './communications.context';
import { communicationsReferenceResolvers } from './communications.reference';
import { createCommunicationsRepositories } from './communications.repositories';
import { Delivery } from './delivery/delivery.entity';
import { DeliveryResolver } from './delivery/delivery.resolver';
import { DeliveryWorker } from './delivery/delivery.worker';
import { JobQueue } from './delivery/job-queue';
import { JobMonitor } from '../core/jobs';
import { scheduleRetention } from '../core/personal-data/retention';
import { endUnconfirmedSubscriptions } from './privacy/retention';
import { type MailTransport, outboxTransport, smtpTransport } from './delivery/mail-transport';
import { Initial1766100000000 } from './migrations/1766100000000-initial';
import { SubscriptionConsent1767000000000 } from './migrations/1767000000000-subscription-consent';
import { EditVersions1768000000000 } from './migrations/1768000000000-edit-versions';
import { DecisionDeliveries1768100000000 } from './migrations/1768100000000-decision-deliveries';
import { ContactRegister1768200000000 } from './migrations/1768200000000-contact-register';
import { ContactRegisterConsumer } from './subscription/contact-register.consumer';
import { ReminderService } from './reminder/reminder.service';
import { NotificationSubscription } from './subscription/subscription.entity';
import { SubscriptionResolver } from './subscription/subscription.resolver';
import { PersonalData1769100000000 } from './migrations/1769100000000-personal-data';
import { CommunicationsPersonalDataResolver } from './privacy/personal-data.records';

/**
 * Announcements, subscriptions and timed reminders on every channel (key 3 of the model),
 * delivered through a job queue in PostgreSQL (pg-boss) that the subgraph runs beside its
 * server: every replica works the same queue, and a delivery is recorded exactly once per
 * (subscription, item).
 */
export function createCommunicationsSubgraph(
  config: CommunicationsConfig,
  makeTransport: (log: (line: string) => void) => MailTransport = (log) =>
    config.smtpUrl
      ? smtpTransport(config.smtpUrl, config.mailFrom)
      : outboxTransport(config.outboxDir, config.mailFrom, log),
): SubgraphDefinition<CommunicationsContext> & { queue: JobQueue } {
  const queue = new JobQueue(config.queue);
  // One per subgraph process: the jobs' runs and the admin's runReminders count together.
  const monitor = new JobMonitor();
  // The process's domain events, known once the jobs start; read by /metrics.
  let events: DomainEventBus | null = null;
  return {
    name: 'communications',
    schema: 'communications',
    entities: [Announcement, NotificationSubscription, Delivery],
    migrations: [
      Initial1766100000000,
      SubscriptionConsent1767000000000,
      EditVersions1768000000000,
      DecisionDeliveries1768100000000,
      ContactRegister1768200000000,
      AnnouncementSearchTerms1768500000000,
      SignUps1768900000000,
      PersonalData1769100000000,
    ],
    resolvers: [
      AnnouncementResolver,
      SubscriptionResolver,
      DeliveryResolver,
      CommunicationsPersonalDataResolver,
    ],
    referenceResolvers: communicationsReferenceResolvers,
    createContext: (db, identity, shared) =>
      createCommunicationsContext(db, identity, shared, queue, config, monitor),
    queue,
    observe(metrics) {
      monitor.observe(metrics);
      metrics.observe(
        'hub_job_queue_depth',
        'Jobs waiting in the communications queue (deliveries, publications, reminder runs).',
        () => queue.pending(),
      );
      // The decisions it reacts to: what waits, and what ran out of tries (never silent).
      metrics.observe(
        'hub_domain_events_waiting',
        'Domain events not yet handled by the communications subgraph (decisions to tell).',
        async () => (events ? (await events.backlog())[CONSUMERS.decisionMessages].waiting : 0),
      );
      metrics.observe(
        'hub_domain_events_dead_letters',
        'Domain events the communications subgraph failed to handle after every retry.',
        async () => (events ? (await events.backlog())[CONSUMERS.decisionMessages].deadLetters : 0),
      );
    },
    // Search terms (Finnish base forms) for announcements written without them, before serving.
    prepare: (db, log) => analyseAtStart(db, 'communications.announcement', log),
    startJobs(db: DataSource, log, shared, warn) {
      monitor.warnTo(warn);
      events = shared.events;
      const transport = makeTransport(log);
      const repositories = createCommunicationsRepositories(db);
      const data = new Data(db, createCommunicationsRepositories);
      const worker = new DeliveryWorker(repositories, transport, config);
      const reminders = new ReminderService(
        data,
        shared.graph,
        queue,
        config.reminderDays,
        config.eventReminderDays,
      );
      const decisions = new DecisionConsumer(data, queue);
      const contactRegister = new ContactRegisterConsumer(db);
      const signUps = new SignUpConsumer(db);
      const started = queue
        .start(
          primaryUrl(db),
          {
            deliver: (id, lastTry) => monitor.run('deliver', () => worker.deliver(id, lastTry)),
            publish: (id) =>
              monitor.run('publish', async () => {
                await publishNow(data, queue, id, [AnnouncementStatus.SCHEDULED]);
              }),
            reminders: () =>
              monitor.run('reminders', async () => {
                const queued = await reminders.run();
                if (queued) log(`reminders: queued ${queued}`);
              }),
          },
          log,
          { remindersAutomatic: config.remindersAutomatic },
        )
        // Decisions made in other subgraphs, told to the associations they concern.
        .then(async () => {
          await shared.events.consume(CONSUMERS.decisionMessages, (event) =>
            monitor.run('decision-messages', async () => {
              await decisions.handle(event);
            }),
          );
          // The associations' contact registers, for telling their contacts of decisions.
          await shared.events.consume(CONSUMERS.contactRegister, (event) =>
            monitor.run('contact-register', () => contactRegister.handle(event)),
          );
          // Who is signed up for which event: reminded before it starts, no one else.
          await shared.events.consume(CONSUMERS.signUps, (event) =>
            monitor.run('sign-ups', () => signUps.handle(event)),
          );
        })
        .then(
          () => log(`communications: mails go to ${transport.description}`),
          (error: Error) => log(`communications: the job queue did not start: ${error.message}`),
        );
      // Unconfirmed subscriptions' addresses, let go after their retention.
      const stopRetention = config.retention.automatic
        ? scheduleRetention(
            'retention',
            (now) => endUnconfirmedSubscriptions(db, config.retention, now),
            monitor,
            log,
          )
        : () => undefined;
      return {
        async stop() {
          stopRetention();
          await started;
          await queue.stop();
          transport.close();
        },
      };
    },
  };
}
