import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { EquipmentReservation } from '../equipment/equipment.entity';
import { SeasonApplication } from '../season/season.entity';
import { createConnectionType } from '../../core/connection';
import type { FacilitiesContext } from '../facilities.context';
import { AssociationRef } from '../refs/association.ref';
import { Space } from '../space/space.entity';
import { Reservation } from './reservation.entity';
import {
  AssociationReservationsArgs,
  DecideReservationInput,
  RequestReservationInput,
  ReservationsArgs,
} from './reservation.inputs';

export const ReservationConnection = createConnectionType(
  'Reservation',
  Reservation,
  'reservation',
);

@Resolver(() => Reservation)
export class ReservationResolver {
  @Query(() => Reservation, {
    nullable: true,
    description: 'One reservation; null when there is none or it is not yours to see.',
  })
  reservation(
    @Arg('id', () => ID, { description: 'The reservation id.' }) id: string,
    @Ctx() ctx: FacilitiesContext,
  ) {
    return ctx.reservations.reservation(id);
  }

  @Query(() => ReservationConnection, {
    nullable: true,
    description:
      "Reservations: city staff see all; a representative sees their own associations' only. Anonymous callers see none.",
  })
  reservations(
    @Args(() => ReservationsArgs) args: ReservationsArgs,
    @Ctx() ctx: FacilitiesContext,
  ) {
    return ctx.reservations.list(args);
  }

  @Mutation(() => Reservation, {
    description:
      'Asks for a space for an association (its representatives only). The time is held at once; the answer is REQUESTED (or CONFIRMED where the booking system confirms), or CONFLICT naming what is already there.',
  })
  requestReservation(
    @Arg('input', () => RequestReservationInput, { description: 'What, when and for whom.' })
    input: RequestReservationInput,
    @Ctx() ctx: FacilitiesContext,
  ) {
    return ctx.reservations.request(input);
  }

  @Mutation(() => Reservation, {
    description:
      "Cancels a REQUESTED or CONFIRMED reservation (the association's representatives or the facility's staff).",
  })
  cancelReservation(
    @Arg('id', () => ID, { description: 'The reservation to cancel.' }) id: string,
    @Ctx() ctx: FacilitiesContext,
  ) {
    return ctx.reservations.cancel(id);
  }

  @Mutation(() => Reservation, {
    description:
      'Confirms or rejects a REQUESTED reservation (staff of the service area that owns the facility).',
  })
  decideReservation(
    @Arg('input', () => DecideReservationInput, { description: 'The decision.' })
    input: DecideReservationInput,
    @Ctx() ctx: FacilitiesContext,
  ) {
    return ctx.reservations.decide(input);
  }

  @FieldResolver(() => Space, { description: 'The space reserved.' })
  space(@Root() reservation: Reservation, @Ctx() ctx: FacilitiesContext) {
    return ctx.reservations.spaceOf(reservation);
  }

  @FieldResolver(() => AssociationRef, { description: 'The association the space is for.' })
  association(@Root() reservation: Reservation): AssociationRef {
    return { id: reservation.associationId };
  }

  @FieldResolver(() => Boolean, {
    description:
      'True while staff must still enter this request into the booking system (TIMMI takes no bookings from outside); the next sync confirms it once it appears there.',
  })
  awaitingEntryInBookingSystem(@Root() reservation: Reservation, @Ctx() ctx: FacilitiesContext) {
    return ctx.reservations.awaitingEntryInBookingSystem(reservation);
  }
}

/** What the facilities subgraph adds to an association: its bookings of every kind. */
@Resolver(() => AssociationRef)
export class AssociationReservationsResolver {
  @FieldResolver(() => ReservationConnection, {
    nullable: true,
    description:
      "The association's reservations: visible to its representatives and city staff only (FORBIDDEN for others). Null, with an error naming the facilities service, when that service cannot answer.",
  })
  reservations(
    @Root() association: AssociationRef,
    @Args(() => AssociationReservationsArgs) args: AssociationReservationsArgs,
    @Ctx() ctx: FacilitiesContext,
  ) {
    return ctx.reservations.ofAssociation(association.id, args);
  }

  @FieldResolver(() => [EquipmentReservation], {
    nullable: true,
    description:
      "The association's equipment loans ending after `from` (now by default), soonest first: its representatives and city staff only. Null, with an error naming the facilities service, when that service cannot answer.",
  })
  equipmentReservations(
    @Root() association: AssociationRef,
    @Arg('from', () => Date, {
      nullable: true,
      description: 'Loans ending after this; now by default.',
    })
    from: Date | null,
    @Ctx() ctx: FacilitiesContext,
  ) {
    return ctx.equipment.ofAssociation(association.id, from);
  }

  @FieldResolver(() => [SeasonApplication], {
    nullable: true,
    description:
      "The association's applications for seasonal slots, newest first: its representatives and city staff only. Null, with an error naming the facilities service, when that service cannot answer.",
  })
  seasonApplications(@Root() association: AssociationRef, @Ctx() ctx: FacilitiesContext) {
    return ctx.seasons.ofAssociation(association.id);
  }
}
