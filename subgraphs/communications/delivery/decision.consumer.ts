import type { Data } from '../../core/data';
import type { DomainEvent, DomainEventType } from '../../core/domain-events';
import { Topic } from '../announcement/announcement.enums';
import type { CommunicationsRepositories } from '../communications.repositories';
import { DeliveryKind } from './delivery.enums';
import type { JobQueue } from './job-queue';

/** Which subscriptions of an association hear of which decisions: by the topic they took. */
const TOPIC_OF: Readonly<Partial<Record<DomainEventType, Topic>>> = {
  'reservation.decided': Topic.SPACES,
  'reservation.cancelled': Topic.SPACES,
  'grant-application.decided': Topic.GRANTS,
  'enrolment.promoted': Topic.EVENTS,
  'event-support.decided': Topic.EVENTS,
};

/**
 * The communications subgraph's side of a decision made elsewhere (issue 29, item 4): one
 * delivery per subscription made for the association the decision concerns, and per city
 * webhook of its service areas (the city's other systems), written with its delivery jobs
 * in one transaction. A repeat of the same event
 * (delivered at least once) finds its deliveries made and makes none: the item key names
 * the event, and the delivery table has one row per subscription and item.
 */
export class DecisionConsumer {
  constructor(
    private readonly data: Data<CommunicationsRepositories>,
    private readonly queue: JobQueue,
  ) {}

  /** How many deliveries the event made. */
  async handle(event: DomainEvent): Promise<number> {
    const associationId = event.associationId;
    const topic = TOPIC_OF[event.type];
    if (!associationId || !topic) return 0;
    return this.data.transaction(async ({ subscriptions, deliveries }, connection) => {
      const to = await subscriptions.toldOfDecision(
        associationId,
        topic,
        event.serviceAreaIds ?? [],
      );
      const made = await deliveries.insertMany(
        to,
        DeliveryKind.DECISION,
        `${event.type}:${event.entity.id}:${event.sequence}`,
        event,
      );
      await this.queue.deliver(made, connection);
      return made.length;
    });
  }
}
