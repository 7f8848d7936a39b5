import { ENTITY_DESCRIPTIONS } from '../../core/entity-descriptions';
import { VERSION_DESCRIPTION } from '../../core/versioning';
import { Directive, Field, ID, ObjectType, Int } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { LocalizedText } from '../../core/types/localized-text.type';
import { MemberRole, PlanItemStatus, PlanStage, WorkingGroupTheme } from './working-group.enums';

const dateText = {
  to: (v: string | null) => v,
  from: (v: string | Date | null) =>
    v === null || typeof v === 'string' ? v : v.toISOString().slice(0, 10),
};

@Directive('@key(fields: "id")')
@ObjectType({
  description: ENTITY_DESCRIPTIONS.WorkingGroup,
})
@Entity({ name: 'working_group' })
export class WorkingGroup {
  @Field(() => ID, { description: 'Stable identifier (UUID).' })
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field(() => LocalizedText, { description: 'Name.' })
  @Column({ type: 'jsonb' })
  name!: LocalizedText;

  @Field(() => LocalizedText, { nullable: true, description: 'What the group is for.' })
  @Column({ type: 'jsonb', nullable: true })
  description!: LocalizedText | null;

  @Field(() => WorkingGroupTheme, { description: 'What it works on.' })
  @Column({ type: 'text' })
  theme!: WorkingGroupTheme;

  @Column({ name: 'service_area_ids', type: 'uuid', array: true })
  serviceAreaIds!: string[];

  @Field(() => Date, { description: 'When it last changed.' })
  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @Field(() => Int, { description: VERSION_DESCRIPTION })
  @Column({ type: 'integer', default: 1 })
  version!: number;
}

@ObjectType({
  description:
    'A member of a working group: an association’s representative or a city employee. Names and roles are public; e-mail and phone follow the directory’s rule (public when the member agreed, else for city staff and the member’s own association).',
})
@Entity({ name: 'working_group_member' })
export class WorkingGroupMember {
  @Field(() => ID, { description: 'Stable identifier (UUID).' })
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'working_group_id', type: 'uuid' })
  workingGroupId!: string;

  @Field(() => String, { description: 'Name.' })
  @Column({ type: 'text' })
  name!: string;

  @Field(() => MemberRole, { description: 'Role in the group.' })
  @Column({ type: 'text' })
  role!: MemberRole;

  @Column({ name: 'association_id', type: 'uuid', nullable: true })
  associationId!: string | null;

  @Column({ type: 'text', nullable: true })
  email!: string | null;

  @Column({ type: 'text', nullable: true })
  phone!: string | null;

  @Field(() => Boolean, { description: 'True: e-mail and phone may be shown to everyone.' })
  @Column({ name: 'is_public', type: 'boolean' })
  isPublic!: boolean;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Field(() => Int, { description: VERSION_DESCRIPTION })
  @Column({ type: 'integer', default: 1 })
  version!: number;
}

@ObjectType({
  description:
    'One item of a working group’s plan: a stage of the working method with its owner and schedule.',
})
@Entity({ name: 'plan_item' })
export class PlanItem {
  @Field(() => ID, { description: 'Stable identifier (UUID).' })
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'working_group_id', type: 'uuid' })
  workingGroupId!: string;

  @Field(() => PlanStage, { description: 'The stage it belongs to.' })
  @Column({ type: 'text' })
  stage!: PlanStage;

  @Field(() => LocalizedText, { description: 'What it says.' })
  @Column({ type: 'jsonb' })
  text!: LocalizedText;

  @Field(() => String, {
    nullable: true,
    description: 'Who is responsible, e.g. "Palvelutori" or a member’s name.',
  })
  @Column({ type: 'text', nullable: true })
  responsible!: string | null;

  @Field(() => String, { nullable: true, description: 'Due date, "YYYY-MM-DD".' })
  @Column({ name: 'due_on', type: 'date', nullable: true, transformer: dateText })
  dueOn!: string | null;

  @Field(() => PlanItemStatus, { description: 'How far it is.' })
  @Column({ type: 'text' })
  status!: PlanItemStatus;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Field(() => Date, { description: 'When it last changed.' })
  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @Field(() => Int, { description: VERSION_DESCRIPTION })
  @Column({ type: 'integer', default: 1 })
  version!: number;
}
