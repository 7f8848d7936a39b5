import { ENTITY_DESCRIPTIONS } from '../../core/entity-descriptions';
import { VERSION_DESCRIPTION } from '../../core/versioning';
import { Directive, Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { LocalizedText } from '../../core/types/localized-text.type';
import { BookingSystemKind, SpaceType } from './space.enums';

/** numeric comes back from `pg` as a string; area is a measurement, so a number is fine. */
const numericToNumber = {
  to: (value: number | null) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};

@Directive('@key(fields: "id")')
@ObjectType({
  description: ENTITY_DESCRIPTIONS.Space,
})
@Entity({ name: 'space' })
export class Space {
  @Field(() => ID, { description: 'Stable identifier (UUID).' })
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'facility_id', type: 'uuid' })
  facilityId!: string;

  @Column({ name: 'parent_space_id', type: 'uuid', nullable: true })
  parentSpaceId!: string | null;

  @Field(() => LocalizedText, { description: 'Name of the space.' })
  @Column({ type: 'jsonb' })
  name!: LocalizedText;

  @Field(() => LocalizedText, { nullable: true, description: 'What the space is good for.' })
  @Column({ type: 'jsonb', nullable: true })
  description!: LocalizedText | null;

  @Field(() => SpaceType, { description: 'What kind of space it is.' })
  @Column({ type: 'text' })
  type!: SpaceType;

  @Field(() => Int, { nullable: true, description: 'How many people it holds.' })
  @Column({ type: 'int', nullable: true })
  capacity!: number | null;

  @Field(() => Float, { nullable: true, description: 'Floor area in square metres.' })
  @Column({ name: 'area_m2', type: 'numeric', nullable: true, transformer: numericToNumber })
  areaSquareMetres!: number | null;

  @Field(() => [String], {
    description:
      'Equipment in the space, as lower-case keywords: "projector", "piano", "stage", "sound-system", "dishwasher" …',
  })
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  equipment!: string[];

  @Field(() => Boolean, { description: 'Reachable and usable with a wheelchair.' })
  @Column({ type: 'boolean', default: false })
  accessible!: boolean;

  @Column({ name: 'is_free', type: 'boolean', default: true })
  isFree!: boolean;

  @Column({ name: 'hourly_rate', type: 'numeric', nullable: true })
  hourlyRate!: string | null;

  /** What an hour costs at the list price, what others pay: the subsidy's measure. */
  @Column({ name: 'list_hourly_rate', type: 'numeric', nullable: true })
  listHourlyRate!: string | null;

  @Column({ name: 'pricing_notes', type: 'jsonb', nullable: true })
  pricingNotes!: LocalizedText | null;

  @Column({ name: 'slot_minutes', type: 'int', default: 30 })
  slotMinutes!: number;

  @Column({ name: 'min_duration_minutes', type: 'int', default: 60 })
  minDurationMinutes!: number;

  @Column({ name: 'max_duration_minutes', type: 'int', default: 240 })
  maxDurationMinutes!: number;

  @Column({ name: 'min_lead_hours', type: 'int', default: 24 })
  minLeadHours!: number;

  @Column({ name: 'max_advance_days', type: 'int', default: 180 })
  maxAdvanceDays!: number;

  @Column({ name: 'booking_system', type: 'text', default: BookingSystemKind.LOCAL })
  bookingSystem!: BookingSystemKind;

  @Column({ name: 'external_id', type: 'text', nullable: true })
  externalId!: string | null;

  @Column({ name: 'last_synced_at', type: 'timestamptz', nullable: true })
  lastSyncedAt!: Date | null;

  @Field(() => Int, { description: VERSION_DESCRIPTION })
  @Column({ type: 'integer', default: 1 })
  version!: number;
}
