import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { DeliveryKind, DeliveryStatus } from './delivery.enums';

@ObjectType({
  description:
    'One thing sent to one subscription: recorded once per (subscription, item), with its tries. Names no address.',
})
@Entity({ name: 'delivery' })
export class Delivery {
  @Field(() => ID, {
    description: 'Stable identifier (UUID); also the webhook-id and the mail’s Message-ID.',
  })
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'subscription_id', type: 'uuid' })
  subscriptionId!: string;

  @Field(() => DeliveryKind, { description: 'What it carries.' })
  @Column({ type: 'text' })
  kind!: DeliveryKind;

  @Field(() => String, {
    description: 'The item: an announcement id, or a reminder such as "round:<id>:3".',
  })
  @Column({ name: 'item_key', type: 'text' })
  itemKey!: string;

  @Column({ name: 'announcement_id', type: 'uuid', nullable: true })
  announcementId!: string | null;

  @Column({ type: 'jsonb', nullable: true })
  payload!: Record<string, unknown> | null;

  @Field(() => DeliveryStatus, { description: 'Where it stands.' })
  @Column({ type: 'text' })
  status!: DeliveryStatus;

  @Field(() => Int, { description: 'Tries so far.' })
  @Column({ type: 'int' })
  attempts!: number;

  @Field(() => String, { nullable: true, description: 'The last failure, if any.' })
  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError!: string | null;

  @Field(() => Date, { description: 'When it was queued.' })
  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When it was accepted.' })
  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt!: Date | null;
}
