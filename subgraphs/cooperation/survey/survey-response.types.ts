import { Field, Int, ObjectType } from 'type-graphql';
import { Survey } from './survey.entity';

@ObjectType({
  description:
    'What a respondent gets back for a response: which survey, how many answers, when. It names no respondent, so an anonymous survey stays anonymous.',
})
export class SurveyResponseReceipt {
  @Field(() => Survey, { description: 'The survey answered.' })
  survey!: Survey;

  @Field(() => Int, { description: 'Questions answered.' })
  answerCount!: number;

  @Field(() => Boolean, { description: 'True when an earlier response was replaced.' })
  changed!: boolean;

  @Field(() => Date, { description: 'When the response was received.' })
  receivedAt!: Date;
}
