import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@ObjectType({
  description:
    'A time a space is taken outside the hub: a booking in the booking system, or a block staff set (maintenance).',
})
@Entity({ name: 'blocked_time' })
export class BlockedTime {
  @Field(() => ID, { description: 'Stable identifier (UUID).' })
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'space_id', type: 'uuid' })
  spaceId!: string;

  @Field(() => Date, { description: 'From.' })
  @Column({ name: 'starts_at', type: 'timestamptz' })
  startsAt!: Date;

  @Field(() => Date, { description: 'Until.' })
  @Column({ name: 'ends_at', type: 'timestamptz' })
  endsAt!: Date;

  @Field(() => String, { description: 'Where it comes from: TIMMI, RESPA, ICS, or STAFF.' })
  @Column({ type: 'text' })
  source!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Why (staff blocks) or the booking’s title.',
  })
  @Column({ type: 'text', nullable: true })
  reason!: string | null;
}
