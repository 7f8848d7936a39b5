import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { DecimalScalar } from '../../core/scalars';
import { LocalizedText } from '../../core/types/localized-text.type';
import { IndicatorKind, IndicatorMetric } from './indicator.enums';

@Directive('@key(fields: "id")')
@ObjectType({
  description:
    'What the cooperation model is judged by (final report, Taulukko 1 and 2): a series of values per period, each with its source.',
})
@Entity({ name: 'indicator' })
export class Indicator {
  @Field(() => ID, { description: 'Stable identifier (UUID).' })
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field(() => LocalizedText, { description: 'Name, e.g. "Yhteistyörakenteen vahvistaminen".' })
  @Column({ type: 'jsonb' })
  name!: LocalizedText;

  @Field(() => LocalizedText, { nullable: true, description: 'What it measures and why.' })
  @Column({ type: 'jsonb', nullable: true })
  description!: LocalizedText | null;

  @Field(() => IndicatorKind, {
    description: 'RESULT (tulosmittari) or IMPACT (vaikutusindikaattori).',
  })
  @Column({ type: 'text' })
  kind!: IndicatorKind;

  @Field(() => String, {
    nullable: true,
    description: 'Theme, e.g. "avustukset", "tilat", "yhteistyörakenne".',
  })
  @Column({ type: 'text', nullable: true })
  theme!: string | null;

  @Column({ name: 'survey_question_id', type: 'uuid', nullable: true })
  surveyQuestionId!: string | null;

  @Field(() => [Int], {
    nullable: true,
    description:
      'SURVEY indicators: the option indexes whose share is the value (LIKERT_5 by default 3 and 4, the agreeing ones).',
  })
  @Column({ name: 'option_indexes', type: 'int', array: true, nullable: true })
  countedOptions!: number[] | null;

  @Field(() => IndicatorMetric, {
    nullable: true,
    description: "METRIC indicators: the figure computed from the hub's own data.",
  })
  @Column({ type: 'text', nullable: true })
  metric!: IndicatorMetric | null;

  /** Order in lists: the report's table order. */
  @Column({ type: 'int' })
  position!: number;
}

@ObjectType({ description: 'The value of an indicator for one period.' })
@Entity({ name: 'indicator_value' })
export class IndicatorValue {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'indicator_id', type: 'uuid' })
  indicatorId!: string;

  @Field(() => String, {
    description: 'The period: a year "2022" or a month "2022-05" (a survey round).',
  })
  @Column({ type: 'text' })
  period!: string;

  @Field(() => DecimalScalar, {
    nullable: true,
    description:
      'The figure: a share with four places ("0.6000" = 60 %) or a count ("12"); null when the value is only a label.',
  })
  @Column({ type: 'numeric', nullable: true })
  value!: string | null;

  @Field(() => LocalizedText, {
    nullable: true,
    description:
      'The value in words, e.g. "Kohtalainen" or "Täysin tai jokseenkin samaa mieltä 60 %".',
  })
  @Column({ type: 'jsonb', nullable: true })
  label!: LocalizedText | null;

  @Field(() => LocalizedText, {
    nullable: true,
    description: 'Where it comes from, e.g. "Yhdistyskysely 5/2021".',
  })
  @Column({ type: 'jsonb', nullable: true })
  source!: LocalizedText | null;

  @Column({ name: 'survey_id', type: 'uuid', nullable: true })
  surveyId!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'For a computed value: the query to the public graph that computed it; run it in GraphiQL with `queryVariables` to see the figure again. Null for a value recorded by hand or from a survey.',
  })
  @Column({ name: 'computed_query', type: 'text', nullable: true })
  query!: string | null;

  @Column({ name: 'computed_variables', type: 'jsonb', nullable: true })
  computedVariables!: Record<string, unknown> | null;

  @Field(() => Date, { description: 'When it was recorded.' })
  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt!: Date;
}
