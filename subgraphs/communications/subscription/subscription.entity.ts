import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Topic } from '../announcement/announcement.enums';
import { Channel } from './subscription.enums';

@ObjectType({
  description:
    'A subscription to announcements and reminders: topics, an audience and a language. Its address is never shown through the graph.',
})
@Entity({ name: 'subscription' })
export class NotificationSubscription {
  @Field(() => ID, { description: 'Stable identifier (UUID).' })
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field(() => Channel, { description: 'E-mail or webhook.' })
  @Column({ type: 'text' })
  channel!: Channel;

  /** The e-mail address or webhook URL; null once the subscription has ended. */
  @Column({ type: 'text', nullable: true })
  address!: string | null;

  @Field(() => [Topic], { description: 'Topics it receives.' })
  @Column({ type: 'text', array: true })
  topics!: Topic[];

  @Column({ type: 'boolean' })
  everyone!: boolean;

  @Column({ name: 'service_area_ids', type: 'uuid', array: true })
  serviceAreaIds!: string[];

  @Column({ name: 'category_ids', type: 'uuid', array: true })
  categoryIds!: string[];

  @Column({ name: 'municipality_codes', type: 'text', array: true })
  municipalityCodes!: string[];

  @Field(() => String, { description: 'Language of its mails: fi, sv or en.' })
  @Column({ type: 'text' })
  language!: string;

  @Column({ name: 'association_id', type: 'uuid', nullable: true })
  associationId!: string | null;

  @Column({ name: 'unsubscribe_token', type: 'text', nullable: true })
  unsubscribeToken!: string | null;

  @Column({ type: 'text', nullable: true })
  secret!: string | null;

  @Column({ name: 'confirmed_at', type: 'timestamptz', nullable: true })
  confirmedAt!: Date | null;

  @Column({ name: 'ended_at', type: 'timestamptz', nullable: true })
  endedAt!: Date | null;

  @Column({ name: 'failing_since', type: 'timestamptz', nullable: true })
  failingSince!: Date | null;

  @Field(() => Date, {
    nullable: true,
    description: 'Webhooks: when it was disabled after failing too long.',
  })
  @Column({ name: 'disabled_at', type: 'timestamptz', nullable: true })
  disabledAt!: Date | null;

  @Field(() => Date, { description: 'When it was made.' })
  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
