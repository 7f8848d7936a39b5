import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { PageArgsType } from '../../core/page.args';
import { DecimalScalar } from '../../core/scalars';
import { SupportRequestStatus } from './support.enums';

@InputType({ description: 'The space part: a city space for the event and the time around it.' })
export class SpaceSupportInput {
  @Field(() => ID, {
    nullable: true,
    description: "The space; not given: the event's venue (which must then be a city space).",
  })
  spaceId?: string | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Minutes before the event to set up, 0–480 (default 0).',
  })
  setupMinutes?: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Minutes after the event to clear away, 0–480 (default 0).',
  })
  clearAwayMinutes?: number | null;

  @Field(() => Int, { nullable: true, description: 'Expected number of people.' })
  attendees?: number | null;
}

@InputType({
  description: 'One line of the equipment part: lent for the same time as the space part.',
})
export class EquipmentSupportInput {
  @Field(() => ID, { description: 'The equipment item (equipmentItems).' })
  itemId!: string;

  @Field(() => Int, { description: 'How many, at least 1.' })
  quantity!: number;
}

@InputType({
  description: 'The grant part: an event grant (tapahtuma-avustus) from an open round.',
})
export class GrantSupportInput {
  @Field(() => ID, { description: 'An open round of an EVENT grant program.' })
  roundId!: string;

  @Field(() => DecimalScalar, { description: 'Euros applied for, more than 0, e.g. "800.00".' })
  requestedAmount!: string;

  @Field(() => String, { nullable: true, description: 'What the grant is for.' })
  purpose?: string | null;
}

@InputType({ description: "An association's request for the city's support for one event." })
export class RequestEventSupportInput {
  @Field(() => ID, { description: 'The event; the association must be one of its organisers.' })
  eventId!: string;

  @Field(() => ID, { description: 'The organising association asking; you must represent it.' })
  associationId!: string;

  @Field(() => SpaceSupportInput, { nullable: true, description: 'A city space, if wanted.' })
  space?: SpaceSupportInput | null;

  @Field(() => [EquipmentSupportInput], {
    nullable: true,
    description: 'Equipment, at most 20 different items, if wanted.',
  })
  equipment?: EquipmentSupportInput[] | null;

  @Field(() => GrantSupportInput, { nullable: true, description: 'An event grant, if wanted.' })
  grant?: GrantSupportInput | null;

  @Field(() => String, {
    nullable: true,
    description: 'A word to the staff, at most 2,000 characters.',
  })
  message?: string | null;
}

@InputType({ description: 'Narrows a list of event support requests.' })
export class EventSupportRequestFilter {
  @Field(() => [ID], {
    nullable: true,
    description: 'Of any of these associations (representatives see only their own).',
  })
  associationIds?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'For any of these events.' })
  eventIds?: string[] | null;

  @Field(() => SupportRequestStatus, { nullable: true, description: 'Only in this status.' })
  status?: SupportRequestStatus | null;
}

@ArgsType()
export class EventSupportRequestsArgs extends PageArgsType {
  @Field(() => EventSupportRequestFilter, {
    nullable: true,
    description: 'Conditions the requests must meet.',
  })
  filter?: EventSupportRequestFilter | null;
}
