import { VERSION_DESCRIPTION } from '../../core/versioning';
import { Directive, Field, ID, ObjectType, Int } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Address } from '../../core/types/address.type';
import { LocalizedText } from '../../core/types/localized-text.type';
import { FacilityKind } from './facility.enums';
import { FacilityLink } from './facility.types';

@Directive('@key(fields: "id")')
@ObjectType({
  description:
    'A building the city lends spaces in: a multi-purpose house, school, library or youth centre.',
})
@Entity({ name: 'facility' })
export class Facility {
  @Field(() => ID, { description: 'Stable identifier (UUID).' })
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field(() => LocalizedText, { description: 'Name of the building.' })
  @Column({ type: 'jsonb' })
  name!: LocalizedText;

  @Field(() => LocalizedText, {
    nullable: true,
    description: 'What the building offers associations.',
  })
  @Column({ type: 'jsonb', nullable: true })
  description!: LocalizedText | null;

  @Field(() => FacilityKind, { description: 'What kind of building it is.' })
  @Column({ type: 'text', default: FacilityKind.OTHER })
  kind!: FacilityKind;

  @Field(() => LocalizedText, {
    nullable: true,
    description: 'How to get in and around with a wheelchair, pram or poor sight, in plain words.',
  })
  @Column({ type: 'jsonb', nullable: true })
  accessibility!: LocalizedText | null;

  @Field(() => [FacilityLink], { description: 'Photos, web page, map and other links.' })
  @Column({ type: 'jsonb', default: () => "'[]'" })
  links!: FacilityLink[];

  @Field(() => Address, { description: 'Street address.' })
  @Column({ type: 'jsonb' })
  address!: Address;

  @Field(() => String, { description: "Municipality as Statistics Finland's three-digit code." })
  @Column({ name: 'municipality_code', type: 'text' })
  municipalityCode!: string;

  /** The city service area that owns the building; its staff decide reservations. */
  @Column({ name: 'service_area_id', type: 'uuid', nullable: true })
  serviceAreaId!: string | null;

  @Field(() => Date, { description: 'When this record last changed.' })
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @Field(() => Int, { description: VERSION_DESCRIPTION })
  @Column({ type: 'integer', default: 1 })
  version!: number;
}
