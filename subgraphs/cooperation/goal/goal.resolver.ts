import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { DecimalScalar } from '../../core/scalars';
import type { CooperationContext } from '../cooperation.context';
import { Indicator } from '../indicator/indicator.entity';
import { WorkingGroup } from '../working-group/working-group.entity';
import { Goal } from './goal.entity';
import { CreateGoalInput, UpdateGoalInput } from './goal.inputs';

const YEAR_ARG = {
  nullable: true,
  description: 'As of the end of this year (the yearly report); the latest when not given.',
};

/** Goals and progress: thin; the rules are in GoalService. */
@Resolver(() => Goal)
export class GoalResolver {
  @Query(() => [Goal], {
    nullable: true,
    description:
      'Every goal, each before its sub-goals (see `depth`): the strategy work as a table, which the analysts’ results view charts and downloads as CSV.',
  })
  goals(@Ctx() ctx: CooperationContext) {
    return ctx.goals.tree();
  }

  @Query(() => Goal, { nullable: true, description: 'One goal; null when there is none.' })
  goal(
    @Arg('id', () => ID, { description: 'The goal.' }) id: string,
    @Ctx() ctx: CooperationContext,
  ) {
    return ctx.goals.byId(id);
  }

  @FieldResolver(() => Int, { description: 'How deep it is: 0 for a top goal.' })
  depth(@Root() goal: Goal & { depth?: number }) {
    return goal.depth ?? (goal.parentId ? 1 : 0);
  }

  @FieldResolver(() => Goal, { nullable: true, description: 'The goal it is a sub-goal of.' })
  parent(@Root() goal: Goal, @Ctx() ctx: CooperationContext) {
    return ctx.goals.parent(goal);
  }

  @FieldResolver(() => [Goal], { description: 'Its sub-goals, in order.' })
  children(@Root() goal: Goal, @Ctx() ctx: CooperationContext) {
    return ctx.goals.children(goal);
  }

  @FieldResolver(() => WorkingGroup, {
    nullable: true,
    description: 'The working group responsible.',
  })
  workingGroup(@Root() goal: Goal, @Ctx() ctx: CooperationContext) {
    return ctx.goals.workingGroup(goal);
  }

  @FieldResolver(() => Indicator, {
    nullable: true,
    description: 'The indicator its progress is measured by.',
  })
  indicator(@Root() goal: Goal, @Ctx() ctx: CooperationContext) {
    return ctx.goals.indicator(goal);
  }

  @FieldResolver(() => DecimalScalar, {
    nullable: true,
    description: "The indicator's latest value (up to `year`): where the goal stands on its scale.",
  })
  current(
    @Root() goal: Goal,
    @Arg('year', () => Int, YEAR_ARG) year: number | null,
    @Ctx() ctx: CooperationContext,
  ) {
    return ctx.goals.current(goal, year ?? null);
  }

  @FieldResolver(() => DecimalScalar, {
    nullable: true,
    description:
      'Progress from 0 to 1 ("0.4500" = 45 %): on the indicator from baseline to target, else by milestones reached, and for a goal with sub-goals their weighted mean. Null until anything measures it.',
  })
  progress(
    @Root() goal: Goal,
    @Arg('year', () => Int, YEAR_ARG) year: number | null,
    @Ctx() ctx: CooperationContext,
  ) {
    return ctx.goals.progress(goal, year ?? null);
  }

  @Mutation(() => Goal, { description: 'Sets a goal or a sub-goal (city staff).' })
  createGoal(
    @Arg('input', () => CreateGoalInput, { description: 'The goal.' }) input: CreateGoalInput,
    @Ctx() ctx: CooperationContext,
  ) {
    return ctx.goals.create(input);
  }

  @Mutation(() => Goal, { description: 'Changes a goal (city staff).' })
  updateGoal(
    @Arg('input', () => UpdateGoalInput, { description: 'The changes.' }) input: UpdateGoalInput,
    @Ctx() ctx: CooperationContext,
  ) {
    return ctx.goals.update(input);
  }
}
