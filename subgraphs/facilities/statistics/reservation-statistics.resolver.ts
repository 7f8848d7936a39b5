import { Arg, Ctx, Field, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { DecimalScalar } from '../../core/scalars';
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
}

@Resolver()
export class ReservationStatisticsResolver {
  @Query(() => [ReservationStatisticsGroup], {
    description:
      "How associations use the city's spaces: confirmed reservations, hours and associations per facility, space type and/or month (no groupings: one total row).",
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
  ): Promise<ReservationStatisticsGroup[]> {
    const rows = await ctx.reservationStatistics.statistics(groupBy, filter ?? {});
    return Promise.all(
      rows.map(async ({ facilityId, ...figures }) => ({
        ...figures,
        facility: facilityId ? await ctx.loaders.facility.load(facilityId) : null,
      })),
    );
  }
}
