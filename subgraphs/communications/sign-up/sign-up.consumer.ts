import type { DataSource } from 'typeorm';
import type { DomainEvent } from '../../core/domain-events';
import { SignUpRepository } from './sign-up.repository';

/** What the events subgraph tells of a sign-up. */
interface SignUpChanged {
  eventId: string;
  status: string;
}

/**
 * Keeps the copy of sign-ups from `enrolment.changed` (issue 29, item 5): the reminder job
 * mails an event's own enrolled associations before it starts, and needs to know who they
 * are without reading the events subgraph's tables. A fact older than the one kept is
 * ignored, so a retried message that was overtaken cannot bring back a cancelled sign-up.
 */
export class SignUpConsumer {
  constructor(private readonly db: DataSource) {}

  async handle(message: DomainEvent): Promise<void> {
    if (message.type !== 'enrolment.changed' || !message.associationId) return;
    const data = message.data as unknown as SignUpChanged;
    await new SignUpRepository(this.db).remember({
      enrolmentId: message.entity.id,
      eventId: data.eventId,
      associationId: message.associationId,
      status: data.status,
      sequence: message.sequence,
    });
  }
}
