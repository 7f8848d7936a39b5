import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@ObjectType({
  description: 'One answer to an event’s feedback. Comments are shown to city staff only.',
})
@Entity({ name: 'feedback' })
export class Feedback {
  @Field(() => ID, { description: 'Stable identifier (UUID).' })
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'event_id', type: 'uuid' })
  eventId!: string;

  @Column({ type: 'text' })
  respondent!: string;

  @Field(() => String, { description: 'representative or staff.' })
  @Column({ name: 'respondent_role', type: 'text' })
  respondentRole!: string;

  @Column({ name: 'association_id', type: 'uuid', nullable: true })
  associationId!: string | null;

  @Field(() => Int, { description: 'Rating from 1 (poor) to 5 (excellent).' })
  @Column({ type: 'int' })
  rating!: number;

  @Field(() => String, { nullable: true, description: 'Free comment.' })
  @Column({ type: 'text', nullable: true })
  comment!: string | null;

  @Field(() => Date, { description: 'When it was given.' })
  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
