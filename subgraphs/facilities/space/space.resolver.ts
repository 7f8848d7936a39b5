import { GUIDE_SLUGS, GuideLink } from '../../core/types/guide-link';
import type { GraphQLResolveInfo } from 'graphql';
import { shortLived } from '../../core/cache-policy';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Query, Resolver, Root } from 'type-graphql';
import { createConnectionType } from '../../core/connection';
import type { FacilitiesContext } from '../facilities.context';
import { Facility } from '../facility/facility.entity';
import { Space } from './space.entity';
import { AvailabilityArgs, SpacesArgs, VenueCheckArgs } from './space.inputs';
import { BookingRules, BookingSystemLink, SpacePricing, TimeSlot, VenueCheck } from './space.types';

export const SpaceConnection = createConnectionType('Space', Space, 'space');

@Resolver(() => Space)
export class SpaceResolver {
  @Query(() => Space, { nullable: true, description: 'One space by id; null when there is none.' })
  space(
    @Arg('id', () => ID, { description: 'The space id.' }) id: string,
    @Ctx() ctx: FacilitiesContext,
  ) {
    return ctx.spaces.space(id);
  }

  @Query(() => SpaceConnection, {
    nullable: true,
    description:
      'Bookable spaces in Finnish name order, filtered and paged. `filter.freeBetween` answers "what is free on Tuesday 17–19?".',
  })
  spaces(@Args(() => SpacesArgs) args: SpacesArgs, @Ctx() ctx: FacilitiesContext) {
    return ctx.spaces.spaces(args);
  }

  @FieldResolver(() => GuideLink, {
    nullable: true,
    description:
      'The space guide of the handbook: booking, rules, prices, keys and cleaning, and whom to ask. Null when the handbook has none.',
  })
  guide(): GuideLink {
    return { slug: GUIDE_SLUGS.SPACES };
  }

  @FieldResolver(() => Facility, { description: 'The building the space is in.' })
  facility(@Root() space: Space, @Ctx() ctx: FacilitiesContext) {
    return ctx.facilities.facilityOf(space);
  }

  @FieldResolver(() => Space, {
    nullable: true,
    description: 'The whole this space is a part of (a hall this half belongs to); null if none.',
  })
  parent(@Root() space: Space, @Ctx() ctx: FacilitiesContext) {
    return ctx.spaces.parentOf(space);
  }

  @FieldResolver(() => [Space], {
    description: 'The parts this space is split into; booking any part blocks the whole.',
  })
  parts(@Root() space: Space, @Ctx() ctx: FacilitiesContext) {
    return ctx.spaces.partsOf(space);
  }

  @FieldResolver(() => SpacePricing, { description: 'What using the space costs associations.' })
  pricing(@Root() space: Space, @Ctx() ctx: FacilitiesContext) {
    return ctx.spaces.pricing(space);
  }

  @FieldResolver(() => BookingRules, { description: 'The rules a reservation must follow.' })
  bookingRules(@Root() space: Space, @Ctx() ctx: FacilitiesContext) {
    return ctx.spaces.bookingRules(space);
  }

  @FieldResolver(() => BookingSystemLink, {
    description: "The space's system of record for reservations and how fresh our copy is.",
  })
  bookingSystem(@Root() space: Space, @Ctx() ctx: FacilitiesContext) {
    return ctx.spaces.bookingSystem(space);
  }

  @FieldResolver(() => [TimeSlot], {
    description:
      'Free time between from and to (at most 31 days): opening hours minus reservations and busy times of the space, its parts and the whole it belongs to. Check `bookingSystem.stale`.',
  })
  availability(
    @Root() space: Space,
    @Args(() => AvailabilityArgs) args: AvailabilityArgs,
    @Ctx() ctx: FacilitiesContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    // Free times change with every reservation: cached answers may lag only briefly.
    shortLived(info);
    return ctx.spaces.availability(space, args);
  }

  @FieldResolver(() => VenueCheck, {
    description:
      'Whether an event from startsAt to endsAt may hold this space, and if not, why: the days the building is closed, time outside opening hours, what else is there. Holds nothing; publishing an event judges the same way and holds the space in one step (holdVenue).',
  })
  venueCheck(
    @Root() space: Space,
    @Args(() => VenueCheckArgs) args: VenueCheckArgs,
    @Ctx() ctx: FacilitiesContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    shortLived(info);
    return ctx.venueHolds.check(space, args);
  }
}
