import { EXPECTED_VERSION_DESCRIPTION, OVERWRITE_DESCRIPTION } from '../../core/versioning';
import { Field, ID, InputType, Int } from 'type-graphql';
import { LocalizedTextInput } from '../../core/types/localized-text.type';
import { MemberRole, PlanItemStatus, PlanStage, WorkingGroupTheme } from './working-group.enums';

@InputType({
  description: 'A new working group (staff of its service areas; any staff for a city-wide one).',
})
export class CreateWorkingGroupInput {
  @Field(() => LocalizedTextInput, { description: 'Name; Finnish required.' })
  name!: LocalizedTextInput;

  @Field(() => LocalizedTextInput, { nullable: true, description: 'What the group is for.' })
  description?: LocalizedTextInput | null;

  @Field(() => WorkingGroupTheme, { description: 'What it works on.' })
  theme!: WorkingGroupTheme;

  @Field(() => [ID], { nullable: true, description: 'Service areas taking part; none: city-wide.' })
  serviceAreaIds?: string[] | null;
}

@InputType({ description: 'Changes to a working group; omitted fields stay, null clears.' })
export class UpdateWorkingGroupInput {
  @Field(() => ID, { description: 'The group.' })
  id!: string;

  @Field(() => LocalizedTextInput, { nullable: true, description: 'Name.' })
  name?: LocalizedTextInput | null;

  @Field(() => LocalizedTextInput, { nullable: true, description: 'What the group is for.' })
  description?: LocalizedTextInput | null;

  @Field(() => WorkingGroupTheme, { nullable: true, description: 'What it works on.' })
  theme?: WorkingGroupTheme | null;

  @Field(() => Int, { nullable: true, description: EXPECTED_VERSION_DESCRIPTION })
  expectedVersion?: number | null;

  @Field(() => Boolean, { nullable: true, description: OVERWRITE_DESCRIPTION })
  overwrite?: boolean | null;
}

@InputType({ description: 'Member fields; on an update, omitted fields stay and null clears.' })
export class MemberFields {
  @Field(() => ID, {
    nullable: true,
    description: 'The association the member represents; none for city staff.',
  })
  associationId?: string | null;

  @Field(() => String, { nullable: true, description: 'E-mail.' })
  email?: string | null;

  @Field(() => String, { nullable: true, description: 'Phone, e.g. "+358 44 123 4567".' })
  phone?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'The member agreed to show e-mail and phone to everyone; default false.',
  })
  isPublic?: boolean | null;
}

@InputType({ description: 'A new member of a working group.' })
export class AddWorkingGroupMemberInput extends MemberFields {
  @Field(() => ID, { description: 'The group.' })
  workingGroupId!: string;

  @Field(() => String, { description: 'Name.' })
  name!: string;

  @Field(() => MemberRole, { nullable: true, description: 'Role; MEMBER by default.' })
  role?: MemberRole | null;
}

@InputType({ description: 'Changes to a member.' })
export class UpdateWorkingGroupMemberInput extends MemberFields {
  @Field(() => ID, { description: 'The member.' })
  id!: string;

  @Field(() => String, { nullable: true, description: 'Name.' })
  name?: string | null;

  @Field(() => MemberRole, { nullable: true, description: 'Role.' })
  role?: MemberRole | null;

  @Field(() => Int, { nullable: true, description: EXPECTED_VERSION_DESCRIPTION })
  expectedVersion?: number | null;

  @Field(() => Boolean, { nullable: true, description: OVERWRITE_DESCRIPTION })
  overwrite?: boolean | null;
}

@InputType({ description: 'Plan item fields; on an update, omitted fields stay and null clears.' })
export class PlanItemFields {
  @Field(() => String, { nullable: true, description: 'Who is responsible.' })
  responsible?: string | null;

  @Field(() => String, { nullable: true, description: 'Due date, "YYYY-MM-DD".' })
  dueOn?: string | null;

  @Field(() => PlanItemStatus, {
    nullable: true,
    description: 'How far it is; PLANNED by default.',
  })
  status?: PlanItemStatus | null;
}

@InputType({ description: 'A new item of a working group’s plan.' })
export class AddPlanItemInput extends PlanItemFields {
  @Field(() => ID, { description: 'The group.' })
  workingGroupId!: string;

  @Field(() => PlanStage, { description: 'The stage it belongs to.' })
  stage!: PlanStage;

  @Field(() => LocalizedTextInput, { description: 'What it says; Finnish required.' })
  text!: LocalizedTextInput;
}

@InputType({ description: 'Changes to a plan item.' })
export class UpdatePlanItemInput extends PlanItemFields {
  @Field(() => ID, { description: 'The plan item.' })
  id!: string;

  @Field(() => PlanStage, { nullable: true, description: 'The stage it belongs to.' })
  stage?: PlanStage | null;

  @Field(() => LocalizedTextInput, { nullable: true, description: 'What it says.' })
  text?: LocalizedTextInput | null;

  @Field(() => Int, { nullable: true, description: EXPECTED_VERSION_DESCRIPTION })
  expectedVersion?: number | null;

  @Field(() => Boolean, { nullable: true, description: OVERWRITE_DESCRIPTION })
  overwrite?: boolean | null;
}
