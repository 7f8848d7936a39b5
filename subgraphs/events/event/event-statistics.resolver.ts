import { Arg, Ctx, Field, Int, ObjectType, Query, Resolver } from 'type-graphql';
import type { EventsContext } from '../events.context';
import { ServiceAreaRef } from '../refs/service-area.ref';
import { EventGrouping, EventKind } from './event.enums';

import { EventFilter } from './event.inputs';

@ObjectType({ description: 'How many events one group has.' })
export class EventStatisticsGroup {
  @Field(() => EventKind, { nullable: true, description: 'The kind, when grouped by KIND.' })
  kind!: EventKind | null;

  @Field(() => String, {
    nullable: true,
    description: 'The month "YYYY-MM", when grouped by MONTH.',
  })
  month!: string | null;

  @Field(() => ServiceAreaRef, {
    nullable: true,
    description: 'The service area, when grouped by SERVICE_AREA.',
  })
  serviceArea!: ServiceAreaRef | null;

  @Field(() => Int, { description: 'Events in the group.' })
  count!: number;
}

@Resolver()
export class EventStatisticsResolver {
  @Query(() => [EventStatisticsGroup], {
    description:
      'Events counted per kind, month and/or service area under the same filter as `events`, e.g. events per kind per month.',
  })
  async eventStatistics(
    @Arg('groupBy', () => [EventGrouping], { description: 'What to group by.' })
    groupBy: EventGrouping[],
    @Arg('filter', () => EventFilter, { nullable: true, description: 'Which events to count.' })
    filter: EventFilter | null,
    @Ctx() ctx: EventsContext,
  ): Promise<EventStatisticsGroup[]> {
    const rows = await ctx.events.statistics(groupBy, filter ?? {});
    return rows.map((r) => ({
      kind: r.kind as EventKind | null,
      month: r.month,
      serviceArea: r.serviceAreaId ? { id: r.serviceAreaId } : null,
      count: r.count,
    }));
  }
}
