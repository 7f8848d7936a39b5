import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';

@ObjectType({
  description:
    'Who came to an event, as its organiser recorded after it: signed up, came and no-shows of the sign-ups, and everyone counted at the door.',
})
export class EventAttendance {
  @Field(() => Date, { description: 'When it was last recorded.' })
  recordedAt!: Date;

  @Field(() => Int, {
    description: 'People of the enrolled sign-ups (not waiting, not cancelled).',
  })
  signedUp!: number;

  @Field(() => Int, { description: 'People of the marked sign-ups who came.' })
  came!: number;

  @Field(() => Int, { description: 'People of the marked sign-ups who did not come.' })
  noShows!: number;

  @Field(() => Int, { description: 'Enrolled sign-ups not marked yet.' })
  unmarked!: number;

  @Field(() => Int, {
    nullable: true,
    description: 'Everyone who came, walk-ins included, as counted; null when not counted.',
  })
  headCount!: number | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'People who came without a sign-up: the head count less those who came of the sign-ups.',
  })
  walkIns!: number | null;
}

@InputType({ description: 'How many of one sign-up’s people came.' })
export class EnrolmentAttendanceInput {
  @Field(() => ID, { description: 'The sign-up (an enrolled one of this event).' })
  enrolmentId!: string;

  @Field(() => Int, { description: 'People who came: from 0 to the sign-up’s people.' })
  came!: number;
}

@InputType({
  description:
    'Who came to an event, recorded by its organiser or the staff of its service areas once it has started. Recording again corrects what was recorded.',
})
export class RecordAttendanceInput {
  @Field(() => ID, { description: 'The event.' })
  eventId!: string;

  @Field(() => Int, {
    nullable: true,
    description: 'Everyone who came, walk-ins included; at least those marked as having come.',
  })
  headCount?: number | null;

  @Field(() => [EnrolmentAttendanceInput], {
    nullable: true,
    description: 'Sign-ups and how many of their people came; each once.',
  })
  enrolments?: EnrolmentAttendanceInput[] | null;
}
