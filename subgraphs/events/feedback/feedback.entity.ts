import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
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

@InputType({
  description: 'Feedback on an event that has started (associations and city staff; once each).',
})
export class GiveFeedbackInput {
  @Field(() => ID, { description: 'The event.' })
  eventId!: string;

  @Field(() => Int, { description: 'Rating from 1 to 5.' })
  rating!: number;

  @Field(() => String, { nullable: true, description: 'What went well, what to change.' })
  comment?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'The association you answer for (representatives).',
  })
  associationId?: string | null;
}
