import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import type { FacilitiesContext } from '../facilities.context';
import { BlockedTime } from './blocked-time.entity';
import { Space } from './space.entity';
import { BlockSpaceTimeInput, CreateSpaceInput, UpdateSpaceInput } from './space-admin.inputs';
import { SpaceBlock } from './space-admin.types';

/** Keeping spaces up to date (staff of the service area that owns the building). */
@Resolver(() => Space)
export class SpaceAdminResolver {
  @Mutation(() => Space, { description: 'Adds a bookable space to a facility.' })
  createSpace(
    @Arg('input', () => CreateSpaceInput, { description: 'The new space.' })
    input: CreateSpaceInput,
    @Ctx() ctx: FacilitiesContext,
  ) {
    return ctx.spaceAdmin.create(input);
  }

  @Mutation(() => Space, {
    description: "Changes a space's details, prices, booking rules or booking-system link.",
  })
  updateSpace(
    @Arg('input', () => UpdateSpaceInput, { description: 'What to change.' })
    input: UpdateSpaceInput,
    @Ctx() ctx: FacilitiesContext,
  ) {
    return ctx.spaceAdmin.update(input);
  }

  @Mutation(() => SpaceBlock, {
    description:
      'Blocks a space (and its parts and whole) for a while; lists the reservations it falls on, which are left for staff to decide.',
  })
  blockSpaceTime(
    @Arg('input', () => BlockSpaceTimeInput, { description: 'The block.' })
    input: BlockSpaceTimeInput,
    @Ctx() ctx: FacilitiesContext,
  ) {
    return ctx.spaceAdmin.block(input);
  }

  @Mutation(() => BlockedTime, { description: 'Removes a block staff set; returns it as it was.' })
  unblockSpaceTime(
    @Arg('id', () => ID, { description: 'The block.' }) id: string,
    @Ctx() ctx: FacilitiesContext,
  ) {
    return ctx.spaceAdmin.unblock(id);
  }
}
