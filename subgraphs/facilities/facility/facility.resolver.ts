import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { createConnectionType } from '../../core/connection';
import type { FacilitiesContext } from '../facilities.context';
import { ServiceAreaRef } from '../refs/service-area.ref';
import { Space } from '../space/space.entity';
import { Facility } from './facility.entity';
import { FacilitiesArgs } from './facility.inputs';
import { OpeningException, OpeningPeriod } from './facility.types';

export const FacilityConnection = createConnectionType('Facility', Facility, 'facility');

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
    nullable: true,
    description: 'Facilities in Finnish name order, filtered and paged.',
  })
  facilities(@Args(() => FacilitiesArgs) args: FacilitiesArgs, @Ctx() ctx: FacilitiesContext) {
    return ctx.facilities.facilities(args);
  }

  @FieldResolver(() => [Space], { description: 'The bookable spaces in this building.' })
  spaces(@Root() facility: Facility, @Ctx() ctx: FacilitiesContext) {
    return ctx.facilities.spacesOf(facility);
  }

  @FieldResolver(() => [OpeningPeriod], {
    description: 'Regular opening hours per weekday, Helsinki local time.',
  })
  openingHours(@Root() facility: Facility, @Ctx() ctx: FacilitiesContext) {
    return ctx.facilities.openingHours(facility);
  }

  @FieldResolver(() => [OpeningException], {
    description: 'Upcoming dates with other hours or closed (holidays), from today on.',
  })
  openingExceptions(@Root() facility: Facility, @Ctx() ctx: FacilitiesContext) {
    return ctx.facilities.upcomingExceptions(facility);
  }

  @FieldResolver(() => ServiceAreaRef, {
    nullable: true,
    description: 'The city service area that owns the building; its staff decide reservations.',
  })
  serviceArea(@Root() facility: Facility): ServiceAreaRef | null {
    return facility.serviceAreaId ? { id: facility.serviceAreaId } : null;
  }
}

@Resolver(() => ServiceAreaRef)
export class ServiceAreaFacilitiesResolver {
  @FieldResolver(() => [Facility], {
    nullable: true,
    description:
      'The facilities this service area owns. Null, with an error naming the facilities service, when that service cannot answer.',
  })
  facilities(@Root() area: ServiceAreaRef, @Ctx() ctx: FacilitiesContext) {
    return ctx.facilities.ofServiceArea(area.id);
  }
}
