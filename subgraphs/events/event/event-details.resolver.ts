import type { GraphQLResolveInfo } from 'graphql';
import { shortLived } from '../../core/cache-policy';
import { Arg, Ctx, FieldResolver, Info, Int, Mutation, Resolver, Root } from 'type-graphql';
import { Enrolment } from '../enrolment/enrolment.entity';
import { EnrolInput } from '../enrolment/enrolment.inputs';
import type { EventsContext } from '../events.context';
import { Feedback, GiveFeedbackInput } from '../feedback/feedback.entity';
import { AssociationRef } from '../refs/association.ref';
import { SpaceRef } from '../refs/space.ref';
import { Event } from './event.entity';
import { AgendaItem, FeedbackSummary, Registration } from './event.types';
import { ID } from 'type-graphql';

/** Registration, agenda and feedback of an event, and the mutations that go with them. */
@Resolver(() => Event)
export class EventDetailsResolver {
  @FieldResolver(() => Registration, {
    nullable: true,
    description: 'How to sign up, and how full it is; null when the event takes no sign-ups.',
  })
  registration(@Root() event: Event, @Ctx() ctx: EventsContext, @Info() info: GraphQLResolveInfo) {
    // Places left change with every sign-up.
    shortLived(info);
    return ctx.events.registration(event, ctx.enrolments.registrationIsOpen(event));
  }

  @FieldResolver(() => [AgendaItem], { description: 'The programme, in order.' })
  agenda(@Root() event: Event, @Ctx() ctx: EventsContext) {
    return ctx.events.agenda(event);
  }

  @FieldResolver(() => FeedbackSummary, {
    description: 'Feedback given after the event: count and average rating.',
  })
  feedbackSummary(@Root() event: Event, @Ctx() ctx: EventsContext) {
    return ctx.feedback.summary(event);
  }

  @FieldResolver(() => [Feedback], {
    description: 'The feedback answers with comments (city staff only).',
  })
  feedback(@Root() event: Event, @Ctx() ctx: EventsContext) {
    return ctx.feedback.answers(event);
  }

  @Mutation(() => Enrolment, {
    description:
      "Signs an association's people up (its representatives). ENROLLED when the places suffice and nobody waits, else WAITLISTED.",
  })
  enrol(
    @Arg('input', () => EnrolInput, { description: 'Who and how many.' }) input: EnrolInput,
    @Ctx() ctx: EventsContext,
  ) {
    return ctx.enrolments.enrol(input);
  }

  @Mutation(() => Enrolment, {
    description: 'Cancels a sign-up; freed places go to the waiting list, first come first served.',
  })
  cancelEnrolment(
    @Arg('id', () => ID, { description: 'The sign-up.' }) id: string,
    @Ctx() ctx: EventsContext,
  ) {
    return ctx.enrolments.cancel(id);
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

@Resolver(() => Enrolment)
export class EnrolmentResolver {
  @FieldResolver(() => Event, { nullable: true, description: 'The event.' })
  event(@Root() enrolment: Enrolment, @Ctx() ctx: EventsContext) {
    return ctx.loaders.event.load(enrolment.eventId);
  }

  @FieldResolver(() => AssociationRef, { description: 'The association signed up.' })
  association(@Root() enrolment: Enrolment): AssociationRef {
    return { id: enrolment.associationId };
  }
}

@Resolver(() => SpaceRef)
export class SpaceEventsResolver {
  @FieldResolver(() => [Event], {
    nullable: true,
    description:
      'Public events coming up in this space, soonest first. Null, with an error naming the events service, when that service cannot answer.',
  })
  upcomingEvents(
    @Root() space: SpaceRef,
    @Arg('first', () => Int, { nullable: true, description: 'How many, 5 by default, at most 50.' })
    first: number | null,
    @Ctx() ctx: EventsContext,
  ) {
    return ctx.events.upcomingIn(space.id, first);
  }
}
