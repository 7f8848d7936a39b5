import { VERSION_DESCRIPTION } from '../../core/versioning';
import { Directive, Field, ID, ObjectType, Int } from 'type-graphql';
import { ENTITY_DESCRIPTIONS } from '../../core/entity-descriptions';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { GrantApplicationStatus } from './application.enums';

@ObjectType({ description: 'A link attached to an application (a plan, a budget sheet).' })
export class Attachment {
  @Field(() => String, { description: 'Title.' })
  title!: string;

  @Field(() => String, { description: 'The address (http or https).' })
  url!: string;
}

@Directive('@key(fields: "id")')
@ObjectType({ description: ENTITY_DESCRIPTIONS.GrantApplication })
@Entity({ name: 'grant_application' })
export class GrantApplication {
  @Field(() => ID, { description: 'Stable identifier (UUID).' })
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'round_id', type: 'uuid' })
  roundId!: string;

  @Column({ name: 'association_id', type: 'uuid' })
  associationId!: string;

  @Column({ name: 'created_by', type: 'text' })
  createdBy!: string;

  @Field(() => String, { description: 'Title of the application.' })
  @Column({ type: 'text' })
  title!: string;

  @Field(() => String, { nullable: true, description: 'What the money is for.' })
  @Column({ type: 'text', nullable: true })
  purpose!: string | null;

  @Column({ name: 'requested_amount', type: 'numeric' })
  requestedAmount!: string;

  @Field(() => [Attachment], { description: 'Links attached to the application.' })
  @Column({ type: 'jsonb', default: () => "'[]'" })
  attachments!: Attachment[];

  @Field(() => GrantApplicationStatus, { description: 'Where the application is.' })
  @Column({ type: 'text' })
  status!: GrantApplicationStatus;

  @Column({ name: 'awarded_amount', type: 'numeric', nullable: true })
  awardedAmount!: string | null;

  @Column({ name: 'decision_outcome', type: 'text', nullable: true })
  decisionOutcome!: GrantApplicationStatus | null;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;

  @Column({ name: 'decision_body', type: 'text', nullable: true })
  decisionBody!: string | null;

  @Column({ name: 'decision_note', type: 'text', nullable: true })
  decisionNote!: string | null;

  @Field(() => Date, { nullable: true, description: 'When it was submitted.' })
  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true })
  submittedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the grant was paid.' })
  @Column({ name: 'paid_at', type: 'timestamptz', nullable: true })
  paidAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'How the money was used (käyttöselvitys).' })
  @Column({ name: 'usage_report', type: 'text', nullable: true })
  usageReport!: string | null;

  @Field(() => Date, { description: 'When it was started.' })
  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Field(() => Date, { description: 'When it last changed.' })
  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @Field(() => Int, { description: VERSION_DESCRIPTION })
  @Column({ type: 'integer', default: 1 })
  version!: number;
}
