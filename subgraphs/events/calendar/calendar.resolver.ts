import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { Event } from '../event/event.entity';
import type { EventsContext } from '../events.context';
import { Milestone } from '../milestone/milestone.entity';
import { Calendar } from './calendar.entity';

@Resolver(() => Calendar)
export class CalendarResolver {
  @Query(() => Calendar, {
    nullable: true,
    description:
      'The cooperation year at a glance: events and milestones here, grant application rounds and booking seasons from their subgraphs.',
  })
  calendar(
    @Arg('year', () => Int, { description: 'The calendar year, e.g. 2027.' }) year: number,
    @Arg('serviceAreaId', () => ID, {
      nullable: true,
      description: "One service area's calendar (with the city-wide items); all when omitted.",
    })
    serviceAreaId: string | null,
    @Ctx() ctx: EventsContext,
  ) {
    return ctx.calendar.calendar(year, serviceAreaId);
  }

  @FieldResolver(() => [Event], { description: 'Events of the year in start order.' })
  events(@Root() calendar: Calendar, @Ctx() ctx: EventsContext) {
    return ctx.calendar.events(calendar);
  }

  @FieldResolver(() => [Milestone], {
    description: 'Milestones of the year: budget, welfare report, surveys.',
  })
  milestones(@Root() calendar: Calendar, @Ctx() ctx: EventsContext) {
    return ctx.calendar.milestones(calendar);
  }
}
