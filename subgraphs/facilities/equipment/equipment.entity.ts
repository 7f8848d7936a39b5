import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { ENTITY_DESCRIPTIONS } from '../../core/entity-descriptions';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { LocalizedText } from '../../core/types/localized-text.type';
import { ReservationStatus } from '../reservation/reservation.enums';

@ObjectType({
  description:
    'Event equipment the city lends associations (välineistö): tents, PA systems, tables …',
})
@Entity({ name: 'equipment_item' })
export class EquipmentItem {
  @Field(() => ID, { description: 'Stable identifier (UUID).' })
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field(() => LocalizedText, { description: 'Name, e.g. "Tapahtumateltta 3 × 6 m".' })
  @Column({ type: 'jsonb' })
  name!: LocalizedText;

  @Field(() => LocalizedText, { nullable: true, description: 'What it is and what comes with it.' })
  @Column({ type: 'jsonb', nullable: true })
  description!: LocalizedText | null;

  @Field(() => Int, { description: 'How many the city has to lend.' })
  @Column({ type: 'int' })
  quantity!: number;

  @Column({ name: 'pickup_facility_id', type: 'uuid', nullable: true })
  pickupFacilityId!: string | null;

  @Field(() => LocalizedText, {
    nullable: true,
    description: 'Where and when to pick it up and return it.',
  })
  @Column({ name: 'pickup_notes', type: 'jsonb', nullable: true })
  pickupNotes!: LocalizedText | null;

  @Column({ name: 'service_area_id', type: 'uuid', nullable: true })
  serviceAreaId!: string | null;

  /** What lending one for a day is worth: the measure of the support a loan is. */
  @Column({ name: 'daily_value', type: 'numeric', nullable: true })
  dailyValue!: string | null;
}

@Directive('@key(fields: "id")')
@ObjectType({ description: ENTITY_DESCRIPTIONS.EquipmentReservation })
@Entity({ name: 'equipment_reservation' })
export class EquipmentReservation {
  @Field(() => ID, { description: 'Stable identifier (UUID).' })
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'item_id', type: 'uuid' })
  itemId!: string;

  @Column({ name: 'association_id', type: 'uuid' })
  associationId!: string;

  @Column({ name: 'requested_by', type: 'text' })
  requestedBy!: string;

  @Field(() => Int, { description: 'How many.' })
  @Column({ type: 'int' })
  quantity!: number;

  @Field(() => Date, { description: 'Picked up at.' })
  @Column({ name: 'starts_at', type: 'timestamptz' })
  startsAt!: Date;

  @Field(() => Date, { description: 'Returned by.' })
  @Column({ name: 'ends_at', type: 'timestamptz' })
  endsAt!: Date;

  @Field(() => ReservationStatus, {
    description: 'Where the reservation is; same life as a space reservation.',
  })
  @Column({ type: 'text' })
  status!: ReservationStatus;

  @Field(() => String, { description: 'What it is for, e.g. the event.' })
  @Column({ type: 'text' })
  purpose!: string;
}
