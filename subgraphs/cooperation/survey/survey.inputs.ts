import { EXPECTED_VERSION_DESCRIPTION, OVERWRITE_DESCRIPTION } from '../../core/versioning';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { PageArgsType } from '../../core/page.args';
import { LocalizedTextInput } from '../../core/types/localized-text.type';
import { QuestionKind, SurveyAudience, SurveyStatus } from './survey.enums';

@InputType({ description: 'One question of a new survey.' })
export class SurveyQuestionInput {
  @Field(() => LocalizedTextInput, { description: 'The question; Finnish required.' })
  text!: LocalizedTextInput;

  @Field(() => QuestionKind, { description: 'How it is answered.' })
  kind!: QuestionKind;

  @Field(() => [LocalizedTextInput], {
    nullable: true,
    description:
      'The options in order. LIKERT_5: five labels, or none for the standard Finnish ones (täysin eri mieltä … täysin samaa mieltä). RATING: 2 to 11 steps, worst first. SINGLE_CHOICE and MULTIPLE_CHOICE: 2 to 30. TEXT: none.',
  })
  options?: LocalizedTextInput[] | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'A response must answer it; default false.',
  })
  required?: boolean | null;
}

@InputType({ description: 'A new survey, created as a DRAFT (city staff).' })
export class CreateSurveyInput {
  @Field(() => LocalizedTextInput, { description: 'Title; Finnish required.' })
  title!: LocalizedTextInput;

  @Field(() => LocalizedTextInput, { nullable: true, description: 'What the survey is for.' })
  description?: LocalizedTextInput | null;

  @Field(() => SurveyAudience, { description: 'Who answers it.' })
  audience!: SurveyAudience;

  @Field(() => Date, { description: 'Answers are taken from this moment.' })
  opensAt!: Date;

  @Field(() => Date, { description: 'Answers are taken until this moment; after opensAt.' })
  closesAt!: Date;

  @Field(() => Boolean, {
    description: 'True: who answered what is never shown, not even to staff.',
  })
  anonymous!: boolean;

  @Field(() => [ID], {
    nullable: true,
    description:
      'Service areas it belongs to; none: city-wide. Staff may create surveys for their own areas; city-wide ones any staff.',
  })
  serviceAreaIds?: string[] | null;

  @Field(() => [SurveyQuestionInput], { description: 'The questions, 1 to 100, in order.' })
  questions!: SurveyQuestionInput[];
}

@InputType({
  description:
    'Changes to a survey. Questions and the opening time only while it is a DRAFT: once open, answers must stay comparable, so a change of questions is a new survey.',
})
export class UpdateSurveyInput {
  @Field(() => ID, { description: 'The survey.' })
  id!: string;

  @Field(() => LocalizedTextInput, { nullable: true, description: 'Title.' })
  title?: LocalizedTextInput | null;

  @Field(() => LocalizedTextInput, { nullable: true, description: 'Description; null clears.' })
  description?: LocalizedTextInput | null;

  @Field(() => Date, { nullable: true, description: 'Opening time (DRAFT only).' })
  opensAt?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Closing time (not after it has closed).' })
  closesAt?: Date | null;

  @Field(() => [SurveyQuestionInput], {
    nullable: true,
    description: 'All questions, replacing the old ones (DRAFT only).',
  })
  questions?: SurveyQuestionInput[] | null;

  @Field(() => Int, { nullable: true, description: EXPECTED_VERSION_DESCRIPTION })
  expectedVersion?: number | null;

  @Field(() => Boolean, { nullable: true, description: OVERWRITE_DESCRIPTION })
  overwrite?: boolean | null;
}

@InputType({ description: 'Narrows the surveys listed. Every given condition must hold.' })
export class SurveyFilter {
  @Field(() => [SurveyStatus], {
    nullable: true,
    description: 'Any of these statuses; DRAFT only for city staff.',
  })
  statuses?: SurveyStatus[] | null;

  @Field(() => [SurveyAudience], { nullable: true, description: 'Any of these audiences.' })
  audiences?: SurveyAudience[] | null;

  @Field(() => [ID], {
    nullable: true,
    description: 'Surveys of any of these service areas, and city-wide ones.',
  })
  serviceAreaIds?: string[] | null;

  @Field(() => Date, { nullable: true, description: 'Surveys closing at or after this moment.' })
  from?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Surveys opening before this moment.' })
  to?: Date | null;
}

@InputType({ description: 'The answer to one question.' })
export class SurveyAnswerInput {
  @Field(() => ID, { description: 'The question (SurveyQuestion.id).' })
  questionId!: string;

  @Field(() => Int, {
    nullable: true,
    description: 'LIKERT_5, RATING and SINGLE_CHOICE: the chosen option’s index (0 = the first).',
  })
  choice?: number | null;

  @Field(() => [Int], {
    nullable: true,
    description: 'MULTIPLE_CHOICE: the chosen options’ indexes; may be empty.',
  })
  choices?: number[] | null;

  @Field(() => String, { nullable: true, description: 'TEXT: the answer, up to 4000 characters.' })
  text?: string | null;
}

@InputType({ description: 'A response to a survey: every answer at once.' })
export class SubmitSurveyResponseInput {
  @Field(() => ID, { description: 'The survey.' })
  surveyId!: string;

  @Field(() => ID, {
    nullable: true,
    description:
      'ASSOCIATIONS surveys: the association answering (the caller represents it). Omit for CITY_STAFF surveys.',
  })
  associationId?: string | null;

  @Field(() => [SurveyAnswerInput], { description: 'The answers; each question at most once.' })
  answers!: SurveyAnswerInput[];
}

@ArgsType()
export class SurveysArgs extends PageArgsType {
  @Field(() => SurveyFilter, { nullable: true, description: 'Conditions the surveys must meet.' })
  filter?: SurveyFilter | null;
}
