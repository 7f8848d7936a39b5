import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { CooperationContext } from '../cooperation.context';
import { Guide } from '../guide/guide.entity';
import { AssociationRef } from '../refs/association.ref';
import { CalendarRef } from '../refs/calendar.ref';
import { ServiceAreaRef } from '../refs/service-area.ref';
import { PlanItem, WorkingGroup, WorkingGroupMember } from './working-group.entity';
import { WorkingGroupTheme } from './working-group.enums';
import {
  AddPlanItemInput,
  AddWorkingGroupMemberInput,
  CreateWorkingGroupInput,
  UpdatePlanItemInput,
  UpdateWorkingGroupInput,
  UpdateWorkingGroupMemberInput,
} from './working-group.inputs';

/** Working groups: thin; the rules are in WorkingGroupService. */
@Resolver(() => WorkingGroup)
export class WorkingGroupResolver {
  @Query(() => [WorkingGroup], {
    nullable: true,
    description: 'Working groups in Finnish name order.',
  })
  workingGroups(
    @Arg('themes', () => [WorkingGroupTheme], {
      nullable: true,
      description: 'Any of these themes.',
    })
    themes: WorkingGroupTheme[] | null,
    @Arg('serviceAreaId', () => ID, {
      nullable: true,
      description: "One service area's groups and the city-wide ones.",
    })
    serviceAreaId: string | null,
    @Ctx() ctx: CooperationContext,
  ) {
    return ctx.workingGroups.list(themes ?? null, serviceAreaId ?? null);
  }

  @Query(() => WorkingGroup, { nullable: true, description: 'One working group.' })
  workingGroup(
    @Arg('id', () => ID, { description: 'The group.' }) id: string,
    @Ctx() ctx: CooperationContext,
  ) {
    return ctx.workingGroups.get(id);
  }

  @FieldResolver(() => [ServiceAreaRef], {
    description: 'Service areas taking part; empty for a city-wide group.',
  })
  serviceAreas(@Root() group: WorkingGroup): ServiceAreaRef[] {
    return group.serviceAreaIds.map((id) => ({ id }));
  }

  @FieldResolver(() => [WorkingGroupMember], { description: 'Members, chairs first.' })
  members(@Root() group: WorkingGroup, @Ctx() ctx: CooperationContext) {
    return ctx.workingGroups.members(group);
  }

  @FieldResolver(() => [PlanItem], {
    description: 'The plan: current state, goal, change and actions, each by due date.',
  })
  plan(@Root() group: WorkingGroup, @Ctx() ctx: CooperationContext) {
    return ctx.workingGroups.plan(group);
  }

  @FieldResolver(() => [Guide], {
    description: 'The handbook’s guides the group keeps (a space group its space guide …).',
  })
  guides(@Root() group: WorkingGroup, @Ctx() ctx: CooperationContext) {
    return ctx.guides.keptBy(group.id);
  }

  @Mutation(() => WorkingGroup, { description: 'Creates a working group.' })
  createWorkingGroup(
    @Arg('input', () => CreateWorkingGroupInput, { description: 'The new group.' })
    input: CreateWorkingGroupInput,
    @Ctx() ctx: CooperationContext,
  ) {
    return ctx.workingGroups.create(input);
  }

  @Mutation(() => WorkingGroup, { description: 'Changes a working group.' })
  updateWorkingGroup(
    @Arg('input', () => UpdateWorkingGroupInput, { description: 'What to change.' })
    input: UpdateWorkingGroupInput,
    @Ctx() ctx: CooperationContext,
  ) {
    return ctx.workingGroups.update(input);
  }

  @Mutation(() => Boolean, {
    description: 'Removes a working group with its members and plan (true when it was there).',
  })
  removeWorkingGroup(
    @Arg('id', () => ID, { description: 'The group.' }) id: string,
    @Ctx() ctx: CooperationContext,
  ) {
    return ctx.workingGroups.remove(id);
  }

  @Mutation(() => WorkingGroupMember, { description: 'Adds a member to a working group.' })
  addWorkingGroupMember(
    @Arg('input', () => AddWorkingGroupMemberInput, { description: 'The new member.' })
    input: AddWorkingGroupMemberInput,
    @Ctx() ctx: CooperationContext,
  ) {
    return ctx.workingGroups.addMember(input);
  }

  @Mutation(() => WorkingGroupMember, { description: 'Changes a member.' })
  updateWorkingGroupMember(
    @Arg('input', () => UpdateWorkingGroupMemberInput, { description: 'What to change.' })
    input: UpdateWorkingGroupMemberInput,
    @Ctx() ctx: CooperationContext,
  ) {
    return ctx.workingGroups.updateMember(input);
  }

  @Mutation(() => Boolean, { description: 'Removes a member (true when they were there).' })
  removeWorkingGroupMember(
    @Arg('id', () => ID, { description: 'The member.' }) id: string,
    @Ctx() ctx: CooperationContext,
  ) {
    return ctx.workingGroups.removeMember(id);
  }

  @Mutation(() => PlanItem, { description: "Adds an item to a working group's plan." })
  addPlanItem(
    @Arg('input', () => AddPlanItemInput, { description: 'The new item.' })
    input: AddPlanItemInput,
    @Ctx() ctx: CooperationContext,
  ) {
    return ctx.workingGroups.addPlanItem(input);
  }

  @Mutation(() => PlanItem, { description: 'Changes a plan item, e.g. marks it DONE.' })
  updatePlanItem(
    @Arg('input', () => UpdatePlanItemInput, { description: 'What to change.' })
    input: UpdatePlanItemInput,
    @Ctx() ctx: CooperationContext,
  ) {
    return ctx.workingGroups.updatePlanItem(input);
  }

  @Mutation(() => Boolean, { description: 'Removes a plan item (true when it was there).' })
  removePlanItem(
    @Arg('id', () => ID, { description: 'The plan item.' }) id: string,
    @Ctx() ctx: CooperationContext,
  ) {
    return ctx.workingGroups.removePlanItem(id);
  }
}

@Resolver(() => WorkingGroupMember)
export class WorkingGroupMemberResolver {
  @FieldResolver(() => AssociationRef, {
    nullable: true,
    description: 'The association the member represents; null for city staff.',
  })
  association(@Root() member: WorkingGroupMember): AssociationRef | null {
    return member.associationId ? { id: member.associationId } : null;
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'E-mail: when the member agreed, or for city staff and their own association.',
  })
  email(@Root() member: WorkingGroupMember, @Ctx() ctx: CooperationContext): string | null {
    return ctx.workingGroups.mayContact(member) ? member.email : null;
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'Phone: when the member agreed, or for city staff and their own association.',
  })
  phone(@Root() member: WorkingGroupMember, @Ctx() ctx: CooperationContext): string | null {
    return ctx.workingGroups.mayContact(member) ? member.phone : null;
  }
}

/** A plan item's group, so that the calendar's items say whose they are. */
@Resolver(() => PlanItem)
export class PlanItemResolver {
  @FieldResolver(() => WorkingGroup, { description: 'The working group whose plan it is.' })
  workingGroup(@Root() item: PlanItem, @Ctx() ctx: CooperationContext) {
    return ctx.workingGroups.groupOf(item);
  }
}

/** Working groups' plans on the cooperation calendar, by due date. */
@Resolver(() => CalendarRef)
export class CalendarPlanResolver {
  @FieldResolver(() => [PlanItem], {
    nullable: true,
    description:
      "Working groups' plan items due in the year, by due date: the area's groups' and the city-wide ones (every group's for the whole city). Null, with an error naming the cooperation service, when that service cannot answer.",
  })
  planItems(@Root() calendar: CalendarRef, @Ctx() ctx: CooperationContext) {
    return ctx.workingGroups.planOfCalendar(calendar.year, calendar.serviceAreaId);
  }
}
