import { Arg, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { FacilitiesContext } from '../facilities.context';
import { Reservation } from '../reservation/reservation.entity';
import { AssociationRef } from '../refs/association.ref';
import { ServiceAreaRef } from '../refs/service-area.ref';
import { Space } from '../space/space.entity';
import { CalendarRef } from '../refs/calendar.ref';
import { BookingSeason, SeasonApplication } from './season.entity';
import { SeasonWindow } from './season.enums';
import {
  AllocateSeasonSlotInput,
  ApplyForSeasonSlotInput,
  DeclineSeasonApplicationInput,
} from './season.inputs';
import { SeasonAllocation } from './season.types';

@Resolver(() => BookingSeason)
export class BookingSeasonResolver {
  @Query(() => [BookingSeason], {
    nullable: true,
    description:
      'Booking seasons (vuorojako) whose slots or application window touch a year, by start date; all seasons without a year.',
  })
  bookingSeasons(
    @Arg('year', () => Int, { nullable: true, description: 'A calendar year, e.g. 2027.' })
    year: number | null,
    @Ctx() ctx: FacilitiesContext,
  ) {
    return ctx.seasons.seasons(year);
  }

  @FieldResolver(() => SeasonWindow, { description: 'Whether applications are taken now.' })
  applicationWindow(@Root() season: BookingSeason, @Ctx() ctx: FacilitiesContext) {
    return ctx.seasons.window(season);
  }

  @FieldResolver(() => ServiceAreaRef, {
    nullable: true,
    description: 'The service area that allocates it.',
  })
  serviceArea(@Root() season: BookingSeason): ServiceAreaRef | null {
    return season.serviceAreaId ? { id: season.serviceAreaId } : null;
  }

  @FieldResolver(() => [SeasonApplication], {
    description:
      "Applications: all of them to staff, a representative's own associations' to them, none to others.",
  })
  applications(@Root() season: BookingSeason, @Ctx() ctx: FacilitiesContext) {
    return ctx.seasons.applicationsOf(season);
  }

  @Mutation(() => SeasonApplication, {
    description:
      'Applies for a recurring weekly slot while the season’s window is open (an association’s representative).',
  })
  applyForSeasonSlot(
    @Arg('input', () => ApplyForSeasonSlotInput, { description: 'The slot wanted.' })
    input: ApplyForSeasonSlotInput,
    @Ctx() ctx: FacilitiesContext,
  ) {
    return ctx.seasons.apply(input);
  }

  @Mutation(() => SeasonAllocation, {
    description:
      'Gives an application a space: its weekly reservations are made for the whole season, and weeks that clash are reported back (staff of the season’s service area).',
  })
  allocateSeasonSlot(
    @Arg('input', () => AllocateSeasonSlotInput, { description: 'The allocation.' })
    input: AllocateSeasonSlotInput,
    @Ctx() ctx: FacilitiesContext,
  ) {
    return ctx.seasons.allocate(input);
  }

  @Mutation(() => SeasonApplication, {
    description: 'Declines an application, saying why (staff).',
  })
  declineSeasonApplication(
    @Arg('input', () => DeclineSeasonApplicationInput, { description: 'The decline.' })
    input: DeclineSeasonApplicationInput,
    @Ctx() ctx: FacilitiesContext,
  ) {
    return ctx.seasons.decline(input);
  }
}

@Resolver(() => SeasonApplication)
export class SeasonApplicationResolver {
  @FieldResolver(() => BookingSeason, { description: 'The season applied for.' })
  season(@Root() application: SeasonApplication, @Ctx() ctx: FacilitiesContext) {
    return ctx.seasons.seasonOf(application);
  }

  @FieldResolver(() => AssociationRef, { description: 'The association applying.' })
  association(@Root() application: SeasonApplication): AssociationRef {
    return { id: application.associationId };
  }

  @FieldResolver(() => [Space], { description: 'The spaces wanted, in order of preference.' })
  async preferredSpaces(@Root() application: SeasonApplication, @Ctx() ctx: FacilitiesContext) {
    const spaces = await ctx.loaders.space.loadMany(application.spaceIds);
    return spaces.filter((s): s is Space => s !== null && !(s instanceof Error));
  }

  @FieldResolver(() => Space, { nullable: true, description: 'The space given, once allocated.' })
  allocatedSpace(@Root() application: SeasonApplication, @Ctx() ctx: FacilitiesContext) {
    return application.allocatedSpaceId
      ? ctx.loaders.space.load(application.allocatedSpaceId)
      : null;
  }

  @FieldResolver(() => [Reservation], {
    description: 'The weekly reservations made from it, in date order.',
  })
  reservations(@Root() application: SeasonApplication, @Ctx() ctx: FacilitiesContext) {
    return ctx.seasons.reservationsOf(application);
  }
}

@Resolver(() => CalendarRef)
export class CalendarSeasonsResolver {
  @FieldResolver(() => [BookingSeason], {
    nullable: true,
    description:
      "Booking seasons whose slots or application window touch the year: the service area's own and the city-wide ones (all of them for the whole city). Null, with an error naming the facilities service, when that service cannot answer.",
  })
  bookingSeasons(@Root() calendar: CalendarRef, @Ctx() ctx: FacilitiesContext) {
    return ctx.seasons.ofCalendar(calendar.year, calendar.serviceAreaId);
  }
}
