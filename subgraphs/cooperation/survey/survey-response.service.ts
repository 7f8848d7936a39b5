import { createHash } from 'node:crypto';
import { type AssociationDirectory, requireAssociations } from '../../core/association-directory';
import {
  isCityStaff,
  representsAssociation,
  requireThat,
  worksInServiceArea,
} from '../../core/authorization';
import { BadUserInputError, ConflictError, NotFoundError } from '../../core/errors';
import type { Identity } from '../../core/identity';
import { requireUuid } from '../../core/ids';
import { Validator } from '../../core/validation';
import type { CooperationData } from '../cooperation.repositories';
import type { CooperationLoaders } from '../cooperation.loaders';
import type { Survey, SurveyQuestion } from './survey.entity';
import { QuestionKind, SurveyAudience, SurveyStatus } from './survey.enums';
import type { SubmitSurveyResponseInput } from './survey.inputs';
import type { AnswerValues } from './survey-response.repository';
import type { SurveyResponseReceipt } from './survey-response.types';

/**
 * Answering surveys: an association answers an ASSOCIATIONS survey once, through its
 * representative, and a staff member a CITY_STAFF survey once; either may change the
 * response while the survey is open. Everything wrong with a response is named in one
 * BAD_USER_INPUT before anything is written; two racing first responses for one
 * respondent give one response and a CONFLICT.
 */
export class SurveyResponseService {
  constructor(
    private readonly data: CooperationData,
    private readonly loaders: CooperationLoaders,
    private readonly identity: Identity,
    private readonly associations: AssociationDirectory,
  ) {}

  submit(input: SubmitSurveyResponseInput): Promise<SurveyResponseReceipt> {
    return this.respond(input, false);
  }

  change(input: SubmitSurveyResponseInput): Promise<SurveyResponseReceipt> {
    return this.respond(input, true);
  }

  private async respond(
    input: SubmitSurveyResponseInput,
    changing: boolean,
  ): Promise<SurveyResponseReceipt> {
    const surveyId = requireUuid('input.surveyId', input.surveyId);
    const survey = await this.loaders.survey.load(surveyId);
    if (!survey || survey.storedStatus === SurveyStatus.DRAFT) {
      throw new NotFoundError('Survey', surveyId);
    }
    const respondent = this.respondent(survey, input.associationId ?? null);
    const questions = await this.loaders.questionsOfSurvey.load(survey.id);
    const answers = this.checkAnswers(survey, questions, input);
    if (respondent.associationId) {
      await requireAssociations(this.associations, [respondent.associationId]);
    }
    return this.data.transaction(async ({ surveys, responses }) => {
      // Read again under a shared lock: a close racing this response waits for it, and a
      // response arriving after a close sees the survey closed.
      const locked = await surveys.forAnswering(survey.id);
      if (!locked || !isAcceptingAnswers(locked, new Date())) {
        throw new ConflictError('The survey closed while the response was on its way', {
          surveyId: survey.id,
        });
      }
      const key = respondentKey(locked, respondent.key);
      let responseId: string | null;
      if (changing) {
        responseId = await responses.findForChange(locked.id, key);
        if (!responseId) throw new NotFoundError('SurveyResponse', respondent.description);
      } else {
        responseId = await responses.insert(
          locked.id,
          key,
          locked.anonymous ? null : respondent.associationId,
        );
        if (!responseId) {
          throw new ConflictError(
            `${respondent.description} has already answered this survey; change the answer with changeSurveyResponse while it is open`,
            { surveyId: locked.id },
          );
        }
      }
      await responses.replaceAnswers(responseId, answers);
      return { survey, answerCount: answers.length, changed: changing, receivedAt: new Date() };
    });
  }

  /** Who answers: an association through its representative, or a staff member. */
  private respondent(
    survey: Survey,
    associationIdArg: string | null,
  ): { key: string; associationId: string | null; description: string } {
    if (survey.audience === SurveyAudience.ASSOCIATIONS) {
      if (!associationIdArg) {
        throw BadUserInputError.single(
          'input.associationId',
          'REQUIRED',
          'names the association answering an ASSOCIATIONS survey',
        );
      }
      const associationId = requireUuid('input.associationId', associationIdArg);
      requireThat(
        this.identity,
        representsAssociation(this.identity, associationId),
        `answering for association ${associationId} (its representatives only)`,
      );
      return {
        key: `association:${associationId}`,
        associationId,
        description: `Association ${associationId}`,
      };
    }
    requireThat(
      this.identity,
      isCityStaff(this.identity) &&
        (survey.serviceAreaIds.length === 0 ||
          survey.serviceAreaIds.some((id) => worksInServiceArea(this.identity, id))),
      "answering a staff survey (city staff of the survey's service areas)",
    );
    if (associationIdArg) {
      throw BadUserInputError.single(
        'input.associationId',
        'NOT_ALLOWED',
        'is for ASSOCIATIONS surveys; omit it',
      );
    }
    return { key: `staff:${this.identity.subject}`, associationId: null, description: 'You' };
  }

  private checkAnswers(
    survey: Survey,
    questions: readonly SurveyQuestion[],
    input: SubmitSurveyResponseInput,
  ): AnswerValues[] {
    const v = new Validator();
    if (!isAcceptingAnswers(survey, new Date())) {
      v.problem(
        'input.surveyId',
        'NOT_OPEN',
        `takes answers from ${survey.opensAt.toISOString()} until ${survey.closesAt.toISOString()}${survey.storedStatus === SurveyStatus.CLOSED ? ', and has been closed' : ''}`,
      );
    }
    if (input.answers.length > questions.length) {
      v.problem('input.answers', 'COUNT', `must answer at most the ${questions.length} questions`);
    }
    const byId = new Map(questions.map((q) => [q.id, q]));
    // Answered validly, answered at all, and answered wrongly: a required question answered
    // out of range is named once, by its own problem, not again as missing.
    const answered = new Set<string>();
    const attempted = new Set<string>();
    const invalid = new Set<string>();
    const answers: AnswerValues[] = [];
    input.answers.slice(0, 200).forEach((answer, i) => {
      const field = `input.answers[${i}]`;
      const question = byId.get(answer.questionId.toLowerCase());
      if (!question) {
        v.problem(`${field}.questionId`, 'UNKNOWN_QUESTION', 'is not a question of this survey');
        return;
      }
      if (attempted.has(question.id)) {
        v.problem(`${field}.questionId`, 'DUPLICATE', 'is answered twice');
        return;
      }
      attempted.add(question.id);
      const problemsBefore = v.problems.length;
      const value = checkAnswer(v, field, question, answer);
      if (v.problems.length > problemsBefore) invalid.add(question.id);
      if (value) {
        answered.add(question.id);
        answers.push(value);
      }
    });
    for (const question of questions) {
      if (question.required && !answered.has(question.id) && !invalid.has(question.id)) {
        v.problem(
          'input.answers',
          'REQUIRED_QUESTION',
          `must answer question ${question.position} (${question.id}): it is required`,
        );
      }
    }
    v.throwIfInvalid();
    return answers;
  }
}

/** Open, and now within its window. */
function isAcceptingAnswers(survey: Survey, now: Date): boolean {
  return (
    survey.storedStatus === SurveyStatus.OPEN && survey.opensAt <= now && now < survey.closesAt
  );
}

/**
 * The unique key of a respondent in one survey. For an anonymous survey it is a hash with
 * the survey's own salt, so the stored key does not name the association or person.
 */
export function respondentKey(survey: Survey, key: string): string {
  return survey.anonymous
    ? `h:${createHash('sha256').update(`${survey.salt}:${key}`).digest('hex')}`
    : key;
}

/** One answer checked against its question's kind; null when it is not storable. */
function checkAnswer(
  v: Validator,
  field: string,
  question: SurveyQuestion,
  answer: { choice?: number | null; choices?: number[] | null; text?: string | null },
): AnswerValues | null {
  const before = v.problems.length;
  const optionCount = question.options.length;
  const inRange = (index: number, at: string) => {
    if (index < 0 || index >= optionCount) {
      v.problem(at, 'RANGE', `must be an option index from 0 to ${optionCount - 1}`);
    }
  };
  const notFor = (name: 'choice' | 'choices' | 'text') => {
    if (answer[name] != null) {
      v.problem(
        `${field}.${name}`,
        'NOT_FOR_KIND',
        `is not how a ${question.kind} question is answered`,
      );
    }
  };
  switch (question.kind) {
    case QuestionKind.LIKERT_5:
    case QuestionKind.RATING:
    case QuestionKind.SINGLE_CHOICE:
      notFor('choices');
      notFor('text');
      if (answer.choice == null)
        v.problem(`${field}.choice`, 'REQUIRED', `answers a ${question.kind} question`);
      else inRange(answer.choice, `${field}.choice`);
      return v.problems.length === before
        ? { questionId: question.id, choice: answer.choice!, choices: null, text: null }
        : null;
    case QuestionKind.MULTIPLE_CHOICE: {
      notFor('choice');
      notFor('text');
      if (answer.choices == null) {
        v.problem(`${field}.choices`, 'REQUIRED', 'answers a MULTIPLE_CHOICE question');
        return null;
      }
      answer.choices.forEach((c, j) => inRange(c, `${field}.choices[${j}]`));
      if (new Set(answer.choices).size !== answer.choices.length) {
        v.problem(`${field}.choices`, 'DUPLICATE', 'lists an option twice');
      }
      const choices = [...answer.choices].sort((a, b) => a - b);
      return v.problems.length === before
        ? { questionId: question.id, choice: null, choices, text: null }
        : null;
    }
    case QuestionKind.TEXT: {
      notFor('choice');
      notFor('choices');
      const text = v.text(`${field}.text`, answer.text ?? null, { max: 4000 });
      // A blank text is no answer: a required question then counts as unanswered.
      return v.problems.length === before && text
        ? { questionId: question.id, choice: null, choices: null, text }
        : null;
    }
  }
}
