import { Field, ID, InputType } from 'type-graphql';

@InputType({ description: 'One event occurrence to hold a space for.' })
export class VenueHoldOccurrenceInput {
  @Field(() => ID, { description: 'The event (its id, made before the event is written).' })
  eventId!: string;

  @Field(() => Date, { description: 'When it starts.' })
  startsAt!: Date;

  @Field(() => Date, { description: 'When it ends; at most 31 days after the start.' })
  endsAt!: Date;
}

@InputType({
  description: 'Events to hold one space for: one event, or every occurrence of a series.',
})
export class HoldVenueInput {
  @Field(() => ID, { description: 'The space.' })
  spaceId!: string;

  @Field(() => [VenueHoldOccurrenceInput], {
    description: 'The occurrences, 1–104, each event once.',
  })
  occurrences!: VenueHoldOccurrenceInput[];

  @Field(() => String, {
    nullable: true,
    description: 'What the space is held for (the event title), shown to staff with the busy time.',
  })
  reason?: string | null;
}
