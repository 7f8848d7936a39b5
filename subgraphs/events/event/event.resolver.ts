import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { createConnectionType } from '../../core/connection';
import type { EventsContext } from '../events.context';
import { AssociationRef } from '../refs/association.ref';
import { ServiceAreaRef } from '../refs/service-area.ref';
import { WorkingGroupRef } from '../refs/working-group.ref';
import { SpaceRef } from '../refs/space.ref';
import { Event } from './event.entity';
import { AssociationEventsArgs, EventsArgs } from './event.inputs';

export const EventConnection = createConnectionType('Event', Event, 'event');

@Resolver(() => Event)
export class EventResolver {
  @Query(() => Event, {
    nullable: true,
    description: 'One event by id; null when there is none or it is not public.',
  })
  event(
    @Arg('id', () => ID, { description: 'The event id.' }) id: string,
    @Ctx() ctx: EventsContext,
  ) {
    return ctx.events.byId(id);
  }

  @Query(() => EventConnection, {
    nullable: true,
    description: 'Events in start order, filtered and paged.',
  })
  events(@Args(() => EventsArgs) args: EventsArgs, @Ctx() ctx: EventsContext) {
    return ctx.events.list(args);
  }

  @FieldResolver(() => [AssociationRef], { description: 'Associations organising the event.' })
  async organizers(@Root() event: Event, @Ctx() ctx: EventsContext): Promise<AssociationRef[]> {
    return (await ctx.events.organizerIds(event)).map((id) => ({ id }));
  }

  @FieldResolver(() => [ServiceAreaRef], { description: "The city's service areas taking part." })
  async serviceAreas(@Root() event: Event, @Ctx() ctx: EventsContext): Promise<ServiceAreaRef[]> {
    return (await ctx.events.serviceAreaIds(event)).map((id) => ({ id }));
  }

  @FieldResolver(() => WorkingGroupRef, {
    nullable: true,
    description: 'WORKING_GROUP events: the working group whose meeting it is.',
  })
  workingGroup(@Root() event: Event): WorkingGroupRef | null {
    return event.workingGroupId ? { id: event.workingGroupId } : null;
  }

  @FieldResolver(() => SpaceRef, {
    nullable: true,
    description: 'The bookable space it takes place in, if any.',
  })
  venue(@Root() event: Event): SpaceRef | null {
    return event.venueSpaceId ? { id: event.venueSpaceId } : null;
  }
}

@Resolver(() => AssociationRef)
export class AssociationEventsResolver {
  @FieldResolver(() => EventConnection, {
    nullable: true,
    description:
      'Events this association organises, in start order. Null, with an error naming the events service, when that service cannot answer.',
  })
  events(
    @Root() association: AssociationRef,
    @Args(() => AssociationEventsArgs) args: AssociationEventsArgs,
    @Ctx() ctx: EventsContext,
  ) {
    return ctx.events.ofAssociation(association.id, args);
  }
}

@Resolver(() => WorkingGroupRef)
export class WorkingGroupMeetingsResolver {
  @FieldResolver(() => [Event], {
    nullable: true,
    description:
      "The group's meetings (WORKING_GROUP events linked to it), in start order. Null, with an error naming the events service, when that service cannot answer.",
  })
  meetings(@Root() group: WorkingGroupRef, @Ctx() ctx: EventsContext) {
    return ctx.events.meetingsOf(group.id);
  }
}
