import { VERSION_DESCRIPTION } from '../../core/versioning';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { LocalizedText } from '../../core/types/localized-text.type';
import { QuestionKind, SurveyAudience, SurveyStatus } from './survey.enums';

@Directive('@key(fields: "id")')
@ObjectType({
  description:
    'A survey of the cooperation (yhdistyskysely, avainhenkilöiden kysely): goal-oriented co-development measured by asking the associations and staff.',
})
@Entity({ name: 'survey' })
export class Survey {
  @Field(() => ID, { description: 'Stable identifier (UUID).' })
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field(() => LocalizedText, { description: 'Title.' })
  @Column({ type: 'jsonb' })
  title!: LocalizedText;

  @Field(() => LocalizedText, { nullable: true, description: 'What the survey is for.' })
  @Column({ type: 'jsonb', nullable: true })
  description!: LocalizedText | null;

  @Field(() => SurveyAudience, { description: 'Who answers it.' })
  @Column({ type: 'text' })
  audience!: SurveyAudience;

  /** As staff set it; `status` (the field) also closes a survey whose time has run out. */
  @Column({ name: 'status', type: 'text' })
  storedStatus!: SurveyStatus;

  @Field(() => Date, { description: 'Answers are taken from this moment.' })
  @Column({ name: 'opens_at', type: 'timestamptz' })
  opensAt!: Date;

  @Field(() => Date, { description: 'Answers are taken until this moment (exclusive).' })
  @Column({ name: 'closes_at', type: 'timestamptz' })
  closesAt!: Date;

  @Field(() => Boolean, {
    description:
      'True: no one, staff included, can see who answered what; text answers are shown only when at least 5 responses exist.',
  })
  @Column({ type: 'boolean' })
  anonymous!: boolean;

  @Column({ name: 'service_area_ids', type: 'uuid', array: true })
  serviceAreaIds!: string[];

  @Column({ type: 'text', select: false })
  salt!: string;

  @Field(() => Int, { description: 'Grows when it changes (iCalendar SEQUENCE).' })
  @Column({ type: 'int' })
  sequence!: number;

  @Field(() => Date, { description: 'When it was created.' })
  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Field(() => Date, { description: 'When it last changed.' })
  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @Field(() => Int, { description: VERSION_DESCRIPTION })
  @Column({ type: 'integer', default: 1 })
  version!: number;
}

@ObjectType({ description: 'One question of a survey.' })
@Entity({ name: 'survey_question' })
export class SurveyQuestion {
  @Field(() => ID, { description: 'Stable identifier (UUID); answers name it.' })
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'survey_id', type: 'uuid' })
  surveyId!: string;

  @Field(() => Int, { description: 'Place in the survey, from 1.' })
  @Column({ type: 'int' })
  position!: number;

  @Field(() => LocalizedText, { description: 'The question.' })
  @Column({ type: 'jsonb' })
  text!: LocalizedText;

  @Field(() => QuestionKind, { description: 'How it is answered.' })
  @Column({ type: 'text' })
  kind!: QuestionKind;

  @Field(() => [LocalizedText], {
    description:
      'The options in order; an answer gives their index (0 = the first). Empty for TEXT questions.',
  })
  @Column({ type: 'jsonb' })
  options!: LocalizedText[];

  @Field(() => Boolean, { description: 'True: a response must answer it.' })
  @Column({ type: 'boolean' })
  required!: boolean;
}
