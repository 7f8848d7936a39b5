import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type {
  EquipmentPartDetails,
  GrantPartDetails,
  SpacePartDetails,
} from '../../core/event-support';
import { SupportPartKind, SupportPartStatus } from './support.enums';
import { LocalizedText } from '../../core/types/localized-text.type';

@ObjectType({
  description:
    "What an association asks of the city for one of its events (issue 29): a space with time to set up and clear away, equipment, an event grant. Each part is decided by the staff who own it; the request shows them all. Visible to the association's representatives and city staff.",
})
@Entity({ name: 'support_request' })
export class EventSupportRequest {
  @Field(() => ID, { description: 'Stable identifier (UUID).' })
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'event_id', type: 'uuid' })
  eventId!: string;

  @Column({ name: 'association_id', type: 'uuid' })
  associationId!: string;

  @Column({ name: 'requested_by', type: 'text' })
  requestedBy!: string;

  @Field(() => String, { nullable: true, description: 'A word to the staff who decide.' })
  @Column({ type: 'text', nullable: true })
  message!: string | null;

  @Field(() => Date, { description: 'When it was asked.' })
  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Field(() => Date, {
    nullable: true,
    description: 'When its last part was decided and the association told; null until then.',
  })
  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;

  @Field(() => Date, {
    nullable: true,
    description:
      'When the association cancelled the whole request; its parts are then cancelled where they are owned. Null unless cancelled.',
  })
  @Column({ name: 'cancelled_at', type: 'timestamptz', nullable: true })
  cancelledAt!: Date | null;

  @Column({ name: 'cancelled_by', type: 'text', nullable: true })
  cancelledBy!: string | null;
}

@ObjectType({ description: 'One part of an event support request, decided on its own.' })
@Entity({ name: 'support_part' })
export class EventSupportPart {
  @Field(() => ID, { description: 'Stable identifier (UUID).' })
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'request_id', type: 'uuid' })
  requestId!: string;

  @Column({ type: 'int' })
  position!: number;

  @Field(() => SupportPartKind, { description: 'What it asks for.' })
  @Column({ type: 'text' })
  kind!: SupportPartKind;

  @Field(() => SupportPartStatus, { description: 'Where it is.' })
  @Column({ type: 'text' })
  status!: SupportPartStatus;

  @Field(() => String, {
    nullable: true,
    description:
      'Why it was refused or rejected, or the staff’s note with a decision: the field and the rule, or the staff’s words.',
  })
  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  @Column({ name: 'target_id', type: 'uuid', nullable: true })
  targetId!: string | null;

  @Field(() => LocalizedText, {
    nullable: true,
    description:
      'What the owner calls what was asked for: the space, the equipment item, the grant round. Null until the owner has answered.',
  })
  @Column({ type: 'jsonb', nullable: true })
  name!: LocalizedText | null;

  @Column({ type: 'jsonb' })
  details!: SpacePartDetails | EquipmentPartDetails | GrantPartDetails;

  @Field(() => Date, { description: 'When its status last changed.' })
  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
