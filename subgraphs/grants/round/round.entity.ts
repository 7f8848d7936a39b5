import { VERSION_DESCRIPTION } from '../../core/versioning';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { LocalizedText } from '../../core/types/localized-text.type';

@Directive('@key(fields: "id")')
@ObjectType({
  description:
    'An application round (hakukierros) of a grant program: the window in which applications are taken, and when a decision is expected.',
})
@Entity({ name: 'application_round' })
export class ApplicationRound {
  @Field(() => ID, { description: 'Stable identifier (UUID).' })
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'program_id', type: 'uuid' })
  programId!: string;

  @Field(() => Int, { description: 'The year the grants are for.' })
  @Column({ type: 'int' })
  year!: number;

  @Field(() => LocalizedText, {
    nullable: true,
    description: 'Name, e.g. "Kevään 2027 haku"; null for the program’s only round.',
  })
  @Column({ type: 'jsonb', nullable: true })
  name!: LocalizedText | null;

  @Field(() => Date, { description: 'Applications are taken from.' })
  @Column({ name: 'opens_at', type: 'timestamptz' })
  opensAt!: Date;

  @Field(() => Date, { description: 'Applications are taken until (the deadline).' })
  @Column({ name: 'closes_at', type: 'timestamptz' })
  closesAt!: Date;

  @Field(() => Boolean, {
    description:
      'True for a continuous round (small grants): applications are decided as they come.',
  })
  @Column({ type: 'boolean', default: false })
  continuous!: boolean;

  @Field(() => Date, { nullable: true, description: 'When decisions are expected.' })
  @Column({ name: 'decision_expected_at', type: 'timestamptz', nullable: true })
  decisionExpectedAt!: Date | null;

  @Column({ type: 'numeric', nullable: true })
  budget!: string | null;

  @Field(() => Int, {
    description:
      'Grows whenever the round changes (iCalendar SEQUENCE): calendars replace their copy.',
  })
  @Column({ type: 'int', default: 0 })
  sequence!: number;

  @Field(() => Date, { description: 'When the round last changed.' })
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @Field(() => Int, { description: VERSION_DESCRIPTION })
  @Column({ type: 'integer', default: 1 })
  version!: number;
}
