import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { LocalizedText } from '../../core/types/localized-text.type';
import { EventKind, EventStatus } from './event.enums';

@Directive('@key(fields: "id")')
@ObjectType({
  description: 'A meeting or event of the cooperation: association evening, forum, joint event …',
})
@Entity({ name: 'event' })
export class Event {
  @Field(() => ID, { description: 'Stable identifier (UUID).' })
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field(() => LocalizedText, { description: 'Title.' })
  @Column({ type: 'jsonb' })
  title!: LocalizedText;

  @Field(() => LocalizedText, { nullable: true, description: 'What happens and for whom.' })
  @Column({ type: 'jsonb', nullable: true })
  description!: LocalizedText | null;

  @Field(() => EventKind, { description: 'Kind of event.' })
  @Column({ type: 'text' })
  kind!: EventKind;

  @Field(() => EventStatus, { description: 'Whether it is going ahead.' })
  @Column({ type: 'text' })
  status!: EventStatus;

  @Field(() => Date, { description: 'Start (UTC in storage; show in Europe/Helsinki).' })
  @Column({ name: 'starts_at', type: 'timestamptz' })
  startsAt!: Date;

  @Field(() => Date, { description: 'End.' })
  @Column({ name: 'ends_at', type: 'timestamptz' })
  endsAt!: Date;

  @Column({ name: 'venue_space_id', type: 'uuid', nullable: true })
  venueSpaceId!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Where, in plain text, when not (only) a bookable space.',
  })
  @Column({ type: 'text', nullable: true })
  location!: string | null;

  @Field(() => String, { nullable: true, description: 'Link for joining online.' })
  @Column({ name: 'online_url', type: 'text', nullable: true })
  onlineUrl!: string | null;

  @Field(() => Date, { description: 'When this record last changed.' })
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
