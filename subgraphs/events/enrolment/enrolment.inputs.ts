import { Field, ID, InputType, Int } from 'type-graphql';

@InputType({ description: "Signs an association's people up for an event (its representatives)." })
export class EnrolInput {
  @Field(() => ID, { description: 'The event.' })
  eventId!: string;

  @Field(() => ID, { description: 'The association; you must represent it.' })
  associationId!: string;

  @Field(() => Int, { description: 'How many people, 1 to 50.' })
  people!: number;
}
