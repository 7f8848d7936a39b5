import type { DataSource } from 'typeorm';
import type { BaseContext, SharedServices } from '../core/context';
import { Data } from '../core/data';
import type { Identity } from '../core/identity';
import { AnnouncementService } from './announcement/announcement.service';
import { graphAudienceDirectory } from './audience/audience';
import type { CommunicationsConfig } from './communications.config';
import { createCommunicationsLoaders, type CommunicationsLoaders } from './communications.loaders';
import { createCommunicationsRepositories } from './communications.repositories';
import { DeliveryService } from './delivery/delivery.service';
import type { JobQueue } from './delivery/job-queue';
import { JobMonitor } from '../core/jobs';
import { ReminderService } from './reminder/reminder.service';
import { SubscriptionService } from './subscription/subscription.service';
import type { PersonalDataService } from '../core/personal-data/personal-data.service';
import { subjectRecordsService } from '../core/personal-data/subject-records';
import { COMMUNICATIONS_PERSONAL_DATA } from './privacy/personal-data.records';

export interface CommunicationsContext extends BaseContext {
  loaders: CommunicationsLoaders;
  announcements: AnnouncementService;
  subscriptions: SubscriptionService;
  deliveries: DeliveryService;
  personalData: PersonalDataService;
}

export function createCommunicationsContext(
  db: DataSource,
  identity: Identity,
  shared: SharedServices,
  queue: JobQueue,
  config: CommunicationsConfig,
  monitor: JobMonitor = new JobMonitor(),
): CommunicationsContext {
  const data = new Data(db, createCommunicationsRepositories);
  const loaders = createCommunicationsLoaders(data.repositories);
  const audiences = graphAudienceDirectory(shared.graph);
  return {
    identity,
    loaders,
    announcements: new AnnouncementService(data, loaders, identity, queue, audiences),
    subscriptions: new SubscriptionService(
      data,
      identity,
      queue,
      shared.associations,
      audiences,
      config,
    ),
    deliveries: new DeliveryService(data, identity, () =>
      monitor.run('reminders', () =>
        new ReminderService(
          data,
          shared.graph,
          queue,
          config.reminderDays,
          config.eventReminderDays,
        ).run(),
      ),
    ),
    personalData: subjectRecordsService(
      'communications',
      db,
      identity,
      COMMUNICATIONS_PERSONAL_DATA,
    ),
  };
}
