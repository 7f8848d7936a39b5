import { Arg, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { CommunicationsContext } from '../communications.context';
import { Audience, audienceOf } from '../audience/audience';
import { NotificationSubscription } from './subscription.entity';
import { SubscribeInput, SubscribeResult, SubscriberCount } from './subscription.inputs';

/** Subscriptions: thin; the rules are in SubscriptionService. */
@Resolver(() => NotificationSubscription)
export class SubscriptionResolver {
  @Query(() => [SubscriberCount], {
    nullable: true,
    description: 'Confirmed subscribers per topic and channel (city staff); never addresses.',
  })
  subscriberCounts(@Ctx() ctx: CommunicationsContext) {
    return ctx.subscriptions.counts();
  }

  @Query(() => Int, {
    nullable: true,
    description:
      'How many confirmed e-mail subscribers announcements reach (any topic): a public count, never addresses.',
  })
  subscribersReached(@Ctx() ctx: CommunicationsContext) {
    return ctx.subscriptions.reached();
  }

  @FieldResolver(() => Audience, { description: 'Which announcements it receives.' })
  audience(@Root() subscription: NotificationSubscription): Audience {
    return audienceOf(subscription);
  }

  @FieldResolver(() => Boolean, { description: 'True once the address confirmed it.' })
  confirmed(@Root() subscription: NotificationSubscription): boolean {
    return subscription.confirmedAt !== null;
  }

  @Mutation(() => SubscribeResult, {
    description:
      'Subscribes an e-mail address (anyone; a confirmation mail first) or a webhook (city staff; its secret is in the answer, once).',
  })
  subscribe(
    @Arg('input', () => SubscribeInput, { description: 'The subscription.' }) input: SubscribeInput,
    @Ctx() ctx: CommunicationsContext,
  ) {
    return ctx.subscriptions.subscribe(input);
  }

  @Mutation(() => NotificationSubscription, {
    description: 'Confirms a subscription with the token of its confirmation mail.',
  })
  confirmSubscription(
    @Arg('token', () => String, { description: 'From the confirmation link.' }) token: string,
    @Ctx() ctx: CommunicationsContext,
  ) {
    return ctx.subscriptions.confirm(token);
  }

  @Mutation(() => Boolean, {
    description:
      'Ends a subscription with the token of its unsubscribe link and erases its address; true when there was one to end.',
  })
  unsubscribe(
    @Arg('token', () => String, { description: 'From the unsubscribe link.' }) token: string,
    @Ctx() ctx: CommunicationsContext,
  ) {
    return ctx.subscriptions.unsubscribe(token);
  }
}
