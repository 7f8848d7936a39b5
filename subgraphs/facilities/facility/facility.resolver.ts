import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { createConnectionType } from '../../core/connection';
import type { FacilitiesContext } from '../facilities.context';
import { Space } from '../space/space.entity';
import { Facility } from './facility.entity';
import { FacilitiesArgs, SpacesArgs } from './facility.inputs';

export const FacilityConnection = createConnectionType('Facility', Facility, 'facility');
export const SpaceConnection = createConnectionType('Space', Space, 'space');

@Resolver(() => Facility)
export class FacilityResolver {
  @Query(() => Facility, {
    nullable: true,
    description: 'One facility by id; null when there is none.',
  })
  facility(
    @Arg('id', () => ID, { description: 'The facility id.' }) id: string,
    @Ctx() ctx: FacilitiesContext,
  ) {
    return ctx.facilities.facility(id);
  }

  @Query(() => FacilityConnection, {
    description: 'Facilities in Finnish name order, filtered and paged.',
  })
  facilities(@Args(() => FacilitiesArgs) args: FacilitiesArgs, @Ctx() ctx: FacilitiesContext) {
    return ctx.facilities.facilities(args);
  }

  @FieldResolver(() => [Space], { description: 'The bookable spaces in this building.' })
  spaces(@Root() facility: Facility, @Ctx() ctx: FacilitiesContext) {
    return ctx.facilities.spacesOf(facility);
  }
}

@Resolver(() => Space)
export class SpaceResolver {
  @Query(() => Space, { nullable: true, description: 'One space by id; null when there is none.' })
  space(
    @Arg('id', () => ID, { description: 'The space id.' }) id: string,
    @Ctx() ctx: FacilitiesContext,
  ) {
    return ctx.facilities.space(id);
  }

  @Query(() => SpaceConnection, {
    description: 'Bookable spaces in Finnish name order, filtered and paged.',
  })
  spaces(@Args(() => SpacesArgs) args: SpacesArgs, @Ctx() ctx: FacilitiesContext) {
    return ctx.facilities.spaces(args);
  }

  @FieldResolver(() => Facility, { description: 'The building the space is in.' })
  facility(@Root() space: Space, @Ctx() ctx: FacilitiesContext) {
    return ctx.facilities.facilityOf(space);
  }
}
