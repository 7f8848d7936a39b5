import {
  Arg,
  Ctx,
  Field,
  FieldResolver,
  Float,
  Int,
  ObjectType,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { DecimalScalar } from '../../core/scalars';
import {
  countGroups,
  type GroupCounter,
  type GroupedStatistics,
  totalOf,
} from '../../core/statistics';
import type { FacilitiesContext } from '../facilities.context';
import { Facility } from '../facility/facility.entity';
import { SpaceType } from '../space/space.enums';
import { ReservationGrouping } from './reservation-statistics.enums';
import { ReservationStatisticsFilter } from './reservation-statistics.inputs';

@ObjectType({
  description: 'Confirmed reservations by associations in one group, and the hours they hold.',
})
export class ReservationStatisticsGroup {
  @Field(() => Facility, { nullable: true, description: 'The facility, when grouped by FACILITY.' })
  facility!: Facility | null;

  @Field(() => SpaceType, {
    nullable: true,
    description: 'The space type, when grouped by SPACE_TYPE.',
  })
  spaceType!: SpaceType | null;

  @Field(() => String, {
    nullable: true,
    description: 'The month "YYYY-MM", when grouped by MONTH.',
  })
  month!: string | null;

  @Field(() => Int, { description: 'Confirmed reservations.' })
  reservations!: number;

  @Field(() => DecimalScalar, { description: 'Hours reserved, e.g. "37.50".' })
  hours!: string;

  @Field(() => Int, { description: 'Associations holding them, each counted once.' })
  associations!: number;

  @Field(() => DecimalScalar, {
    nullable: true,
    description:
      "Hours the group's bookable units (spaces not divided further) were open in the period: each unit for its facility's opening hours on each Helsinki day, an exception date's hours instead of the weekday's. Null unless the filter gives both `from` and `to`.",
  })
  openHours!: string | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'Share of those open hours held by confirmed reservations of associations (unit-hours: booking a whole hall holds each of its parts), 0 to 1, four decimals. Null without a period or when nothing was open.',
  })
  usedShare!: number | null;
}

/** Groups and total, as every statistics field answers (core/statistics.ts). */
@ObjectType({
  description:
    "Associations' use of the city's spaces under one filter: per group, and the total (associations are counted once in the total, not summed over groups).",
})
export class ReservationStatistics implements GroupedStatistics<
  ReservationStatisticsGroup,
  ReservationStatisticsFilter
> {
  @Field(() => [ReservationStatisticsGroup], {
    description: 'The groups, ordered by their keys; no groupings: one group, the total.',
  })
  groups!: ReservationStatisticsGroup[];

  /** Not in the schema (see GroupedStatistics). */
  filter!: ReservationStatisticsFilter;
  knownTotal!: ReservationStatisticsGroup | null;
}

@Resolver(() => ReservationStatistics)
export class ReservationStatisticsResolver {
  @Query(() => ReservationStatistics, {
    nullable: true,
    description:
      "How associations use the city's spaces: confirmed reservations, hours and associations per facility, space type and/or month, with their total.",
  })
  async reservationStatistics(
    @Arg('groupBy', () => [ReservationGrouping], { description: 'What to group by (0 to 3).' })
    groupBy: ReservationGrouping[],
    @Arg('filter', () => ReservationStatisticsFilter, {
      nullable: true,
      description: 'Which reservations to count.',
    })
    filter: ReservationStatisticsFilter | null,
    @Ctx() ctx: FacilitiesContext,
  ): Promise<ReservationStatistics> {
    return countGroups(groupBy, filter ?? {}, counter(ctx));
  }

  @FieldResolver(() => ReservationStatisticsGroup, {
    description: 'Everything the filter selects, ungrouped (counted only when asked for).',
  })
  async total(@Root() statistics: ReservationStatistics, @Ctx() ctx: FacilitiesContext) {
    return totalOf(statistics, counter(ctx));
  }
}

/** The facilities subgraph's counts, as groups of the schema (facilities through the loader). */
function counter(
  ctx: FacilitiesContext,
): GroupCounter<ReservationGrouping, ReservationStatisticsGroup, ReservationStatisticsFilter> {
  return async (groupBy, filter) => {
    const rows = await ctx.reservationStatistics.statistics(groupBy, filter);
    return Promise.all(
      rows.map(async ({ facilityId, ...figures }) => ({
        ...figures,
        facility: facilityId ? await ctx.loaders.facility.load(facilityId) : null,
      })),
    );
  };
}
