import { Field, ID, InputType, Int } from 'type-graphql';

@InputType({
  description: 'An application for a recurring weekly slot (an association’s representative).',
})
export class ApplyForSeasonSlotInput {
  @Field(() => ID, { description: 'The booking season.' })
  seasonId!: string;

  @Field(() => ID, { description: 'The association applying; you must represent it.' })
  associationId!: string;

  @Field(() => Int, { description: 'ISO weekday: 1 = Monday … 7 = Sunday.' })
  weekday!: number;

  @Field(() => String, { description: 'Starts at, Helsinki local time "HH:MM".' })
  startTime!: string;

  @Field(() => String, { description: 'Ends at, Helsinki local time "HH:MM".' })
  endTime!: string;

  @Field(() => [ID], { description: 'Spaces in order of preference, 1 to 5.' })
  spaceIds!: string[];

  @Field(() => String, { description: 'What the slot is for.' })
  purpose!: string;

  @Field(() => Int, { nullable: true, description: 'Expected number of people.' })
  attendees?: number | null;
}

@InputType({ description: 'Staff allocate a space to a seasonal application.' })
export class AllocateSeasonSlotInput {
  @Field(() => ID, { description: 'The application.' })
  applicationId!: string;

  @Field(() => ID, { description: 'The space given; usually one of the preferences.' })
  spaceId!: string;

  @Field(() => String, { nullable: true, description: 'A note to the association.' })
  note?: string | null;
}

@InputType({ description: 'Staff decline a seasonal application.' })
export class DeclineSeasonApplicationInput {
  @Field(() => ID, { description: 'The application.' })
  applicationId!: string;

  @Field(() => String, { description: 'Why no space could be given.' })
  note!: string;
}
