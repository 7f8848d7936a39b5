import { Field, ID, InputType, Int } from 'type-graphql';

@InputType({
  description: 'Feedback on an event that has started (associations and city staff; once each).',
})
export class GiveFeedbackInput {
  @Field(() => ID, { description: 'The event.' })
  eventId!: string;

  @Field(() => Int, { description: 'Rating from 1 to 5.' })
  rating!: number;

  @Field(() => String, { nullable: true, description: 'What went well, what to change.' })
  comment?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'The association you answer for (representatives).',
  })
  associationId?: string | null;
}
