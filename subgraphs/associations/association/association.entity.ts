import { ENTITY_DESCRIPTIONS } from '../../core/entity-descriptions';
import { VERSION_DESCRIPTION } from '../../core/versioning';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import {
  Column,
  CreateDateColumn,
  Entity,
  JoinTable,
  ManyToMany,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { Address } from '../../core/types/address.type';
import { LocalizedText } from '../../core/types/localized-text.type';
import { ServiceArea } from '../service-area/service-area.entity';
import { AssociationStatus, OrganizationKind } from './association.enums';

@Directive('@key(fields: "id")')
@ObjectType({
  description: ENTITY_DESCRIPTIONS.Association,
})
@Entity({ name: 'association' })
export class Association {
  @Field(() => ID, { description: 'Stable identifier (UUID).' })
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field(() => LocalizedText, {
    description: 'Name; Finnish always, Swedish and English when the association has them.',
  })
  @Column({ type: 'jsonb' })
  name!: LocalizedText;

  @Field(() => LocalizedText, {
    nullable: true,
    description: 'What the association does, in plain words.',
  })
  @Column({ type: 'jsonb', nullable: true })
  description!: LocalizedText | null;

  @Field(() => OrganizationKind, { description: 'What kind of body this is.' })
  @Column({ type: 'text' })
  kind!: OrganizationKind;

  @Field(() => AssociationStatus, { description: 'Whether it is active.' })
  @Column({ type: 'text' })
  status!: AssociationStatus;

  @Field(() => String, {
    nullable: true,
    description: 'Number in the national Register of Associations (PRH).',
  })
  @Column({ name: 'register_number', type: 'text', nullable: true })
  registerNumber!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Finnish business ID (Y-tunnus), e.g. "1234567-1".',
  })
  @Column({ name: 'business_id', type: 'text', nullable: true })
  businessId!: string | null;

  @Field(() => String, {
    description: "Home municipality as Statistics Finland's three-digit code (398 = Lahti).",
  })
  @Column({ name: 'municipality_code', type: 'text' })
  municipalityCode!: string;

  @Field(() => Int, { nullable: true, description: 'Year founded.' })
  @Column({ name: 'founded_year', type: 'int', nullable: true })
  foundedYear!: number | null;

  @Field(() => Int, { nullable: true, description: 'Number of members, as last reported.' })
  @Column({ name: 'member_count', type: 'int', nullable: true })
  memberCount!: number | null;

  @Field(() => [String], {
    description: 'Languages it works in, as ISO 639-1 codes (fi, sv, en, …).',
  })
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  languages!: string[];

  @Field(() => String, { nullable: true, description: 'Website (http or https).' })
  @Column({ type: 'text', nullable: true })
  website!: string | null;

  @Field(() => String, {
    nullable: true,
    description: "The association's public email (not a person's).",
  })
  @Column({ type: 'text', nullable: true })
  email!: string | null;

  @Field(() => String, { nullable: true, description: "The association's public phone number." })
  @Column({ type: 'text', nullable: true })
  phone!: string | null;

  @Field(() => Address, { nullable: true, description: 'Postal or visiting address.' })
  @Column({ type: 'jsonb', nullable: true })
  address!: Address | null;

  /** Resolved through a DataLoader by the resolver, never eagerly. */
  @ManyToMany(() => ServiceArea)
  @JoinTable({
    name: 'association_service_area',
    joinColumn: { name: 'association_id' },
    inverseJoinColumn: { name: 'service_area_id' },
  })
  serviceAreas?: ServiceArea[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Field(() => Date, { description: 'When anything in this record last changed.' })
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @Field(() => Int, { description: VERSION_DESCRIPTION })
  @Column({ type: 'integer', default: 1 })
  version!: number;
}
