import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import type { FacilitiesContext } from '../facilities.context';
import { Facility } from './facility.entity';
import {
  CreateFacilityInput,
  SetOpeningExceptionInput,
  SetOpeningHoursInput,
  UpdateFacilityInput,
} from './facility-admin.inputs';

/** Keeping facilities up to date (staff of the owning service area, or an admin). */
@Resolver(() => Facility)
export class FacilityAdminResolver {
  @Mutation(() => Facility, {
    description: 'Adds a facility (staff of its service area, or an admin).',
  })
  createFacility(
    @Arg('input', () => CreateFacilityInput, { description: 'The new facility.' })
    input: CreateFacilityInput,
    @Ctx() ctx: FacilitiesContext,
  ) {
    return ctx.facilityAdmin.create(input);
  }

  @Mutation(() => Facility, {
    description: 'Changes a facility (staff of the owning service area).',
  })
  updateFacility(
    @Arg('input', () => UpdateFacilityInput, { description: 'What to change.' })
    input: UpdateFacilityInput,
    @Ctx() ctx: FacilitiesContext,
  ) {
    return ctx.facilityAdmin.update(input);
  }

  @Mutation(() => Facility, { description: "Replaces a facility's regular weekly opening hours." })
  setOpeningHours(
    @Arg('input', () => SetOpeningHoursInput, { description: 'The whole week.' })
    input: SetOpeningHoursInput,
    @Ctx() ctx: FacilitiesContext,
  ) {
    return ctx.facilityAdmin.setOpeningHours(input);
  }

  @Mutation(() => Facility, {
    description: 'Sets other hours, or closed, on one date (a holiday, an event).',
  })
  setOpeningException(
    @Arg('input', () => SetOpeningExceptionInput, { description: 'The date and its hours.' })
    input: SetOpeningExceptionInput,
    @Ctx() ctx: FacilitiesContext,
  ) {
    return ctx.facilityAdmin.setOpeningException(input);
  }

  @Mutation(() => Facility, {
    description: 'Removes an exception: the date follows the weekly hours again.',
  })
  removeOpeningException(
    @Arg('facilityId', () => ID, { description: 'The facility.' }) facilityId: string,
    @Arg('date', () => String, { description: 'The local date, "YYYY-MM-DD".' }) date: string,
    @Ctx() ctx: FacilitiesContext,
  ) {
    return ctx.facilityAdmin.removeOpeningException(facilityId, date);
  }
}
