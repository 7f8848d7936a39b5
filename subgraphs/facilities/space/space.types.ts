import { Field, Int, ObjectType } from 'type-graphql';
import { Directive } from 'type-graphql';
import { Money } from '../../core/types/money.type';
import { LocalizedText } from '../../core/types/localized-text.type';
import { BookingSystemKind } from './space.enums';

@ObjectType({ description: 'What using a space costs an association.' })
export class SpacePricing {
  @Field(() => Boolean, { description: 'True when associations use the space free of charge.' })
  isFree!: boolean;

  @Field(() => Money, {
    nullable: true,
    description: 'Price per started hour for associations; null when free.',
  })
  hourlyRate!: Money | null;

  @Field(() => Money, {
    nullable: true,
    description:
      "The space's list price per started hour, what others pay; what associations pay less this is the city's support in kind (`Association.support`). Null when none is set.",
  })
  listHourlyRate!: Money | null;

  @Field(() => LocalizedText, {
    nullable: true,
    description: 'Conditions, e.g. "free for registered associations on weekdays".',
  })
  notes!: LocalizedText | null;
}

@ObjectType({
  description:
    'The rules a reservation of a space must follow. Times are Helsinki local time; durations in minutes.',
})
export class BookingRules {
  @Field(() => Int, {
    description: 'Reservations start and end on this grid, counted from local midnight.',
  })
  slotMinutes!: number;

  @Field(() => Int, { description: 'Shortest reservation.' })
  minDurationMinutes!: number;

  @Field(() => Int, { description: 'Longest reservation.' })
  maxDurationMinutes!: number;

  @Field(() => Int, { description: 'A request must be made at least this many hours ahead.' })
  minLeadHours!: number;

  @Field(() => Int, { description: 'A reservation may start at most this many days ahead.' })
  maxAdvanceDays!: number;
}

@ObjectType({
  description: 'Which booking system is the record for a space, and how fresh our copy is.',
})
export class BookingSystemLink {
  @Field(() => BookingSystemKind, { description: 'The system of record for reservations.' })
  kind!: BookingSystemKind;

  @Field(() => String, {
    nullable: true,
    description: "The space's id in that system (e.g. TIMMI's roomPartId); null for LOCAL.",
  })
  externalId!: string | null;

  @Field(() => Date, {
    nullable: true,
    description: 'When busy times were last copied from that system; null for LOCAL.',
  })
  lastSyncedAt!: Date | null;

  @Field(() => Boolean, {
    description:
      'True when the copy may be out of date: the system could not be reached lately, so availability is from the last successful sync.',
  })
  stale!: boolean;
}

@Directive('@shareable')
@ObjectType({ description: 'A span of time, from start (inclusive) to end (exclusive).' })
export class TimeSlot {
  @Field(() => Date, { description: 'Start.' })
  startsAt!: Date;

  @Field(() => Date, { description: 'End.' })
  endsAt!: Date;
}

@ObjectType({
  description:
    'Whether an event fits a space (an event at a city space holds it): open for the whole time, on no closed day, with nothing else there.',
})
export class VenueCheck {
  @Field(() => Boolean, { description: 'True when the event may hold the space.' })
  fits!: boolean;

  @Field(() => [String], {
    description: 'Dates (YYYY-MM-DD, Helsinki) within the event on which the building is closed.',
  })
  closedOn!: string[];

  @Field(() => Boolean, {
    description: 'The event runs outside opening hours on a day the building is open.',
  })
  outsideOpeningHours!: boolean;

  @Field(() => [TimeSlot], {
    description:
      'Reservations and busy times of the space, its parts or its whole during the event.',
  })
  clashes!: TimeSlot[];
}
