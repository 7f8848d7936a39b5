import { EXPECTED_VERSION_DESCRIPTION, OVERWRITE_DESCRIPTION } from '../../core/versioning';
import { Field, ID, InputType, Int } from 'type-graphql';
import { LocalizedTextInput } from '../../core/types/localized-text.type';
import { EventKind, EventStatus, SeriesFrequency } from './event.enums';

@InputType({ description: 'A link to event material.' })
export class EventMaterialInput {
  @Field(() => String, { description: 'Title.' })
  title!: string;

  @Field(() => String, { description: 'The address (http or https).' })
  url!: string;
}

@InputType({ description: 'Event fields; on an update, omitted fields stay and null clears.' })
export class EventFields {
  @Field(() => LocalizedTextInput, { nullable: true, description: 'What happens and for whom.' })
  description?: LocalizedTextInput | null;

  @Field(() => ID, { nullable: true, description: 'The bookable space it is held in.' })
  venueSpaceId?: string | null;

  @Field(() => ID, {
    nullable: true,
    description:
      'WORKING_GROUP events: the working group (cooperation subgraph) the meeting belongs to.',
  })
  workingGroupId?: string | null;

  @Field(() => String, { nullable: true, description: 'Where, in plain text.' })
  location?: string | null;

  @Field(() => String, { nullable: true, description: 'Link for joining online.' })
  onlineUrl?: string | null;

  @Field(() => [String], { nullable: true, description: 'Keywords (replaces all).' })
  keywords?: string[] | null;

  @Field(() => LocalizedTextInput, { nullable: true, description: 'Who it is for.' })
  audience?: LocalizedTextInput | null;

  @Field(() => Boolean, { nullable: true, description: 'Free of charge.' })
  isFree?: boolean | null;

  @Field(() => [EventMaterialInput], {
    nullable: true,
    description: 'Materials as links (replaces all).',
  })
  materials?: EventMaterialInput[] | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Places for sign-ups; null for no sign-up limit.',
  })
  capacity?: number | null;

  @Field(() => Date, {
    nullable: true,
    description: 'Sign-up deadline; at the latest when the event starts.',
  })
  registrationClosesAt?: Date | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'Feedback only from associations marked as having come (recordAttendance), and staff; false by default.',
  })
  feedbackFromAttendeesOnly?: boolean | null;

  @Field(() => LocalizedTextInput, {
    nullable: true,
    description:
      "A working group meeting's notes (muistio) in Markdown; only for WORKING_GROUP events.",
  })
  notes?: LocalizedTextInput | null;
}

@InputType({
  description:
    'A new event (city staff for their service areas; representatives for their association’s community events).',
})
export class CreateEventInput extends EventFields {
  @Field(() => LocalizedTextInput, { description: 'Title.' })
  title!: LocalizedTextInput;

  @Field(() => EventKind, { description: 'Kind of event.' })
  kind!: EventKind;

  @Field(() => EventStatus, { nullable: true, description: 'DRAFT (default) or SCHEDULED.' })
  status?: EventStatus | null;

  @Field(() => Date, { description: 'Start.' })
  startsAt!: Date;

  @Field(() => Date, { description: 'End.' })
  endsAt!: Date;

  @Field(() => [ID], { nullable: true, description: 'Organising associations.' })
  organizerIds?: string[] | null;

  @Field(() => [ID], { nullable: true, description: "The city's service areas taking part." })
  serviceAreaIds?: string[] | null;
}

@InputType({ description: 'Changes to one event (one occurrence of a series: an exception).' })
export class UpdateEventInput extends EventFields {
  @Field(() => ID, { description: 'The event.' })
  id!: string;

  @Field(() => LocalizedTextInput, { nullable: true, description: 'Title.' })
  title?: LocalizedTextInput | null;

  @Field(() => EventStatus, {
    nullable: true,
    description: 'SCHEDULED, POSTPONED or CANCELLED (or DRAFT before publishing).',
  })
  status?: EventStatus | null;

  @Field(() => Date, { nullable: true, description: 'Start.' })
  startsAt?: Date | null;

  @Field(() => Date, { nullable: true, description: 'End.' })
  endsAt?: Date | null;

  @Field(() => Int, { nullable: true, description: EXPECTED_VERSION_DESCRIPTION })
  expectedVersion?: number | null;

  @Field(() => Boolean, { nullable: true, description: OVERWRITE_DESCRIPTION })
  overwrite?: boolean | null;
}

@InputType({ description: 'A recurring event: the first occurrence and how it repeats.' })
export class CreateEventSeriesInput extends CreateEventInput {
  @Field(() => SeriesFrequency, { description: 'Weekly or monthly.' })
  frequency!: SeriesFrequency;

  @Field(() => Int, {
    nullable: true,
    description: 'Every how many weeks or months; 1 by default.',
  })
  interval?: number | null;

  @Field(() => Int, { description: 'How many occurrences, 1 to 104.' })
  occurrences!: number;
}
