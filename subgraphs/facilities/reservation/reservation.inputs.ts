import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { PageArgsType } from '../../core/page.args';
import { ReservationDecision, ReservationOrder, ReservationStatus } from './reservation.enums';

@InputType({ description: "A request for a space, made by an association's representative." })
export class RequestReservationInput {
  @Field(() => ID, { description: 'The space to reserve.' })
  spaceId!: string;

  @Field(() => ID, { description: 'The association the space is for; you must represent it.' })
  associationId!: string;

  @Field(() => Date, { description: 'Start, on the space’s slot grid.' })
  startsAt!: Date;

  @Field(() => Date, { description: 'End, on the space’s slot grid.' })
  endsAt!: Date;

  @Field(() => String, { description: 'What the space is used for, e.g. "Hallituksen kokous".' })
  purpose!: string;

  @Field(() => Int, {
    nullable: true,
    description: 'Expected number of people; at most the capacity.',
  })
  attendees?: number | null;
}

@InputType({ description: "Staff's decision on a requested reservation." })
export class DecideReservationInput {
  @Field(() => ID, { description: 'The reservation.' })
  id!: string;

  @Field(() => ReservationDecision, { description: 'Confirm or reject.' })
  decision!: ReservationDecision;

  @Field(() => String, {
    nullable: true,
    description: 'A note to the association; say why when rejecting.',
  })
  note?: string | null;
}

@InputType({ description: 'Narrows a list of reservations.' })
export class ReservationFilter {
  @Field(() => [ID], { nullable: true, description: 'For any of these associations.' })
  associationIds?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'Of any of these spaces.' })
  spaceIds?: string[] | null;

  @Field(() => [ID], {
    nullable: true,
    description: 'In facilities of any of these service areas.',
  })
  serviceAreaIds?: string[] | null;

  @Field(() => [ReservationStatus], { nullable: true, description: 'In any of these statuses.' })
  statuses?: ReservationStatus[] | null;

  @Field(() => Date, { nullable: true, description: 'Ending after this moment.' })
  from?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Starting before this moment.' })
  to?: Date | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'Only requests that staff must still enter into the space’s booking system (TIMMI takes no bookings from outside).',
  })
  awaitingEntryInBookingSystem?: boolean | null;
}

@ArgsType()
export class ReservationsArgs extends PageArgsType {
  @Field(() => ReservationFilter, {
    nullable: true,
    description: 'Conditions the reservations must meet.',
  })
  filter?: ReservationFilter | null;

  @Field(() => ReservationOrder, {
    nullable: true,
    description: 'Order; earliest first by default.',
  })
  orderBy?: ReservationOrder | null;
}

@ArgsType()
export class AssociationReservationsArgs extends PageArgsType {
  @Field(() => [ReservationStatus], { nullable: true, description: 'In any of these statuses.' })
  statuses?: ReservationStatus[] | null;

  @Field(() => Date, { nullable: true, description: 'Ending after this moment.' })
  from?: Date | null;

  @Field(() => ReservationOrder, {
    nullable: true,
    description: 'Order; earliest first by default.',
  })
  orderBy?: ReservationOrder | null;
}
