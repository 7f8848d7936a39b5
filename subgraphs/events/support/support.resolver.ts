import { GUIDE_SLUGS, GuideLink } from '../../core/types/guide-link';
import {
  Arg,
  Args,
  Ctx,
  FieldResolver,
  ID,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { createConnectionType } from '../../core/connection';
import type {
  EquipmentPartDetails,
  GrantPartDetails,
  SpacePartDetails,
} from '../../core/event-support';
import { DecimalScalar } from '../../core/scalars';
import { Event } from '../event/event.entity';
import type { EventsContext } from '../events.context';
import { AssociationRef } from '../refs/association.ref';
import { EquipmentReservationRef } from '../refs/equipment-reservation.ref';
import { GrantApplicationRef } from '../refs/grant-application.ref';
import { ReservationRef } from '../refs/reservation.ref';
import { SpaceRef } from '../refs/space.ref';
import { EventSupportPart, EventSupportRequest } from './support.entity';
import { SETTLED, SupportPartKind, SupportRequestStatus } from './support.enums';
import { EventSupportRequestsArgs, RequestEventSupportInput } from './support.inputs';

export const EventSupportRequestConnection = createConnectionType(
  'EventSupportRequest',
  EventSupportRequest,
  'event support request',
);

/** Asking for and reading an event's support: thin; the rules are in the service. */
@Resolver(() => EventSupportRequest)
export class SupportResolver {
  @FieldResolver(() => GuideLink, {
    nullable: true,
    description:
      'The event organising guide of the handbook: planning, permits, equipment, the city’s support, communication before and after. Null when the handbook has none.',
  })
  guide(): GuideLink {
    return { slug: GUIDE_SLUGS.EVENTS };
  }

  @Mutation(() => EventSupportRequest, {
    description:
      "Asks the city's support for one event in one go: a space with setup and clearing-away time, equipment, an event grant (an organising association's representatives). Each part goes to the staff who own it; its `status` and `reason` follow. A part that cannot be had leaves the others as they are.",
  })
  requestEventSupport(
    @Arg('input', () => RequestEventSupportInput, {
      description: 'What is asked, for which event.',
    })
    input: RequestEventSupportInput,
    @Ctx() ctx: EventsContext,
  ) {
    return ctx.support.request(input);
  }

  @Mutation(() => EventSupportRequest, {
    description:
      "Cancels a whole support request (the association's representatives): each owner cancels what it made for it (the reservation, the loans, the grant application if not yet decided), and the parts follow as CANCELLED. Cancelling one part alone is done where it is owned (cancelReservation …).",
  })
  cancelEventSupportRequest(
    @Arg('id', () => ID, { description: 'The request.' }) id: string,
    @Ctx() ctx: EventsContext,
  ) {
    return ctx.support.cancel(id);
  }

  @Query(() => EventSupportRequest, {
    nullable: true,
    description:
      "One support request with all its parts; null when there is none or it is not yours (the association's representatives and city staff see it).",
  })
  eventSupportRequest(
    @Arg('id', () => ID, { description: 'The request.' }) id: string,
    @Ctx() ctx: EventsContext,
  ) {
    return ctx.support.byId(id);
  }

  @Query(() => EventSupportRequestConnection, {
    nullable: true,
    description:
      "Event support requests, newest first: staff see all, a representative their associations'.",
  })
  eventSupportRequests(
    @Args(() => EventSupportRequestsArgs) args: EventSupportRequestsArgs,
    @Ctx() ctx: EventsContext,
  ) {
    return ctx.support.list(args);
  }

  @FieldResolver(() => Event, { nullable: true, description: 'The event it is for.' })
  event(@Root() request: EventSupportRequest, @Ctx() ctx: EventsContext) {
    return ctx.loaders.event.load(request.eventId);
  }

  @FieldResolver(() => AssociationRef, { description: 'The association that asked.' })
  association(@Root() request: EventSupportRequest): AssociationRef {
    return { id: request.associationId };
  }

  @FieldResolver(() => SupportRequestStatus, {
    description:
      'CANCELLED once the association cancelled it; else DECIDED once every part is decided or refused; IN_PROGRESS until then.',
  })
  status(@Root() request: EventSupportRequest): SupportRequestStatus {
    if (request.cancelledAt) return SupportRequestStatus.CANCELLED;
    return request.decidedAt ? SupportRequestStatus.DECIDED : SupportRequestStatus.IN_PROGRESS;
  }

  @FieldResolver(() => [EventSupportPart], { description: 'The parts, in the order asked.' })
  parts(@Root() request: EventSupportRequest, @Ctx() ctx: EventsContext) {
    return ctx.support.parts(request);
  }
}

const space = (p: EventSupportPart) =>
  p.kind === SupportPartKind.SPACE ? (p.details as SpacePartDetails) : null;
const equipment = (p: EventSupportPart) =>
  p.kind === SupportPartKind.EQUIPMENT ? (p.details as EquipmentPartDetails) : null;
const grant = (p: EventSupportPart) =>
  p.kind === SupportPartKind.GRANT ? (p.details as GrantPartDetails) : null;
const made = (p: EventSupportPart, kind: SupportPartKind) =>
  p.kind === kind && p.targetId ? { id: p.targetId } : null;

/** What a part asked and what was made of it, read off its details. */
@Resolver(() => EventSupportPart)
export class SupportPartResolver {
  @FieldResolver(() => Boolean, {
    description: 'Whether staff have had their say (or it was refused).',
  })
  settled(@Root() part: EventSupportPart): boolean {
    return SETTLED.has(part.status);
  }

  @FieldResolver(() => SpaceRef, { nullable: true, description: 'SPACE: the space asked for.' })
  space(@Root() part: EventSupportPart): SpaceRef | null {
    const d = space(part);
    return d ? { id: d.spaceId } : null;
  }

  @FieldResolver(() => Date, {
    nullable: true,
    description: 'SPACE and EQUIPMENT: from when (the event’s start less the setup time).',
  })
  startsAt(@Root() part: EventSupportPart): Date | null {
    const d = space(part) ?? equipment(part);
    return d ? new Date(d.startsAt) : null;
  }

  @FieldResolver(() => Date, {
    nullable: true,
    description: 'SPACE and EQUIPMENT: until when (the event’s end and the clearing-away time).',
  })
  endsAt(@Root() part: EventSupportPart): Date | null {
    const d = space(part) ?? equipment(part);
    return d ? new Date(d.endsAt) : null;
  }

  @FieldResolver(() => ID, { nullable: true, description: 'EQUIPMENT: the item (equipmentItems).' })
  equipmentItemId(@Root() part: EventSupportPart): string | null {
    return equipment(part)?.itemId ?? null;
  }

  @FieldResolver(() => Int, { nullable: true, description: 'EQUIPMENT: how many.' })
  quantity(@Root() part: EventSupportPart): number | null {
    return equipment(part)?.quantity ?? null;
  }

  @FieldResolver(() => ID, { nullable: true, description: 'GRANT: the round applied in.' })
  roundId(@Root() part: EventSupportPart): string | null {
    return grant(part)?.roundId ?? null;
  }

  @FieldResolver(() => DecimalScalar, { nullable: true, description: 'GRANT: euros applied for.' })
  requestedAmount(@Root() part: EventSupportPart): string | null {
    return grant(part)?.requestedAmount ?? null;
  }

  @FieldResolver(() => ReservationRef, {
    nullable: true,
    description: 'SPACE: the reservation made for it, once made (its status, its staff note).',
  })
  reservation(@Root() part: EventSupportPart): ReservationRef | null {
    return made(part, SupportPartKind.SPACE);
  }

  @FieldResolver(() => EquipmentReservationRef, {
    nullable: true,
    description: 'EQUIPMENT: the loan made for it, once made.',
  })
  equipmentReservation(@Root() part: EventSupportPart): EquipmentReservationRef | null {
    return made(part, SupportPartKind.EQUIPMENT);
  }

  @FieldResolver(() => GrantApplicationRef, {
    nullable: true,
    description:
      'GRANT: the application made for it, once made (its decision, the amount awarded).',
  })
  grantApplication(@Root() part: EventSupportPart): GrantApplicationRef | null {
    return made(part, SupportPartKind.GRANT);
  }
}

/** An event's support requests, on the event. */
@Resolver(() => Event)
export class EventSupportResolver {
  @FieldResolver(() => [EventSupportRequest], {
    description:
      "Requests for the city's support for this event that you may see (its organisers' representatives and city staff), newest first; empty for others.",
  })
  supportRequests(@Root() event: Event, @Ctx() ctx: EventsContext) {
    return ctx.support.ofEvent(event);
  }
}
