import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { Event } from '../event/event.entity';
import type { EventsContext } from '../events.context';
import { AssociationRef } from '../refs/association.ref';
import { Enrolment } from './enrolment.entity';
import { EnrolInput } from './enrolment.inputs';

/** Signing up for an event and cancelling. */
@Resolver(() => Enrolment)
export class EnrolmentResolver {
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

  @FieldResolver(() => Event, { nullable: true, description: 'The event.' })
  event(@Root() enrolment: Enrolment, @Ctx() ctx: EventsContext) {
    return ctx.loaders.event.load(enrolment.eventId);
  }

  @FieldResolver(() => AssociationRef, { description: 'The association signed up.' })
  association(@Root() enrolment: Enrolment): AssociationRef {
    return { id: enrolment.associationId };
  }
}
