import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { EnrolmentStatus } from './enrolment.enums';

@ObjectType({
  description:
    "An association's sign-up for an event. Visible to its representatives and city staff.",
})
@Entity({ name: 'enrolment' })
export class Enrolment {
  @Field(() => ID, { description: 'Stable identifier (UUID).' })
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'event_id', type: 'uuid' })
  eventId!: string;

  @Column({ name: 'association_id', type: 'uuid' })
  associationId!: string;

  @Column({ name: 'enrolled_by', type: 'text' })
  enrolledBy!: string;

  @Field(() => Int, { description: 'How many people.' })
  @Column({ type: 'int' })
  people!: number;

  @Field(() => EnrolmentStatus, { description: 'Enrolled, waiting or cancelled.' })
  @Column({ type: 'text' })
  status!: EnrolmentStatus;

  @Field(() => Int, {
    nullable: true,
    description:
      'How many of its people came, as the organiser marked after the event (recordAttendance); null until marked.',
  })
  @Column({ name: 'attended_people', type: 'int', nullable: true })
  attendedPeople!: number | null;

  @Field(() => Date, { description: 'When the sign-up was made: the waiting list’s order.' })
  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
