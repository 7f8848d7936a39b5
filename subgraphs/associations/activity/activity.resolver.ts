import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { Association } from '../association/association.entity';
import type { AssociationsContext } from '../associations.context';
import { Activity } from './activity.entity';
import { AddActivityInput, UpdateActivityInput } from './activity.inputs';

@Resolver(() => Activity)
export class ActivityResolver {
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
