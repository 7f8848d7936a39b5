import { expectedVersionOf } from '../../core/versioning';
import { type AssociationDirectory, requireAssociations } from '../../core/association-directory';
import {
  isAdmin,
  isCityStaff,
  representsAssociation,
  requireThat,
  worksInServiceArea,
} from '../../core/authorization';
import { BadUserInputError, NotFoundError } from '../../core/errors';
import type { Identity } from '../../core/identity';
import { requireUuid } from '../../core/ids';
import { givenOnly, Validator } from '../../core/validation';
import type { CooperationData } from '../cooperation.repositories';
import type { CooperationLoaders } from '../cooperation.loaders';
import type { PlanItem, WorkingGroup, WorkingGroupMember } from './working-group.entity';
import { MemberRole, PlanItemStatus, type WorkingGroupTheme } from './working-group.enums';
import type {
  AddPlanItemInput,
  AddWorkingGroupMemberInput,
  CreateWorkingGroupInput,
  MemberFields,
  PlanItemFields,
  UpdatePlanItemInput,
  UpdateWorkingGroupInput,
  UpdateWorkingGroupMemberInput,
} from './working-group.inputs';
import type { MemberValues, PlanItemValues } from './working-group.repository';

/**
 * Who keeps a working group and what it keeps (its members, plan and guides): the staff of
 * its service areas, any staff for a city-wide group, and admins.
 */
export function keepsWorkingGroup(identity: Identity, serviceAreaIds: readonly string[]): boolean {
  return (
    isAdmin(identity) ||
    (serviceAreaIds.length > 0
      ? serviceAreaIds.some((id) => worksInServiceArea(identity, id))
      : isCityStaff(identity))
  );
}

/**
 * Working groups of the cooperation (keys 2, 4 and 5 of the model): public, so that
 * associations see who works on what and how far the plan is. Staff of the group's
 * service areas (any staff for a city-wide group) keep them. Members' e-mail and phone
 * follow the directory's rule for contact persons.
 */
export class WorkingGroupService {
  constructor(
    private readonly data: CooperationData,
    private readonly loaders: CooperationLoaders,
    private readonly identity: Identity,
    private readonly associations: AssociationDirectory,
  ) {}

  get(idArg: string): Promise<WorkingGroup | null> {
    return this.loaders.workingGroup.load(requireUuid('id', idArg));
  }

  reference(id: string): Promise<WorkingGroup | null> {
    return this.loaders.workingGroup.load(id);
  }

  list(themes: WorkingGroupTheme[] | null, serviceAreaId: string | null): Promise<WorkingGroup[]> {
    return this.data.repositories.workingGroups.list({
      themes: themes ?? undefined,
      serviceAreaId: serviceAreaId ? requireUuid('serviceAreaId', serviceAreaId) : undefined,
    });
  }

  members(group: WorkingGroup): Promise<WorkingGroupMember[]> {
    return this.loaders.membersOfWorkingGroup.load(group.id);
  }

  plan(group: WorkingGroup): Promise<PlanItem[]> {
    return this.loaders.planOfWorkingGroup.load(group.id);
  }

  /** The group a plan item belongs to. */
  async groupOf(item: PlanItem): Promise<WorkingGroup> {
    const group = await this.loaders.workingGroup.load(item.workingGroupId);
    if (!group) throw new NotFoundError('WorkingGroup', item.workingGroupId);
    return group;
  }

  /**
   * Plan items due in a year, for the cooperation calendar: of the groups of a service area
   * and the city-wide ones, or of every group for the whole city.
   */
  planOfCalendar(year: number, serviceAreaId: string | null): Promise<PlanItem[]> {
    if (year < 2000 || year > 2100) {
      throw BadUserInputError.single('year', 'RANGE', 'must be from 2000 to 2100');
    }
    return this.data.repositories.workingGroups.planDueBetween(
      `${year}-01-01`,
      `${year + 1}-01-01`,
      serviceAreaId ? requireUuid('serviceAreaId', serviceAreaId) : null,
    );
  }

  /** E-mail and phone: when the member agreed, or to staff and the member's own association. */
  mayContact(member: WorkingGroupMember): boolean {
    return (
      member.isPublic ||
      isCityStaff(this.identity) ||
      (member.associationId !== null && representsAssociation(this.identity, member.associationId))
    );
  }

  async create(input: CreateWorkingGroupInput): Promise<WorkingGroup> {
    const v = new Validator();
    const name = v.localized('input.name', input.name, { max: 200, required: true });
    const description = v.localized('input.description', input.description, { max: 4000 });
    const serviceAreaIds = v.ids('input.serviceAreaIds', input.serviceAreaIds) ?? [];
    v.throwIfInvalid();
    this.requireKeeper(serviceAreaIds, 'creating working groups');
    const id = await this.data.repositories.workingGroups.insertGroup({
      name: name!,
      description: description ?? null,
      theme: input.theme,
      serviceAreaIds,
    });
    return this.existingGroup(id);
  }

  async update(input: UpdateWorkingGroupInput): Promise<WorkingGroup> {
    const group = await this.existingGroup(requireUuid('input.id', input.id));
    this.requireKeeper(group.serviceAreaIds, 'changing a working group');
    const v = new Validator();
    if (input.name === null) v.problem('input.name', 'REQUIRED', 'cannot be cleared');
    if (input.theme === null) v.problem('input.theme', 'REQUIRED', 'cannot be cleared');
    const values = givenOnly({
      name: input.name
        ? v.localized('input.name', input.name, { max: 200, required: true })!
        : undefined,
      description: v.localized('input.description', input.description, { max: 4000 }),
      theme: input.theme ?? undefined,
    });
    const expected = expectedVersionOf(v, input);
    v.throwIfInvalid();
    await this.data.repositories.workingGroups.updateGroup(group.id, values, expected);
    return this.existingGroup(group.id);
  }

  async remove(idArg: string): Promise<boolean> {
    const group = await this.existingGroup(requireUuid('id', idArg));
    this.requireKeeper(group.serviceAreaIds, 'removing a working group');
    return this.data.repositories.workingGroups.removeGroup(group.id);
  }

  async addMember(input: AddWorkingGroupMemberInput): Promise<WorkingGroupMember> {
    const group = await this.existingGroup(
      requireUuid('input.workingGroupId', input.workingGroupId),
    );
    this.requireKeeper(group.serviceAreaIds, 'adding members to a working group');
    const v = new Validator();
    const name = v.text('input.name', input.name, { max: 200, required: true });
    const fields = this.memberFields(v, input);
    v.throwIfInvalid();
    if (fields.associationId) await requireAssociations(this.associations, [fields.associationId]);
    const id = await this.data.repositories.workingGroups.insertMember({
      ...fields,
      workingGroupId: group.id,
      name: name!,
      role: input.role ?? MemberRole.MEMBER,
      isPublic: fields.isPublic ?? false,
    });
    return this.existingMember(id);
  }

  async updateMember(input: UpdateWorkingGroupMemberInput): Promise<WorkingGroupMember> {
    const member = await this.existingMember(requireUuid('input.id', input.id));
    const group = await this.existingGroup(member.workingGroupId);
    this.requireKeeper(group.serviceAreaIds, 'changing a working group member');
    const v = new Validator();
    if (input.name === null) v.problem('input.name', 'REQUIRED', 'cannot be cleared');
    if (input.role === null) v.problem('input.role', 'REQUIRED', 'cannot be cleared');
    const values: MemberValues = {
      ...this.memberFields(v, input),
      ...givenOnly({
        name: input.name
          ? v.text('input.name', input.name, { max: 200, required: true })!
          : undefined,
        role: input.role ?? undefined,
      }),
    };
    const expected = expectedVersionOf(v, input);
    v.throwIfInvalid();
    if (values.associationId) await requireAssociations(this.associations, [values.associationId]);
    await this.data.edit(
      {
        table: 'cooperation.working_group_member',
        entity: 'WorkingGroupMember',
        id: member.id,
        expected,
      },
      (r) => r.workingGroups.updateMember(member.id, values),
    );
    return this.existingMember(member.id);
  }

  async removeMember(idArg: string): Promise<boolean> {
    const member = await this.existingMember(requireUuid('id', idArg));
    const group = await this.existingGroup(member.workingGroupId);
    this.requireKeeper(group.serviceAreaIds, 'removing a working group member');
    return this.data.repositories.workingGroups.removeMember(member.id);
  }

  async addPlanItem(input: AddPlanItemInput): Promise<PlanItem> {
    const group = await this.existingGroup(
      requireUuid('input.workingGroupId', input.workingGroupId),
    );
    this.requireKeeper(group.serviceAreaIds, "changing a working group's plan");
    const v = new Validator();
    const text = v.localized('input.text', input.text, { max: 2000, required: true });
    const fields = this.planFields(v, input);
    v.throwIfInvalid();
    const id = await this.data.repositories.workingGroups.insertPlanItem({
      ...fields,
      workingGroupId: group.id,
      stage: input.stage,
      text: text!,
      status: fields.status ?? PlanItemStatus.PLANNED,
    });
    return this.existingPlanItem(id);
  }

  async updatePlanItem(input: UpdatePlanItemInput): Promise<PlanItem> {
    const item = await this.existingPlanItem(requireUuid('input.id', input.id));
    const group = await this.existingGroup(item.workingGroupId);
    this.requireKeeper(group.serviceAreaIds, "changing a working group's plan");
    const v = new Validator();
    for (const field of ['stage', 'text', 'status'] as const) {
      if (input[field] === null) v.problem(`input.${field}`, 'REQUIRED', 'cannot be cleared');
    }
    const values: PlanItemValues = {
      ...this.planFields(v, input),
      ...givenOnly({
        stage: input.stage ?? undefined,
        text: input.text
          ? v.localized('input.text', input.text, { max: 2000, required: true })!
          : undefined,
      }),
    };
    const expected = expectedVersionOf(v, input);
    v.throwIfInvalid();
    await this.data.edit(
      { table: 'cooperation.plan_item', entity: 'PlanItem', id: item.id, expected },
      (r) => r.workingGroups.updatePlanItem(item.id, values),
    );
    return this.existingPlanItem(item.id);
  }

  async removePlanItem(idArg: string): Promise<boolean> {
    const item = await this.existingPlanItem(requireUuid('id', idArg));
    const group = await this.existingGroup(item.workingGroupId);
    this.requireKeeper(group.serviceAreaIds, "changing a working group's plan");
    return this.data.repositories.workingGroups.removePlanItem(item.id);
  }

  private memberFields(v: Validator, input: MemberFields): MemberValues {
    return givenOnly({
      associationId:
        input.associationId === undefined
          ? undefined
          : input.associationId === null
            ? null
            : (v.ids('input.associationId', [input.associationId])?.[0] ?? null),
      email: v.email('input.email', input.email),
      phone: v.phone('input.phone', input.phone),
      isPublic: input.isPublic ?? undefined,
    });
  }

  private planFields(v: Validator, input: PlanItemFields): PlanItemValues {
    return givenOnly({
      responsible: v.text('input.responsible', input.responsible, { max: 200 }),
      dueOn: v.date('input.dueOn', input.dueOn),
      status: input.status ?? undefined,
    });
  }

  /** Staff of every area the group belongs to; any staff for a city-wide one; admins. */
  private requireKeeper(serviceAreaIds: readonly string[], action: string): void {
    requireThat(
      this.identity,
      keepsWorkingGroup(this.identity, serviceAreaIds),
      `${action} (staff of its service areas; any staff for a city-wide group)`,
    );
  }

  private async existingGroup(id: string): Promise<WorkingGroup> {
    this.loaders.workingGroup.clear(id);
    const group = await this.loaders.workingGroup.load(id);
    if (!group) throw new NotFoundError('WorkingGroup', id);
    return group;
  }

  private async existingMember(id: string): Promise<WorkingGroupMember> {
    const [member] = await this.data.repositories.workingGroups.membersByIds([id]);
    if (!member) throw new NotFoundError('WorkingGroupMember', id);
    return member;
  }

  private async existingPlanItem(id: string): Promise<PlanItem> {
    const [item] = await this.data.repositories.workingGroups.planItemsByIds([id]);
    if (!item) throw new NotFoundError('PlanItem', id);
    return item;
  }
}
