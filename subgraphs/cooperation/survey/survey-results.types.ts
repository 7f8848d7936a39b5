import { Field, Int, ObjectType } from 'type-graphql';
import { DecimalScalar } from '../../core/scalars';
import { LocalizedText } from '../../core/types/localized-text.type';
import { SurveyQuestion } from './survey.entity';

@ObjectType({ description: 'How many chose one option of a question.' })
export class OptionResult {
  @Field(() => Int, { description: 'The option’s index (0 = the first).' })
  index!: number;

  @Field(() => LocalizedText, { description: 'The option’s label.' })
  label!: LocalizedText;

  @Field(() => Int, { description: 'Answers choosing it.' })
  count!: number;

  @Field(() => DecimalScalar, {
    description: 'count / answerCount, four decimals ("0.6000" = 60 %); "0.0000" when no answers.',
  })
  share!: string;
}

@ObjectType({ description: 'The answers to one question, counted.' })
export class QuestionResult {
  @Field(() => SurveyQuestion, { description: 'The question.' })
  question!: SurveyQuestion;

  @Field(() => Int, { description: 'Responses that answered it.' })
  answerCount!: number;

  @Field(() => [OptionResult], { description: 'One per option, in option order.' })
  options!: OptionResult[];

  @Field(() => DecimalScalar, {
    nullable: true,
    description:
      'LIKERT_5 only: the share answering 3 or 4 (jokseenkin or täysin samaa mieltä), "0.6000" = 60 %. Null for other kinds and when nobody answered.',
  })
  agreeShare!: string | null;

  @Field(() => [String], {
    description:
      'TEXT answers, unattributed and in alphabetical order (never in answering order). For an anonymous survey, empty until at least 5 responses exist.',
  })
  texts!: string[];
}

@ObjectType({ description: 'The results of a survey, question by question.' })
export class SurveyResults {
  @Field(() => Int, { description: 'Responses received.' })
  responseCount!: number;

  @Field(() => [QuestionResult], { description: 'One per question, in survey order.' })
  questions!: QuestionResult[];
}

@ObjectType({
  description:
    'One question compared across two runs of a survey (spring and autumn): the same question in both.',
})
export class QuestionComparison {
  @Field(() => Int, { description: 'The question’s place in both surveys, from 1.' })
  position!: number;

  @Field(() => QuestionResult, { description: 'In the earlier run.' })
  first!: QuestionResult;

  @Field(() => QuestionResult, { description: 'In the later run.' })
  second!: QuestionResult;

  @Field(() => DecimalScalar, {
    nullable: true,
    description:
      'LIKERT_5: the later agreeShare minus the earlier ("0.2000" = up 20 points); null otherwise.',
  })
  agreeShareChange!: string | null;
}

@ObjectType({ description: 'Two runs of the same questions, side by side.' })
export class SurveyComparison {
  @Field(() => Int, { description: 'Responses in the earlier run.' })
  firstResponseCount!: number;

  @Field(() => Int, { description: 'Responses in the later run.' })
  secondResponseCount!: number;

  @Field(() => [QuestionComparison], { description: 'Question by question, in survey order.' })
  questions!: QuestionComparison[];
}
