import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { AudienceInput } from '../audience/audience';
import { Topic } from '../announcement/announcement.enums';
import { NotificationSubscription } from './subscription.entity';
import { Channel } from './subscription.enums';

@InputType({ description: 'A subscription to announcements and reminders.' })
export class SubscribeInput {
  @Field(() => Channel, {
    nullable: true,
    description: 'EMAIL (anyone; confirmed by a link first) or WEBHOOK (staff); default EMAIL.',
  })
  channel?: Channel | null;

  @Field(() => String, { description: 'The e-mail address, or the webhook’s https URL.' })
  address!: string;

  @Field(() => [Topic], { description: 'Topics to receive, at least one.' })
  topics!: Topic[];

  @Field(() => AudienceInput, {
    description:
      'Which announcements: for everyone, or for these areas, categories or municipalities.',
  })
  audience!: AudienceInput;

  @Field(() => String, {
    nullable: true,
    description: 'Language of the mails: fi (default), sv or en.',
  })
  language?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: "A representative subscribing their association's address: the association.",
  })
  associationId?: string | null;
}

@ObjectType({ description: 'What subscribing answers.' })
export class SubscribeResult {
  @Field(() => String, {
    description:
      'What happens next, in the language chosen for the subscription. For e-mail it is the same whether or not the address was known: subscribing reveals nothing about other subscribers.',
  })
  message!: string;

  @Field(() => NotificationSubscription, {
    nullable: true,
    description: 'WEBHOOK only: the new subscription.',
  })
  subscription!: NotificationSubscription | null;

  @Field(() => String, {
    nullable: true,
    description:
      'WEBHOOK only, shown this once: the Standard Webhooks signing secret ("whsec_…") to verify deliveries with.',
  })
  secret!: string | null;
}

@ObjectType({ description: 'Confirmed subscribers of one topic on one channel.' })
export class SubscriberCount {
  @Field(() => Topic, { description: 'The topic.' })
  topic!: Topic;

  @Field(() => Channel, { description: 'The channel.' })
  channel!: Channel;

  @Field(() => Number, { description: 'Confirmed, live subscriptions.' })
  count!: number;
}
