import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { ENTITY_DESCRIPTIONS } from '../../core/entity-descriptions';
import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { ReservationStatus } from './reservation.enums';

@Directive('@key(fields: "id")')
@ObjectType({ description: ENTITY_DESCRIPTIONS.Reservation })
@Entity({ name: 'reservation' })
export class Reservation {
  @Field(() => ID, { description: 'Stable identifier (UUID).' })
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'space_id', type: 'uuid' })
  spaceId!: string;

  @Column({ name: 'association_id', type: 'uuid' })
  associationId!: string;

  /** The token subject of whoever asked; kept for the record, never shown. */
  @Column({ name: 'requested_by', type: 'text' })
  requestedBy!: string;

  @Field(() => Date, { description: 'Start.' })
  @Column({ name: 'starts_at', type: 'timestamptz' })
  startsAt!: Date;

  @Field(() => Date, { description: 'End.' })
  @Column({ name: 'ends_at', type: 'timestamptz' })
  endsAt!: Date;

  @Field(() => ReservationStatus, { description: 'Where the reservation is in its life.' })
  @Column({ type: 'text' })
  status!: ReservationStatus;

  @Field(() => String, { description: 'What the space is used for.' })
  @Column({ type: 'text' })
  purpose!: string;

  @Field(() => Int, { nullable: true, description: 'How many people are expected.' })
  @Column({ type: 'int', nullable: true })
  attendees!: number | null;

  @Field(() => String, {
    nullable: true,
    description: "Staff's note with a confirmation or rejection.",
  })
  @Column({ name: 'decision_note', type: 'text', nullable: true })
  decisionNote!: string | null;

  @Column({ name: 'decided_by', type: 'text', nullable: true })
  decidedBy!: string | null;

  @Field(() => Date, { nullable: true, description: 'When it was confirmed or rejected.' })
  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;

  @Column({ name: 'cancelled_by', type: 'text', nullable: true })
  cancelledBy!: string | null;

  @Field(() => Date, { nullable: true, description: 'When it was cancelled.' })
  @Column({ name: 'cancelled_at', type: 'timestamptz', nullable: true })
  cancelledAt!: Date | null;

  @Column({ name: 'season_application_id', type: 'uuid', nullable: true })
  seasonApplicationId!: string | null;

  @Field(() => String, {
    nullable: true,
    description: "The reservation's id in the space's booking system, once it is there.",
  })
  @Column({ name: 'external_id', type: 'text', nullable: true })
  externalId!: string | null;

  @Field(() => Date, { description: 'When it was requested.' })
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Field(() => Date, { description: 'When it last changed.' })
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
