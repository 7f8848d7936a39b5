import { type AssociationDirectory, requireAssociations } from '../../core/association-directory';
import { isCityStaff, representsAssociation, requireThat } from '../../core/authorization';
import { BadUserInputError, ConflictError, NotFoundError } from '../../core/errors';
import type { Identity } from '../../core/identity';
import { requireUuid } from '../../core/ids';
import type { Event } from '../event/event.entity';
import type { EventAdminService } from '../event/event-admin.service';
import type { EventLoaders } from '../events.loaders';
import type { EventsData } from '../events.repositories';
import { InvitationStatus, type OrganizerInvitation } from './organizer-invitation.entity';

export function statusOf(invitation: OrganizerInvitation): InvitationStatus {
  if (invitation.accepted === null) return InvitationStatus.PENDING;
  return invitation.accepted ? InvitationStatus.ACCEPTED : InvitationStatus.DECLINED;
}

/**
 * Co-organisers by consent (issue 29, item 5). Whoever may manage an event (its organisers'
 * representatives for a community event, staff for their areas') invites another
 * association; it becomes an organiser, with the rights that brings, only when one of its
 * own representatives accepts. An invitation is seen by the event's managers and the
 * invited association, no one else.
 */
export class OrganizerInvitationService {
  constructor(
    private readonly data: EventsData,
    private readonly loaders: EventLoaders,
    private readonly identity: Identity,
    private readonly associations: AssociationDirectory,
    private readonly admin: EventAdminService,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async invite(eventIdArg: string, associationIdArg: string): Promise<OrganizerInvitation> {
    const eventId = requireUuid('eventId', eventIdArg);
    const associationId = requireUuid('associationId', associationIdArg);
    const event = await this.existing(eventId);
    await this.admin.requireManager(event, 'inviting co-organisers');
    const organizers = (await this.loaders.organizerIdsOfEvent.load(event.id)).map(
      (l) => l.otherId,
    );
    if (organizers.includes(associationId)) {
      throw BadUserInputError.single(
        'associationId',
        'NOT_ORGANISER_YET',
        'the association already organises this event',
      );
    }
    await requireAssociations(this.associations, [associationId]);
    await this.data.repositories.invitations.invite(
      event.id,
      associationId,
      this.identity.subject ?? 'unknown',
      this.now(),
    );
    return this.fresh(event.id, associationId);
  }

  async answer(
    eventIdArg: string,
    associationIdArg: string,
    accept: boolean,
  ): Promise<OrganizerInvitation> {
    const eventId = requireUuid('eventId', eventIdArg);
    const associationId = requireUuid('associationId', associationIdArg);
    requireThat(
      this.identity,
      representsAssociation(this.identity, associationId),
      `answering for association ${associationId} (only its representatives may)`,
    );
    const invitation = await this.data.repositories.invitations.find(eventId, associationId);
    if (!invitation) throw new NotFoundError('OrganizerInvitation', `${eventId}/${associationId}`);
    if (invitation.answeredAt) {
      throw BadUserInputError.single(
        'eventId',
        'STATUS_TRANSITION',
        `the invitation was already ${statusOf(invitation).toLowerCase()}`,
      );
    }
    const answered = await this.data.transaction(({ invitations }) =>
      invitations.answer(
        eventId,
        associationId,
        accept,
        this.identity.subject ?? 'unknown',
        this.now(),
      ),
    );
    if (!answered) {
      throw new ConflictError('eventId: the invitation was answered meanwhile; reload it', {
        field: 'eventId',
      });
    }
    this.loaders.organizerIdsOfEvent.clear(eventId);
    return this.fresh(eventId, associationId);
  }

  /** An event's invitations the caller may see: all to its managers, their own to invitees. */
  async ofEvent(event: Event): Promise<OrganizerInvitation[]> {
    if (this.identity.role === 'anonymous') return [];
    const invitations = await this.loaders.invitationsOfEvent.load(event.id);
    return (await this.admin.isManager(event))
      ? invitations
      : invitations.filter((i) => representsAssociation(this.identity, i.associationId));
  }

  /** Invitations waiting for an association's answer: its representatives and staff. */
  pendingOf(associationId: string): Promise<OrganizerInvitation[]> {
    if (!isCityStaff(this.identity) && !representsAssociation(this.identity, associationId)) {
      return Promise.resolve([]);
    }
    return this.loaders.pendingInvitationsOf.load(associationId);
  }

  private async existing(id: string): Promise<Event> {
    const event = await this.loaders.event.load(id);
    if (!event) throw new NotFoundError('Event', id);
    return event;
  }

  private async fresh(eventId: string, associationId: string): Promise<OrganizerInvitation> {
    const invitation = await this.data.repositories.invitations.find(eventId, associationId);
    if (!invitation) throw new NotFoundError('OrganizerInvitation', `${eventId}/${associationId}`);
    return invitation;
  }
}
