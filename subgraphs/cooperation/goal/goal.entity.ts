import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { DecimalScalar } from '../../core/scalars';
import { LocalizedText } from '../../core/types/localized-text.type';
import { VERSION_DESCRIPTION } from '../../core/versioning';

@ObjectType({ description: 'A step on the way to a goal, with when it is due and reached.' })
export class GoalMilestone {
  @Field(() => LocalizedText, { description: 'What is done by then.' })
  title!: LocalizedText;

  @Field(() => String, { description: 'Due date "YYYY-MM-DD".' })
  dueOn!: string;

  @Field(() => String, { nullable: true, description: 'When it was reached; null until then.' })
  reachedOn!: string | null;
}

@Directive('@key(fields: "id")')
@ObjectType({
  description:
    "A goal of the cooperation (the model's goals, the city's strategy), with sub-goals, a target on an indicator, milestones and the working group responsible; its progress is computed.",
})
@Entity({ name: 'goal' })
export class Goal {
  @Field(() => ID, { description: 'Stable identifier (UUID).' })
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'parent_id', type: 'uuid', nullable: true })
  parentId!: string | null;

  @Field(() => LocalizedText, { description: 'Name, e.g. "Avoin vuorovaikutus".' })
  @Column({ type: 'jsonb' })
  name!: LocalizedText;

  @Field(() => LocalizedText, { nullable: true, description: 'What it means and why.' })
  @Column({ type: 'jsonb', nullable: true })
  description!: LocalizedText | null;

  @Column({ name: 'working_group_id', type: 'uuid', nullable: true })
  workingGroupId!: string | null;

  @Column({ name: 'indicator_id', type: 'uuid', nullable: true })
  indicatorId!: string | null;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: "The indicator's value when the goal was set (the start of its scale).",
  })
  @Column({ type: 'numeric', nullable: true })
  baseline!: string | null;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: "The indicator's value aimed at (the end of its scale).",
  })
  @Column({ type: 'numeric', nullable: true })
  target!: string | null;

  @Field(() => DecimalScalar, {
    description: 'Its weight among its siblings when their progress is rolled up; 1 by default.',
  })
  @Column({ type: 'numeric' })
  weight!: string;

  @Field(() => [GoalMilestone], { description: 'Milestones, by due date.' })
  @Column({ type: 'jsonb' })
  milestones!: GoalMilestone[];

  @Field(() => Int, { description: 'Place among its siblings.' })
  @Column({ type: 'int' })
  position!: number;

  @Field(() => Int, { description: VERSION_DESCRIPTION })
  @Column({ type: 'int' })
  version!: number;

  @Field(() => Date, { description: 'When it last changed.' })
  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
