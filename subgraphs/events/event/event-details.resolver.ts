import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, Info, Int, Resolver, Root } from 'type-graphql';
import { shortLived } from '../../core/cache-policy';
import type { EventsContext } from '../events.context';
import { SpaceRef } from '../refs/space.ref';
import { Event } from './event.entity';
import { AgendaItem, Registration } from './event.types';

/** Registration and agenda of an event. */
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
