import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';

export enum InvitationStatus {
  PENDING = 'PENDING',
  ACCEPTED = 'ACCEPTED',
  DECLINED = 'DECLINED',
}

registerEnumType(InvitationStatus, {
  name: 'InvitationStatus',
  description: 'Where an invitation to co-organise an event is.',
  valuesConfig: {
    PENDING: { description: 'Not answered yet.' },
    ACCEPTED: { description: 'Accepted: the association is an organiser of the event.' },
    DECLINED: { description: 'Declined; the event may invite it again.' },
  },
});

@ObjectType({
  description:
    "An invitation to another association to organise an event together. It becomes an organiser only when one of its representatives accepts: an event cannot put itself under another association's name.",
})
@Entity({ name: 'organizer_invitation' })
export class OrganizerInvitation {
  @PrimaryColumn({ name: 'event_id', type: 'uuid' })
  eventId!: string;

  @PrimaryColumn({ name: 'association_id', type: 'uuid' })
  associationId!: string;

  @Column({ name: 'invited_by', type: 'text' })
  invitedBy!: string;

  @Field(() => Date, { description: 'When it was sent.' })
  @Column({ name: 'invited_at', type: 'timestamptz' })
  invitedAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When it was answered; null while pending.' })
  @Column({ name: 'answered_at', type: 'timestamptz', nullable: true })
  answeredAt!: Date | null;

  @Column({ type: 'boolean', nullable: true })
  accepted!: boolean | null;
}
