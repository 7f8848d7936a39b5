import { expectedVersionOf } from '../../core/versioning';
import { randomBytes } from 'node:crypto';
import { isAdmin, isCityStaff, requireThat, worksInServiceArea } from '../../core/authorization';
import type { ConnectionResult, PageArgs } from '../../core/connection';
import { type CsvDialect, RFC_4180, toCsvText } from '../../core/csv';
import { BadUserInputError, ConflictError, NotFoundError } from '../../core/errors';
import type { Identity } from '../../core/identity';
import { requireUuid, requireUuids } from '../../core/ids';
import { fromHelsinkiLocal } from '../../core/time';
import type { LocalizedText } from '../../core/types/localized-text.type';
import { givenOnly, Validator } from '../../core/validation';
import type { CooperationData } from '../cooperation.repositories';
import type { CooperationLoaders } from '../cooperation.loaders';
import type { Survey, SurveyQuestion } from './survey.entity';
import { QuestionKind, SurveyStatus } from './survey.enums';
import type {
  CreateSurveyInput,
  SurveyFilter,
  SurveyQuestionInput,
  UpdateSurveyInput,
} from './survey.inputs';
import type { QuestionValues, SurveyValues } from './survey.repository';
import { LIKERT_5_LABELS, shareChange, surveyResults } from './survey-results';
import type { SurveyComparison, SurveyResults } from './survey-results.types';

const OPTION_COUNTS: Record<QuestionKind, { min: number; max: number }> = {
  [QuestionKind.LIKERT_5]: { min: 5, max: 5 },
  [QuestionKind.RATING]: { min: 2, max: 11 },
  [QuestionKind.SINGLE_CHOICE]: { min: 2, max: 30 },
  [QuestionKind.MULTIPLE_CHOICE]: { min: 2, max: 30 },
  [QuestionKind.TEXT]: { min: 0, max: 0 },
};

/** The status a survey has now: an OPEN survey whose closing time has passed is CLOSED. */
export function surveyStatus(survey: Survey, now = new Date()): SurveyStatus {
  if (survey.storedStatus === SurveyStatus.OPEN && survey.closesAt <= now) {
    return SurveyStatus.CLOSED;
  }
  return survey.storedStatus;
}

/**
 * Surveys of the cooperation (key 7 of the model): staff prepare them, open them, and
 * close them; their questions are fixed once open, so answers stay comparable between
 * runs. Results are public once a survey has closed; staff see them at any time. Who
 * answered an anonymous survey is never shown to anyone.
 */
export class SurveyService {
  constructor(
    private readonly data: CooperationData,
    private readonly loaders: CooperationLoaders,
    private readonly identity: Identity,
  ) {}

  status(survey: Survey): SurveyStatus {
    return surveyStatus(survey);
  }

  async get(idArg: string): Promise<Survey | null> {
    const survey = await this.loaders.survey.load(requireUuid('id', idArg));
    return survey && this.visible(survey) ? survey : null;
  }

  /** For `_entities`: a survey another subgraph points at, unless it is a draft one may not see. */
  async reference(id: string): Promise<Survey | null> {
    const survey = await this.loaders.survey.load(id);
    return survey && this.visible(survey) ? survey : null;
  }

  list(filter: SurveyFilter | null, args: PageArgs): Promise<ConnectionResult<Survey>> {
    const staff = isCityStaff(this.identity);
    if (filter?.statuses?.includes(SurveyStatus.DRAFT) && !staff) {
      throw BadUserInputError.single(
        'filter.statuses',
        'DRAFTS_FOR_STAFF',
        'DRAFT surveys are listed for city staff only',
      );
    }
    return this.data.repositories.surveys.page(
      {
        statuses: filter?.statuses ?? undefined,
        audiences: filter?.audiences ?? undefined,
        serviceAreaIds: requireUuids('filter.serviceAreaIds', filter?.serviceAreaIds),
        from: filter?.from ?? undefined,
        to: filter?.to ?? undefined,
        includeDrafts: staff,
      },
      args,
    );
  }

  /** Published surveys open at any time in the year, for the vuosikello. */
  ofCalendar(year: number, serviceAreaId: string | null): Promise<Survey[]> {
    if (year < 2000 || year > 2100) {
      throw BadUserInputError.single('year', 'RANGE', 'must be from 2000 to 2100');
    }
    return this.data.repositories.surveys.overlapping(
      fromHelsinkiLocal(`${year}-01-01T00:00`),
      fromHelsinkiLocal(`${year + 1}-01-01T00:00`),
      serviceAreaId ? requireUuid('serviceAreaId', serviceAreaId) : null,
    );
  }

  questions(survey: Survey): Promise<SurveyQuestion[]> {
    return this.loaders.questionsOfSurvey.load(survey.id);
  }

  responseCount(survey: Survey): Promise<number> {
    return this.loaders.responseCount.load(survey.id);
  }

  /** Null for everyone but staff until the survey has closed. */
  async results(survey: Survey): Promise<SurveyResults | null> {
    if (!this.seesResults(survey)) return null;
    const [questions, counts, responseCount] = await Promise.all([
      this.questions(survey),
      this.loaders.answerCounts.load(survey.id),
      this.responseCount(survey),
    ]);
    return surveyResults(questions, counts, responseCount, survey.anonymous);
  }

  /**
   * Two runs of the same questions (spring and autumn) side by side: the questions must
   * match by place, kind and number of options, or the figures would not be comparable.
   */
  async compare(firstArg: string, secondArg: string): Promise<SurveyComparison> {
    // Both ids checked before either read starts, so no read is left running unawaited.
    const firstId = requireUuid('firstId', firstArg);
    const secondId = requireUuid('secondId', secondArg);
    const [first, second] = await Promise.all([this.existing(firstId), this.existing(secondId)]);
    const [a, b] = await Promise.all([this.results(first), this.results(second)]);
    requireThat(
      this.identity,
      a !== null && b !== null,
      'comparing surveys that are still open (staff only until both have closed)',
    );
    const v = new Validator();
    if (a!.questions.length !== b!.questions.length) {
      v.problem(
        'secondId',
        'DIFFERENT_QUESTIONS',
        `has ${b!.questions.length} questions where the first survey has ${a!.questions.length}`,
      );
    } else {
      a!.questions.forEach((qa, i) => {
        const qb = b!.questions[i].question;
        if (qa.question.kind !== qb.kind || qa.question.options.length !== qb.options.length) {
          v.problem(
            'secondId',
            'DIFFERENT_QUESTIONS',
            `question ${i + 1} is ${qb.kind} with ${qb.options.length} options, the first survey's ${qa.question.kind} with ${qa.question.options.length}`,
          );
        }
      });
    }
    v.throwIfInvalid();
    return {
      firstResponseCount: a!.responseCount,
      secondResponseCount: b!.responseCount,
      questions: a!.questions.map((qa, i) => {
        const qb = b!.questions[i];
        return {
          position: i + 1,
          first: qa,
          second: qb,
          agreeShareChange:
            qa.agreeShare !== null && qb.agreeShare !== null
              ? shareChange(qa.agreeShare, qb.agreeShare)
              : null,
        };
      }),
    };
  }

  /**
   * A closed survey's answers as CSV, for staff: a row per response, a column per question
   * (the chosen options' Finnish labels, or the text). An anonymous survey's rows carry
   * neither the association nor the time.
   */
  async answersCsv(survey: Survey, dialect: CsvDialect = RFC_4180): Promise<string> {
    requireThat(this.identity, isCityStaff(this.identity), 'exporting survey answers (staff)');
    if (surveyStatus(survey) !== SurveyStatus.CLOSED) {
      throw new ConflictError('Answers can be exported once the survey has closed', {
        surveyId: survey.id,
      });
    }
    const [questions, responses] = await Promise.all([
      this.questions(survey),
      this.data.repositories.responses.responsesOf(survey.id, !survey.anonymous),
    ]);
    const header = [
      'response',
      ...(survey.anonymous ? [] : ['association_id', 'submitted_at']),
      ...questions.map((q) => `Q${q.position}: ${q.text.fi ?? ''}`),
    ];
    const label = (q: SurveyQuestion, index: number) => q.options[index]?.fi ?? String(index);
    const rows = responses.map((response, i) => [
      i + 1,
      ...(survey.anonymous
        ? []
        : [response.associationId ?? '', response.submittedAt?.toISOString() ?? '']),
      ...questions.map((q) => {
        const answer = response.answers.get(q.id);
        if (!answer) return '';
        if (answer.text !== null) return answer.text;
        if (answer.choices !== null) return answer.choices.map((c) => label(q, c)).join('; ');
        return answer.choice !== null ? label(q, answer.choice) : '';
      }),
    ]);
    return toCsvText(header, rows, dialect);
  }

  async create(input: CreateSurveyInput): Promise<Survey> {
    const v = new Validator();
    const title = v.localized('input.title', input.title, { max: 200, required: true });
    const description = v.localized('input.description', input.description, { max: 4000 });
    const serviceAreaIds = v.ids('input.serviceAreaIds', input.serviceAreaIds) ?? [];
    this.checkWindow(v, input.opensAt, input.closesAt);
    const questions = this.checkQuestions(v, input.questions);
    v.throwIfInvalid();
    this.requireKeeper(serviceAreaIds, 'creating surveys');
    const id = await this.data.transaction(async ({ surveys }) => {
      const surveyId = await surveys.insert({
        title: title!,
        description: description ?? null,
        audience: input.audience,
        opensAt: input.opensAt,
        closesAt: input.closesAt,
        anonymous: input.anonymous,
        serviceAreaIds,
        salt: randomBytes(16).toString('hex'),
      });
      await surveys.replaceQuestions(surveyId, questions);
      return surveyId;
    });
    return this.existing(id);
  }

  async update(input: UpdateSurveyInput): Promise<Survey> {
    const survey = await this.existing(requireUuid('input.id', input.id));
    this.requireKeeper(survey.serviceAreaIds, 'changing a survey');
    const status = surveyStatus(survey);
    if (status === SurveyStatus.CLOSED) {
      throw new ConflictError('A closed survey is kept as it was answered', {
        surveyId: survey.id,
      });
    }
    if (status === SurveyStatus.OPEN && (input.questions != null || input.opensAt != null)) {
      throw new ConflictError(
        'Questions and the opening time are fixed once a survey opens, so that answers stay comparable; create a new survey instead',
        { surveyId: survey.id },
      );
    }
    const v = new Validator();
    for (const field of ['title', 'opensAt', 'closesAt', 'questions'] as const) {
      if (input[field] === null) v.problem(`input.${field}`, 'REQUIRED', 'cannot be cleared');
    }
    const values: SurveyValues = givenOnly({
      title: input.title
        ? v.localized('input.title', input.title, { max: 200, required: true })!
        : undefined,
      description: v.localized('input.description', input.description, { max: 4000 }),
      opensAt: input.opensAt ?? undefined,
      closesAt: input.closesAt ?? undefined,
    });
    if (input.opensAt || input.closesAt) {
      this.checkWindow(
        v,
        input.opensAt ?? survey.opensAt,
        input.closesAt ?? survey.closesAt,
        input.closesAt ? 'input.closesAt' : 'input.opensAt',
      );
    }
    const questions = input.questions ? this.checkQuestions(v, input.questions) : null;
    const expected = expectedVersionOf(v, input);
    v.throwIfInvalid();
    await this.data.transaction(async ({ surveys }) => {
      // Read again under a lock: an open racing this change waits, and a survey opened
      // meanwhile keeps its questions.
      if (questions && (await surveys.lockedStatus(survey.id)) !== SurveyStatus.DRAFT) {
        throw new ConflictError('The survey was opened meanwhile; its questions are fixed', {
          surveyId: survey.id,
        });
      }
      await surveys.update(survey.id, values, expected);
      if (questions) await surveys.replaceQuestions(survey.id, questions);
    });
    this.loaders.survey.clear(survey.id);
    return this.existing(survey.id);
  }

  async open(idArg: string): Promise<Survey> {
    const survey = await this.existing(requireUuid('id', idArg));
    this.requireKeeper(survey.serviceAreaIds, 'opening a survey');
    if (survey.closesAt <= new Date()) {
      throw BadUserInputError.single(
        'id',
        'CLOSING_TIME_PASSED',
        'its closing time has passed; move closesAt forward first',
      );
    }
    if (
      !(await this.data.repositories.surveys.setStatus(
        survey.id,
        SurveyStatus.DRAFT,
        SurveyStatus.OPEN,
      ))
    ) {
      throw new ConflictError(`The survey is ${surveyStatus(survey)}, not a DRAFT`, {
        surveyId: survey.id,
      });
    }
    this.loaders.survey.clear(survey.id);
    return this.existing(survey.id);
  }

  async close(idArg: string): Promise<Survey> {
    const survey = await this.existing(requireUuid('id', idArg));
    this.requireKeeper(survey.serviceAreaIds, 'closing a survey');
    if (
      !(await this.data.repositories.surveys.setStatus(
        survey.id,
        SurveyStatus.OPEN,
        SurveyStatus.CLOSED,
      ))
    ) {
      throw new ConflictError(`The survey is ${survey.storedStatus}, not OPEN`, {
        surveyId: survey.id,
      });
    }
    this.loaders.survey.clear(survey.id);
    return this.existing(survey.id);
  }

  /** Staff see drafts; everyone sees published surveys. */
  private visible(survey: Survey): boolean {
    return survey.storedStatus !== SurveyStatus.DRAFT || isCityStaff(this.identity);
  }

  private seesResults(survey: Survey): boolean {
    return isCityStaff(this.identity) || surveyStatus(survey) === SurveyStatus.CLOSED;
  }

  /** Staff of every area the survey belongs to; any staff for a city-wide one; admins. */
  private requireKeeper(serviceAreaIds: readonly string[], action: string): void {
    requireThat(
      this.identity,
      isAdmin(this.identity) ||
        (serviceAreaIds.length > 0
          ? serviceAreaIds.every((id) => worksInServiceArea(this.identity, id))
          : isCityStaff(this.identity)),
      `${action} (staff of its service areas; any staff for a city-wide survey)`,
    );
  }

  private checkWindow(v: Validator, opensAt: Date, closesAt: Date, field = 'input.closesAt') {
    if (closesAt <= opensAt) v.problem(field, 'NOT_BEFORE_START', 'must be after opensAt');
    else if (closesAt <= new Date()) {
      v.problem('input.closesAt', 'FUTURE', 'must be in the future');
    }
  }

  private checkQuestions(
    v: Validator,
    questions: readonly SurveyQuestionInput[],
  ): QuestionValues[] {
    if (questions.length < 1 || questions.length > 100) {
      v.problem('input.questions', 'COUNT', 'must list 1 to 100 questions');
    }
    return questions.slice(0, 100).map((q, i) => {
      const field = `input.questions[${i}]`;
      const text = v.localized(`${field}.text`, q.text, { max: 1000, required: true });
      const given = q.options ?? [];
      const limits = OPTION_COUNTS[q.kind];
      let options: LocalizedText[];
      if (q.kind === QuestionKind.LIKERT_5 && given.length === 0) {
        options = [...LIKERT_5_LABELS];
      } else {
        if (given.length < limits.min || given.length > limits.max) {
          v.problem(
            `${field}.options`,
            'COUNT',
            limits.max === 0
              ? 'must be empty for a TEXT question'
              : limits.min === limits.max
                ? `must list exactly ${limits.min} options for ${q.kind} (or none for the standard labels)`
                : `must list ${limits.min} to ${limits.max} options for ${q.kind}`,
          );
        }
        options = given
          .slice(0, 30)
          .map(
            (o, j) => v.localized(`${field}.options[${j}]`, o, { max: 200, required: true }) ?? {},
          );
      }
      return { text: text ?? {}, kind: q.kind, options, required: q.required ?? false };
    });
  }

  private async existing(id: string): Promise<Survey> {
    const survey = await this.loaders.survey.load(id);
    if (!survey || !this.visible(survey)) throw new NotFoundError('Survey', id);
    return survey;
  }
}
