import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { Event } from '../event/event.entity';
import { FeedbackSummary } from '../event/event.types';
import type { EventsContext } from '../events.context';
import { Feedback } from './feedback.entity';
import { GiveFeedbackInput } from './feedback.inputs';

/** Feedback on an event: giving it, its summary, and the answers for staff. */
@Resolver(() => Event)
export class EventFeedbackResolver {
  @FieldResolver(() => FeedbackSummary, {
    description: 'Feedback given after the event: count and average rating.',
  })
  feedbackSummary(@Root() event: Event, @Ctx() ctx: EventsContext) {
    return ctx.feedback.summary(event);
  }

  @FieldResolver(() => [Feedback], {
    // Nullable: a refusal costs only this field, never the event or a mutation's answer.
    nullable: true,
    description:
      'The feedback answers with comments (city staff only): null, with FORBIDDEN at this path, for others.',
  })
  feedback(@Root() event: Event, @Ctx() ctx: EventsContext) {
    return ctx.feedback.answers(event);
  }

  @Mutation(() => Feedback, {
    description: 'Feedback on an event that has started; once per person per event.',
  })
  giveFeedback(
    @Arg('input', () => GiveFeedbackInput, { description: 'Rating and comment.' })
    input: GiveFeedbackInput,
    @Ctx() ctx: EventsContext,
  ) {
    return ctx.feedback.give(input);
  }
}
