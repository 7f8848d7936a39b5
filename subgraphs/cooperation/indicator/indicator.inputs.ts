import { Field, ID, InputType, Int } from 'type-graphql';
import { DecimalScalar } from '../../core/scalars';
import { LocalizedTextInput } from '../../core/types/localized-text.type';
import { IndicatorKind, IndicatorMetric } from './indicator.enums';

@InputType({
  description:
    'A new indicator (city staff), with at most one source: a survey question, a metric, or none (values recorded by hand).',
})
export class CreateIndicatorInput {
  @Field(() => LocalizedTextInput, { description: 'Name; Finnish required.' })
  name!: LocalizedTextInput;

  @Field(() => LocalizedTextInput, { nullable: true, description: 'What it measures and why.' })
  description?: LocalizedTextInput | null;

  @Field(() => IndicatorKind, { description: 'RESULT or IMPACT.' })
  kind!: IndicatorKind;

  @Field(() => String, { nullable: true, description: 'Theme, up to 100 characters.' })
  theme?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'Values are computed from this survey question (not a TEXT one).',
  })
  surveyQuestionId?: string | null;

  @Field(() => [Int], {
    nullable: true,
    description:
      'With surveyQuestionId: the options whose share is the value. Default for LIKERT_5: 3 and 4 (agreeShare); required for other kinds.',
  })
  countedOptions?: number[] | null;

  @Field(() => IndicatorMetric, {
    nullable: true,
    description: "Values are computed from the hub's own data.",
  })
  metric?: IndicatorMetric | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Place in lists, e.g. the table row; default 0.',
  })
  position?: number | null;
}

@InputType({
  description:
    'The value of an indicator for a period; a value recorded again for the same period replaces the earlier one.',
})
export class RecordIndicatorValueInput {
  @Field(() => ID, { description: 'The indicator.' })
  indicatorId!: string;

  @Field(() => String, { description: 'A year "2022", or a month "2022-05" (not for metrics).' })
  period!: string;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'MANUAL indicators: the figure. Computed for the others.',
  })
  value?: string | null;

  @Field(() => LocalizedTextInput, {
    nullable: true,
    description: 'The value in words, e.g. "Kohtalainen"; MANUAL needs a value or a label.',
  })
  label?: LocalizedTextInput | null;

  @Field(() => LocalizedTextInput, {
    nullable: true,
    description: 'Where it comes from; for computed values the survey or metric when omitted.',
  })
  source?: LocalizedTextInput | null;

  @Field(() => ID, {
    nullable: true,
    description:
      "SURVEY indicators: the closed survey run to compute from, asking the same question in the same place; the question's own survey when omitted.",
  })
  surveyId?: string | null;
}
