import type { Connection, Data } from '../core/data';
import { AnnouncementRepository } from './announcement/announcement.repository';
import { DeliveryRepository } from './delivery/delivery.repository';
import { SubscriptionRepository } from './subscription/subscription.repository';
import { SignUpRepository } from './sign-up/sign-up.repository';

/** Every repository of the communications subgraph, on one connection (the pool or a transaction). */
export function createCommunicationsRepositories(connection: Connection) {
  return {
    announcements: new AnnouncementRepository(connection),
    subscriptions: new SubscriptionRepository(connection),
    deliveries: new DeliveryRepository(connection),
    signUps: new SignUpRepository(connection),
    /** The connection itself: the job queue adds its jobs in the same transaction. */
    connection,
  };
}

export type CommunicationsRepositories = ReturnType<typeof createCommunicationsRepositories>;
export type CommunicationsData = Data<CommunicationsRepositories>;
