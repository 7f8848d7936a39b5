import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { Event } from '../event/event.entity';
import type { EventsContext } from '../events.context';
import { AssociationRef } from '../refs/association.ref';
import { InvitationStatus, OrganizerInvitation } from './organizer-invitation.entity';
import { statusOf } from './organizer-invitation.service';

/** Inviting and answering co-organisers: thin; the rules are in the service. */
@Resolver(() => OrganizerInvitation)
export class OrganizerInvitationResolver {
  @Mutation(() => OrganizerInvitation, {
    description:
      'Invites another association to organise the event too (those who may change the event). It becomes an organiser only when it accepts; inviting again after a decline asks anew.',
  })
  inviteCoOrganizer(
    @Arg('eventId', () => ID, { description: 'The event.' }) eventId: string,
    @Arg('associationId', () => ID, { description: 'The association invited.' })
    associationId: string,
    @Ctx() ctx: EventsContext,
  ) {
    return ctx.invitations.invite(eventId, associationId);
  }

  @Mutation(() => OrganizerInvitation, {
    description:
      "Accepts or declines an invitation to co-organise an event (the invited association's representatives). Accepting makes it an organiser at once.",
  })
  answerCoOrganizerInvitation(
    @Arg('eventId', () => ID, { description: 'The event.' }) eventId: string,
    @Arg('associationId', () => ID, {
      description: 'The invited association, which you represent.',
    })
    associationId: string,
    @Arg('accept', () => Boolean, { description: 'true to accept, false to decline.' })
    accept: boolean,
    @Ctx() ctx: EventsContext,
  ) {
    return ctx.invitations.answer(eventId, associationId, accept);
  }

  @FieldResolver(() => Event, { nullable: true, description: 'The event.' })
  event(@Root() invitation: OrganizerInvitation, @Ctx() ctx: EventsContext) {
    return ctx.loaders.event.load(invitation.eventId);
  }

  @FieldResolver(() => AssociationRef, { description: 'The association invited.' })
  association(@Root() invitation: OrganizerInvitation): AssociationRef {
    return { id: invitation.associationId };
  }

  @FieldResolver(() => InvitationStatus, { description: 'Pending, accepted or declined.' })
  status(@Root() invitation: OrganizerInvitation): InvitationStatus {
    return statusOf(invitation);
  }
}

@Resolver(() => Event)
export class EventInvitationsResolver {
  @FieldResolver(() => [OrganizerInvitation], {
    description:
      "Invitations to co-organise this event: all of them for those who may change it, an invited association's own for its representatives; empty for others.",
  })
  organizerInvitations(@Root() event: Event, @Ctx() ctx: EventsContext) {
    return ctx.invitations.ofEvent(event);
  }
}

@Resolver(() => AssociationRef)
export class AssociationInvitationsResolver {
  @FieldResolver(() => [OrganizerInvitation], {
    description:
      'Invitations to co-organise events that wait for this association’s answer: its representatives and staff; empty for others.',
  })
  pendingOrganizerInvitations(@Root() association: AssociationRef, @Ctx() ctx: EventsContext) {
    return ctx.invitations.pendingOf(association.id);
  }
}
