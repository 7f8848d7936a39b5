import { Field, ID, InputType, Int } from 'type-graphql';
import { DecimalScalar } from '../../core/scalars';
import { LocalizedTextInput } from '../../core/types/localized-text.type';
import { EXPECTED_VERSION_DESCRIPTION, OVERWRITE_DESCRIPTION } from '../../core/versioning';

@InputType({ description: 'A milestone of a goal.' })
export class GoalMilestoneInput {
  @Field(() => LocalizedTextInput, { description: 'What is done by then; Finnish required.' })
  title!: LocalizedTextInput;

  @Field(() => String, { description: 'Due date "YYYY-MM-DD".' })
  dueOn!: string;

  @Field(() => String, { nullable: true, description: 'When it was reached "YYYY-MM-DD".' })
  reachedOn?: string | null;
}

/** What a goal may say, created or changed. */
@InputType({ description: 'Goal fields; on an update, omitted fields stay and null clears.' })
export class GoalFields {
  @Field(() => LocalizedTextInput, { nullable: true, description: 'What it means and why.' })
  description?: LocalizedTextInput | null;

  @Field(() => ID, { nullable: true, description: 'The working group responsible.' })
  workingGroupId?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'The indicator its progress is measured by (give baseline and target with it).',
  })
  indicatorId?: string | null;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: "The indicator's value at the start.",
  })
  baseline?: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: "The indicator's value aimed at." })
  target?: string | null;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'Weight among its siblings, more than 0; 1 by default.',
  })
  weight?: string | null;

  @Field(() => [GoalMilestoneInput], {
    nullable: true,
    description: 'Milestones (replaces all), at most 50.',
  })
  milestones?: GoalMilestoneInput[] | null;

  @Field(() => Int, { nullable: true, description: 'Place among its siblings; 0 by default.' })
  position?: number | null;
}

@InputType({ description: 'A new goal (city staff).' })
export class CreateGoalInput extends GoalFields {
  @Field(() => LocalizedTextInput, { description: 'Name; Finnish required.' })
  name!: LocalizedTextInput;

  @Field(() => ID, { nullable: true, description: 'The goal it is a sub-goal of.' })
  parentId?: string | null;
}

@InputType({ description: 'Changes to a goal (city staff).' })
export class UpdateGoalInput extends GoalFields {
  @Field(() => ID, { description: 'The goal.' })
  id!: string;

  @Field(() => Int, { nullable: true, description: EXPECTED_VERSION_DESCRIPTION })
  expectedVersion?: number | null;

  @Field(() => Boolean, { nullable: true, description: OVERWRITE_DESCRIPTION })
  overwrite?: boolean | null;

  @Field(() => LocalizedTextInput, { nullable: true, description: 'Name.' })
  name?: LocalizedTextInput | null;
}
