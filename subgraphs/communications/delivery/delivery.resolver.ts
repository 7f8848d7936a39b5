import { Args, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { createConnectionType } from '../../core/connection';
import type { CommunicationsContext } from '../communications.context';
import { Delivery } from './delivery.entity';
import { DeliveriesArgs } from './delivery.inputs';

export const DeliveryConnection = createConnectionType('Delivery', Delivery, 'delivery');

/** The delivery log and the reminder run, for city staff and admins. */
@Resolver(() => Delivery)
export class DeliveryResolver {
  @Query(() => DeliveryConnection, {
    nullable: true,
    description: 'The delivery log, newest first (city staff): what was sent, tried or given up.',
  })
  deliveries(@Args(() => DeliveriesArgs) args: DeliveriesArgs, @Ctx() ctx: CommunicationsContext) {
    return ctx.deliveries.list(args.filter ?? null, args);
  }

  @Mutation(() => Boolean, {
    description:
      'Queues the reminder run now (admins); it also runs every hour. Each reminder still goes once.',
  })
  runReminders(@Ctx() ctx: CommunicationsContext) {
    return ctx.deliveries.runReminders();
  }
}
