import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { createConnectionType } from '../../core/connection';
import { Association } from '../association/association.entity';
import type { AssociationsContext } from '../associations.context';
import { Activity } from './activity.entity';
import { ActivitiesArgs, AddActivityInput, UpdateActivityInput } from './activity.inputs';

export const ActivityConnection = createConnectionType('Activity', Activity, 'activity');

@Resolver(() => Activity)
export class ActivityResolver {
  @Query(() => ActivityConnection, {
    nullable: true,
    description:
      'Activities across the directory ("what can I join"), by Finnish name, filtered by words, target group, language, price, association or municipality; of associations not dissolved.',
  })
  activities(@Args(() => ActivitiesArgs) args: ActivitiesArgs, @Ctx() ctx: AssociationsContext) {
    return ctx.activities.list(args);
  }

  @FieldResolver(() => Association, {
    nullable: true,
    description: 'The association that runs it.',
  })
  association(@Root() activity: Activity, @Ctx() ctx: AssociationsContext) {
    return ctx.activities.association(activity);
  }

  @Mutation(() => Activity, {
    description: 'Adds an activity to an association (its representatives or city staff).',
  })
  addActivity(
    @Arg('input', () => AddActivityInput, { description: 'The new activity.' })
    input: AddActivityInput,
    @Ctx() ctx: AssociationsContext,
  ) {
    return ctx.activities.add(input);
  }

  @Mutation(() => Activity, { description: 'Changes an activity.' })
  updateActivity(
    @Arg('input', () => UpdateActivityInput, { description: 'What to change.' })
    input: UpdateActivityInput,
    @Ctx() ctx: AssociationsContext,
  ) {
    return ctx.activities.update(input);
  }

  @Mutation(() => Association, {
    description: 'Removes an activity; returns the association it belonged to.',
  })
  removeActivity(
    @Arg('id', () => ID, { description: 'The activity to remove.' }) id: string,
    @Ctx() ctx: AssociationsContext,
  ) {
    return ctx.activities.remove(id);
  }
}
