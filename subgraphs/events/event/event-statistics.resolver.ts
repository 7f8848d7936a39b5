import {
  Arg,
  Ctx,
  Field,
  FieldResolver,
  Int,
  ObjectType,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import {
  countGroups,
  type GroupCounter,
  type GroupedStatistics,
  totalOf,
} from '../../core/statistics';
import type { EventsContext } from '../events.context';
import { ServiceAreaRef } from '../refs/service-area.ref';
import { EventGrouping, EventKind } from './event.enums';

import { EventFilter } from './event.inputs';

@ObjectType({
  description: 'How many events one group has, and how many took part in them.',
})
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

  @Field(() => Int, { description: 'Enrolments (not waitlisted or cancelled) to its events.' })
  enrolments!: number;

  @Field(() => Int, { description: 'People enrolled to its events, summed over enrolments.' })
  participants!: number;

  @Field(() => Int, {
    description:
      'Associations taking part (enrolled or organising), each counted once however many of the events it joined.',
  })
  associations!: number;

  @Field(() => Int, { description: 'Events whose attendance was recorded (recordAttendance).' })
  eventsWithAttendance!: number;

  @Field(() => Int, {
    description:
      'People who came to the events with recorded attendance: each one’s head count, or its marked sign-ups’ people who came where no head count was taken.',
  })
  came!: number;

  @Field(() => Int, { description: 'People of marked sign-ups who did not come.' })
  noShows!: number;

  @Field(() => Int, {
    description:
      'Events the city supported: a space, equipment or grant of one of their support requests was granted (requestEventSupport).',
  })
  withCitySupport!: number;
}

/** Groups and total, as every statistics field answers (core/statistics.ts). */
@ObjectType({
  description:
    'Event figures under one filter: per group, and the total (associations are counted once in the total, not summed over groups).',
})
export class EventStatistics implements GroupedStatistics<EventStatisticsGroup, EventFilter> {
  @Field(() => [EventStatisticsGroup], {
    description: 'The groups, ordered by their keys; no groupings: one group, the total.',
  })
  groups!: EventStatisticsGroup[];

  /** Not in the schema (see GroupedStatistics). */
  filter!: EventFilter;
  knownTotal!: EventStatisticsGroup | null;
}

type StatisticsRow = Awaited<ReturnType<EventsContext['events']['statistics']>>[number];

function group({ serviceAreaId, kind, ...figures }: StatisticsRow): EventStatisticsGroup {
  return {
    ...figures,
    kind: kind as EventKind | null,
    serviceArea: serviceAreaId ? { id: serviceAreaId } : null,
  };
}

@Resolver(() => EventStatistics)
export class EventStatisticsResolver {
  @Query(() => EventStatistics, {
    nullable: true,
    description:
      'Events, enrolments, participants (signed up), who came and no-shows, and associations taking part, per kind, month and/or service area under the same filter as `events`, with their total, e.g. association evenings per month with their participants.',
  })
  async eventStatistics(
    @Arg('groupBy', () => [EventGrouping], { description: 'What to group by (0 to 3).' })
    groupBy: EventGrouping[],
    @Arg('filter', () => EventFilter, { nullable: true, description: 'Which events to count.' })
    filter: EventFilter | null,
    @Ctx() ctx: EventsContext,
  ): Promise<EventStatistics> {
    return countGroups(groupBy, filter ?? {}, counter(ctx));
  }

  @FieldResolver(() => EventStatisticsGroup, {
    description: 'Everything the filter selects, ungrouped (counted only when asked for).',
  })
  async total(@Root() statistics: EventStatistics, @Ctx() ctx: EventsContext) {
    return totalOf(statistics, counter(ctx));
  }
}

/** The events subgraph's counts, as groups of the schema. */
function counter(ctx: EventsContext): GroupCounter<string, EventStatisticsGroup, EventFilter> {
  return async (groupBy, filter) => (await ctx.events.statistics(groupBy, filter)).map(group);
}
