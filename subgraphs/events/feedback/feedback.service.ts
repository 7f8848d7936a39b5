import type { EventsData } from '../events.repositories';
import { type AssociationDirectory, requireAssociations } from '../../core/association-directory';
import { PgErrorCode, pgErrorCode } from '../../core/database';
import { isCityStaff, representsAssociation, requireThat } from '../../core/authorization';
import { ConflictError, NotFoundError } from '../../core/errors';
import type { Identity } from '../../core/identity';
import { Validator } from '../../core/validation';
import type { Event } from '../event/event.entity';
import { EventStatus } from '../event/event.enums';
import type { EventLoaders } from '../events.loaders';
import type { FeedbackSummary } from '../event/event.types';
import type { Feedback } from './feedback.entity';
import type { GiveFeedbackInput } from './feedback.inputs';

/**
 * Feedback after an event, as the pilot collected it: from associations' representatives
 * and staff, once per person per event (a unique constraint, so a double click is a
 * CONFLICT, not a second answer), and only once the event has started.
 */
export class FeedbackService {
  constructor(
    private readonly data: EventsData,
    private readonly loaders: EventLoaders,
    private readonly identity: Identity,
    private readonly associations: AssociationDirectory,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async give(input: GiveFeedbackInput): Promise<Feedback> {
    requireThat(
      this.identity,
      this.identity.role !== 'anonymous' && this.identity.subject !== null,
      'giving feedback (associations’ representatives and city staff)',
    );
    const v = new Validator();
    const eventId = v.ids('input.eventId', [input.eventId])?.[0];
    v.int('input.rating', input.rating, { min: 1, max: 5 });
    const comment = v.text('input.comment', input.comment, { max: 5000 });
    const associationId = input.associationId
      ? v.ids('input.associationId', [input.associationId])?.[0]
      : null;
    v.throwIfInvalid();
    if (this.identity.role === 'representative') {
      requireThat(
        this.identity,
        associationId != null && representsAssociation(this.identity, associationId),
        'giving feedback for an association you do not represent (give input.associationId)',
      );
    }
    if (associationId) await requireAssociations(this.associations, [associationId]);
    const event = await this.loaders.event.load(eventId!);
    if (!event || event.status === EventStatus.DRAFT) throw new NotFoundError('Event', eventId!);
    if (event.startsAt > this.now()) {
      v.problem('input.eventId', 'NOT_STARTED', 'feedback is collected once the event has started');
    }
    if (event.status === EventStatus.CANCELLED)
      v.problem('input.eventId', 'CANCELLED', 'the event was cancelled');
    v.throwIfInvalid();
    // An event may hear only those who came (issue 32, item 4); staff always.
    if (
      event.feedbackFromAttendeesOnly &&
      !isCityStaff(this.identity) &&
      !(associationId && (await this.data.repositories.attendance.came(event.id, associationId)))
    ) {
      v.problem(
        'input.associationId',
        'ATTENDED',
        'this event takes feedback only from associations marked as having come',
      );
      v.throwIfInvalid();
    }
    try {
      return await this.data.repositories.feedback.insert({
        event_id: event.id,
        respondent: this.identity.subject,
        respondent_role: this.identity.role,
        association_id: associationId ?? null,
        rating: input.rating,
        comment: comment ?? null,
      });
    } catch (error) {
      if (pgErrorCode(error) === PgErrorCode.UNIQUE_VIOLATION) {
        throw new ConflictError('input.eventId: you have already given feedback on this event', {
          field: 'input.eventId',
        });
      }
      throw error;
    }
  }

  async summary(event: Event): Promise<FeedbackSummary> {
    const counts = await this.loaders.counts.load(event.id);
    return {
      count: counts.feedbackCount,
      // One decimal, rounded half up, from integers: no float drift in "4.3".
      averageRating:
        counts.feedbackCount === 0
          ? null
          : (Math.round((counts.ratingSum * 10) / counts.feedbackCount) / 10).toFixed(1),
      distribution: counts.distribution,
    };
  }

  /** The answers themselves, comments included: for staff, who act on them. */
  answers(event: Event): Promise<Feedback[]> {
    requireThat(
      this.identity,
      isCityStaff(this.identity),
      'reading feedback comments (city staff)',
    );
    return this.data.repositories.feedback.ofEvent(event.id);
  }
}
