import { EXPECTED_VERSION_DESCRIPTION, OVERWRITE_DESCRIPTION } from '../../core/versioning';
import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { DecimalScalar } from '../../core/scalars';
import { LocalizedTextInput } from '../../core/types/localized-text.type';
import { BookingSystemKind, SpaceType } from './space.enums';

@InputType({ description: 'Space fields; on an update, omitted fields stay.' })
export class SpaceFields {
  @Field(() => LocalizedTextInput, { nullable: true, description: 'What the space is good for.' })
  description?: LocalizedTextInput | null;

  @Field(() => Int, { nullable: true, description: 'How many people it holds.' })
  capacity?: number | null;

  @Field(() => Float, { nullable: true, description: 'Floor area in square metres.' })
  areaSquareMetres?: number | null;

  @Field(() => [String], {
    nullable: true,
    description: 'Equipment keywords, e.g. ["projector", "piano"].',
  })
  equipment?: string[] | null;

  @Field(() => Boolean, { nullable: true, description: 'Usable with a wheelchair.' })
  accessible?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Free of charge for associations.' })
  isFree?: boolean | null;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'Euros per hour when not free, e.g. "12.50".',
  })
  hourlyRate?: string | null;

  @Field(() => DecimalScalar, {
    nullable: true,
    description:
      'Euros per hour at the list price, what others pay, e.g. "45.00": the measure of the support an association gets (null clears it).',
  })
  listHourlyRate?: string | null;

  @Field(() => LocalizedTextInput, { nullable: true, description: 'Pricing conditions.' })
  pricingNotes?: LocalizedTextInput | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Slot grid in minutes (5–240, dividing a day).',
  })
  slotMinutes?: number | null;

  @Field(() => Int, { nullable: true, description: 'Shortest reservation in minutes.' })
  minDurationMinutes?: number | null;

  @Field(() => Int, { nullable: true, description: 'Longest reservation in minutes.' })
  maxDurationMinutes?: number | null;

  @Field(() => Int, { nullable: true, description: 'Hours of notice a request needs.' })
  minLeadHours?: number | null;

  @Field(() => Int, { nullable: true, description: 'How many days ahead it can be reserved.' })
  maxAdvanceDays?: number | null;

  @Field(() => BookingSystemKind, {
    nullable: true,
    description: 'The system of record for its reservations.',
  })
  bookingSystem?: BookingSystemKind | null;

  @Field(() => String, {
    nullable: true,
    description: "Its id there: TIMMI's roomPartId, Respa's resource id or the ICS feed URL.",
  })
  externalId?: string | null;
}

@InputType({ description: 'A new space in a facility (staff of the owning service area).' })
export class CreateSpaceInput extends SpaceFields {
  @Field(() => ID, { description: 'The facility it is in.' })
  facilityId!: string;

  @Field(() => ID, {
    nullable: true,
    description:
      'The whole it is a part of (a hall this half belongs to), in the same facility. Set only here.',
  })
  parentSpaceId?: string | null;

  @Field(() => LocalizedTextInput, { description: 'Name.' })
  name!: LocalizedTextInput;

  @Field(() => SpaceType, { description: 'What kind of space.' })
  type!: SpaceType;
}

@InputType({ description: 'Changes to a space. Omitted fields stay; null clears.' })
export class UpdateSpaceInput extends SpaceFields {
  @Field(() => ID, { description: 'The space.' })
  id!: string;

  @Field(() => LocalizedTextInput, { nullable: true, description: 'Name.' })
  name?: LocalizedTextInput | null;

  @Field(() => SpaceType, { nullable: true, description: 'What kind of space.' })
  type?: SpaceType | null;

  @Field(() => Int, { nullable: true, description: EXPECTED_VERSION_DESCRIPTION })
  expectedVersion?: number | null;

  @Field(() => Boolean, { nullable: true, description: OVERWRITE_DESCRIPTION })
  overwrite?: boolean | null;
}

@InputType({ description: 'Staff block a space for a while (maintenance, the city’s own use).' })
export class BlockSpaceTimeInput {
  @Field(() => ID, {
    description: 'The space (its parts and the whole it is in are blocked with it).',
  })
  spaceId!: string;

  @Field(() => Date, { description: 'From.' })
  startsAt!: Date;

  @Field(() => Date, { description: 'Until.' })
  endsAt!: Date;

  @Field(() => String, { description: 'Why, shown to staff.' })
  reason!: string;
}
