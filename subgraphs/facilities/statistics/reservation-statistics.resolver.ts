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
import type { FacilitiesContext } from '../facilities.context';
import { Facility } from '../facility/facility.entity';
import { SpaceType } from '../space/space.enums';
import { ReservationGrouping } from './reservation-statistics.enums';
import { ReservationStatisticsFilter } from './reservation-statistics.inputs';
import type { ReservationStatisticsRow } from './reservation-statistics.repository';

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

/** The shape every statistics field answers in (grantStatistics, eventStatistics): groups and total. */
@ObjectType({
  description:
    "Associations' use of the city's spaces under one filter: per group, and the total (associations are counted once in the total, not summed over groups).",
})
export class ReservationStatistics {
  @Field(() => [ReservationStatisticsGroup], {
    description: 'The groups, ordered by their keys; no groupings: one group, the total.',
  })
  groups!: ReservationStatisticsGroup[];

  /** What the total counts; not in the schema. */
  filter!: ReservationStatisticsFilter;

  /** The total when the groups already are it (no groupings); not in the schema. */
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
    const rows = await ctx.reservationStatistics.statistics(groupBy, filter ?? {});
    const groups = await Promise.all(rows.map((row) => group(row, ctx)));
    return { groups, filter: filter ?? {}, knownTotal: groupBy.length === 0 ? groups[0] : null };
  }

  @FieldResolver(() => ReservationStatisticsGroup, {
    description: 'Everything the filter selects, ungrouped (counted only when asked for).',
  })
  async total(@Root() statistics: ReservationStatistics, @Ctx() ctx: FacilitiesContext) {
    if (statistics.knownTotal) return statistics.knownTotal;
    const [row] = await ctx.reservationStatistics.statistics([], statistics.filter);
    return group(row, ctx);
  }
}

async function group(
  { facilityId, ...figures }: ReservationStatisticsRow,
  ctx: FacilitiesContext,
): Promise<ReservationStatisticsGroup> {
  return { ...figures, facility: facilityId ? await ctx.loaders.facility.load(facilityId) : null };
}
