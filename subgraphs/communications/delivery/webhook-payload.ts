import type { DomainEvent } from '../../core/domain-events';
import type { Announcement } from '../announcement/announcement.entity';
import type { Delivery } from './delivery.entity';
import { DeliveryKind } from './delivery.enums';
import type { Deadline } from './messages';

/**
 * What a webhook delivery carries, in the Standard Webhooks envelope (`type`, `timestamp`,
 * `data`). The timestamp is when it happened: the domain event's, or when the delivery was
 * made for an announcement or a reminder, so a retry carries the same payload.
 */
export function webhookPayload(delivery: Delivery, announcement: Announcement | undefined): object {
  if (delivery.kind === DeliveryKind.ANNOUNCEMENT && announcement) {
    return {
      type: 'announcement.published',
      timestamp: delivery.createdAt.toISOString(),
      data: {
        id: announcement.id,
        title: announcement.title,
        body: announcement.body,
        topic: announcement.topic,
        url: announcement.url,
        publishedAt: announcement.publishedAt,
        expiresAt: announcement.expiresAt,
        link: announcement.linkKind
          ? { kind: announcement.linkKind, id: announcement.linkId }
          : null,
      },
    };
  }
  if (delivery.kind === DeliveryKind.DECISION) {
    // The domain event as it was recorded.
    const event = delivery.payload as unknown as DomainEvent;
    return {
      type: event.type,
      timestamp: event.occurredAt,
      data: { entity: event.entity, associationId: event.associationId, ...event.data },
    };
  }
  const { deadline, days } = delivery.payload as unknown as { deadline: Deadline; days: number };
  if (deadline.kind === 'event-start') {
    // An event about to start, for an association signed up for it: not a deadline.
    return {
      type: 'event.starting',
      timestamp: delivery.createdAt.toISOString(),
      data: {
        eventId: deadline.id,
        title: deadline.title,
        startsAt: deadline.closesAt,
        serviceAreaIds: deadline.serviceAreaIds,
        daysLeft: days,
      },
    };
  }
  return {
    type: 'deadline.reminder',
    timestamp: delivery.createdAt.toISOString(),
    data: { ...deadline, daysLeft: days },
  };
}
