import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import type { EventsContext } from '../events.context';
import { ServiceAreaRef } from '../refs/service-area.ref';
import { Milestone } from './milestone.entity';
import { CreateMilestoneInput, UpdateMilestoneInput } from './milestone.inputs';

/** Keeping the milestones of the cooperation year: thin; the rules are in the service. */
@Resolver(() => Milestone)
export class MilestoneResolver {
  @FieldResolver(() => ServiceAreaRef, {
    nullable: true,
    description: 'The service area it belongs to; null for a city-wide milestone.',
  })
  serviceArea(@Root() milestone: Milestone): ServiceAreaRef | null {
    return milestone.serviceAreaId ? { id: milestone.serviceAreaId } : null;
  }

  @Mutation(() => Milestone, {
    description:
      'Adds a milestone to the cooperation calendar (staff of its service area; any staff for a city-wide one).',
  })
  createMilestone(
    @Arg('input', () => CreateMilestoneInput, { description: 'The new milestone.' })
    input: CreateMilestoneInput,
    @Ctx() ctx: EventsContext,
  ) {
    return ctx.milestones.create(input);
  }

  @Mutation(() => Milestone, {
    description: 'Changes a milestone; its SEQUENCE grows so subscribed calendars update.',
  })
  updateMilestone(
    @Arg('input', () => UpdateMilestoneInput, { description: 'What to change.' })
    input: UpdateMilestoneInput,
    @Ctx() ctx: EventsContext,
  ) {
    return ctx.milestones.update(input);
  }

  @Mutation(() => Boolean, {
    description:
      'Removes a milestone for good (true when it was there); calendars drop it on refresh.',
  })
  removeMilestone(
    @Arg('id', () => ID, { description: 'The milestone.' }) id: string,
    @Ctx() ctx: EventsContext,
  ) {
    return ctx.milestones.remove(id);
  }
}
