import { VERSION_DESCRIPTION } from '../../core/versioning';
import { Directive, Field, ID, ObjectType, Int } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { LocalizedText } from '../../core/types/localized-text.type';
import { GrantKind } from './program.enums';

@Directive('@key(fields: "id")')
@ObjectType({ description: 'A grant the city offers associations, with its public rules.' })
@Entity({ name: 'grant_program' })
export class GrantProgram {
  @Field(() => ID, { description: 'Stable identifier (UUID).' })
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field(() => LocalizedText, { description: 'Name of the program.' })
  @Column({ type: 'jsonb' })
  name!: LocalizedText;

  @Field(() => LocalizedText, {
    nullable: true,
    description: 'What the grant is for, in plain language.',
  })
  @Column({ type: 'jsonb', nullable: true })
  description!: LocalizedText | null;

  @Field(() => GrantKind, { description: 'Kind of grant.' })
  @Column({ type: 'text' })
  kind!: GrantKind;

  @Column({ name: 'service_area_id', type: 'uuid', nullable: true })
  serviceAreaId!: string | null;

  @Field(() => LocalizedText, {
    nullable: true,
    description:
      'The grant rules in plain language: who may apply, for what, and how it is decided.',
  })
  @Column({ type: 'jsonb', nullable: true })
  summary!: LocalizedText | null;

  @Field(() => LocalizedText, {
    nullable: true,
    description: 'Who is eligible, in plain language.',
  })
  @Column({ type: 'jsonb', nullable: true })
  eligibility!: LocalizedText | null;

  @Column({ name: 'yearly_budget', type: 'numeric', nullable: true })
  yearlyBudget!: string | null;

  @Field(() => String, { nullable: true, description: 'Link to the written, public grant rules.' })
  @Column({ name: 'rules_url', type: 'text', nullable: true })
  rulesUrl!: string | null;

  /** Set by TypeORM on every update: when staff last changed it. */
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @Field(() => Int, { description: VERSION_DESCRIPTION })
  @Column({ type: 'integer', default: 1 })
  version!: number;
}
