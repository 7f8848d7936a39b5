import { isCityStaff, requireThat } from '../../core/authorization';
import { BadUserInputError, NotFoundError } from '../../core/errors';
import type { Identity } from '../../core/identity';
import { requireUuid } from '../../core/ids';
import type { PublicGraph } from '../../core/public-graph';
import type { LocalizedText } from '../../core/types/localized-text.type';
import { Validator } from '../../core/validation';
import type { CooperationData } from '../cooperation.repositories';
import type { CooperationLoaders } from '../cooperation.loaders';
import type { Survey, SurveyQuestion } from '../survey/survey.entity';
import { QuestionKind, SurveyStatus } from '../survey/survey.enums';
import { share } from '../survey/survey-results';
import { surveyStatus } from '../survey/survey.service';
import type { Indicator, IndicatorValue } from './indicator.entity';
import { type IndicatorKind, IndicatorSource } from './indicator.enums';
import type { CreateIndicatorInput, RecordIndicatorValueInput } from './indicator.inputs';
import { computeMetric, METRICS, metricYear } from './indicator-metrics';

const YEAR = /^(\d{4})$/;
const YEAR_OR_MONTH = /^\d{4}(-(0[1-9]|1[0-2]))?$/;
const AGREEING = [3, 4];

/**
 * The indicators the cooperation model is judged by. Staff keep them; everyone reads them.
 * A value is recorded by hand, computed from a closed survey (so it never changes after),
 * or computed from the hub's own data through the graph: each figure is asked of the
 * subgraph that owns it.
 */
export class IndicatorService {
  constructor(
    private readonly data: CooperationData,
    private readonly loaders: CooperationLoaders,
    private readonly identity: Identity,
    private readonly graph: PublicGraph,
  ) {}

  get(idArg: string): Promise<Indicator | null> {
    return this.loaders.indicator.load(requireUuid('id', idArg));
  }

  reference(id: string): Promise<Indicator | null> {
    return this.loaders.indicator.load(id);
  }

  list(kind: IndicatorKind | null): Promise<Indicator[]> {
    return this.data.repositories.indicators.list(kind);
  }

  values(indicator: Indicator): Promise<IndicatorValue[]> {
    return this.loaders.valuesOfIndicator.load(indicator.id);
  }

  source(indicator: Indicator): IndicatorSource {
    if (indicator.surveyQuestionId) return IndicatorSource.SURVEY;
    return indicator.metric ? IndicatorSource.METRIC : IndicatorSource.MANUAL;
  }

  async surveyQuestion(indicator: Indicator): Promise<SurveyQuestion | null> {
    if (!indicator.surveyQuestionId) return null;
    const question = await this.loaders.question.load(indicator.surveyQuestionId);
    // A draft survey's question is shown only to those who see the draft.
    const survey = question && (await this.loaders.survey.load(question.surveyId));
    return survey && (survey.storedStatus !== SurveyStatus.DRAFT || isCityStaff(this.identity))
      ? question
      : null;
  }

  async survey(value: IndicatorValue): Promise<Survey | null> {
    return value.surveyId ? this.loaders.survey.load(value.surveyId) : null;
  }

  async create(input: CreateIndicatorInput): Promise<Indicator> {
    requireThat(this.identity, isCityStaff(this.identity), 'creating indicators (city staff)');
    const v = new Validator();
    const name = v.localized('input.name', input.name, { max: 300, required: true });
    const description = v.localized('input.description', input.description, { max: 4000 });
    const theme = v.text('input.theme', input.theme, { max: 100 });
    const position = v.int('input.position', input.position, { min: 0, max: 10_000 });
    if (input.surveyQuestionId && input.metric) {
      v.problem('input.metric', 'ONE_SOURCE', 'cannot be given with surveyQuestionId: one source');
    }
    let question: SurveyQuestion | null = null;
    if (input.surveyQuestionId) {
      question = await this.loaders.question.load(
        requireUuid('input.surveyQuestionId', input.surveyQuestionId),
      );
      if (!question) {
        v.problem('input.surveyQuestionId', 'UNKNOWN_QUESTION', 'is not a survey question');
      } else if (question.kind === QuestionKind.TEXT) {
        v.problem(
          'input.surveyQuestionId',
          'TEXT_QUESTION',
          'is a TEXT question: nothing to count',
        );
      }
    }
    let countedOptions = input.countedOptions ?? null;
    if (countedOptions && !input.surveyQuestionId) {
      v.problem('input.countedOptions', 'SURVEY_ONLY', 'is given only with surveyQuestionId');
    }
    if (question && question.kind !== QuestionKind.TEXT) {
      if (!countedOptions?.length) {
        if (question.kind === QuestionKind.LIKERT_5) countedOptions = AGREEING;
        else
          v.problem(
            'input.countedOptions',
            'REQUIRED',
            `names the options to count for a ${question.kind} question`,
          );
      }
      countedOptions?.forEach((index, i) => {
        if (index < 0 || index >= question!.options.length) {
          v.problem(
            `input.countedOptions[${i}]`,
            'RANGE',
            `must be an option index from 0 to ${question!.options.length - 1}`,
          );
        }
      });
      if (countedOptions && new Set(countedOptions).size !== countedOptions.length) {
        v.problem('input.countedOptions', 'DUPLICATE', 'lists an option twice');
      }
    }
    v.throwIfInvalid();
    const id = await this.data.repositories.indicators.insert({
      name: name!,
      description: description ?? null,
      kind: input.kind,
      theme: theme ?? null,
      surveyQuestionId: question?.id ?? null,
      countedOptions: question ? [...countedOptions!].sort((a, b) => a - b) : null,
      metric: input.metric ?? null,
      position: position ?? 0,
    });
    return this.existing(id);
  }

  async recordValue(input: RecordIndicatorValueInput): Promise<Indicator> {
    requireThat(
      this.identity,
      isCityStaff(this.identity),
      'recording indicator values (city staff)',
    );
    const indicator = await this.existing(requireUuid('input.indicatorId', input.indicatorId));
    const source = this.source(indicator);
    const v = new Validator();
    const period = input.period.trim();
    if (!YEAR_OR_MONTH.test(period)) {
      v.problem('input.period', 'PERIOD', 'must be a year "2022" or a month "2022-05"');
    } else if (source === IndicatorSource.METRIC && !YEAR.test(period)) {
      v.problem('input.period', 'YEAR', 'must be a year "2022": metrics are counted per year');
    }
    const label = v.localized('input.label', input.label, { max: 300 }) ?? null;
    const givenSource = v.localized('input.source', input.source, { max: 300 }) ?? null;
    if (source === IndicatorSource.MANUAL) {
      if (input.value == null && !label) {
        v.problem(
          'input.value',
          'REQUIRED',
          'or a label is needed for an indicator recorded by hand',
        );
      }
      if (input.surveyId) v.problem('input.surveyId', 'SURVEY_ONLY', 'is for SURVEY indicators');
    } else {
      if (input.value != null) {
        v.problem('input.value', 'COMPUTED', `is computed for a ${source} indicator; leave it out`);
      }
      if (input.surveyId && source === IndicatorSource.METRIC) {
        v.problem('input.surveyId', 'SURVEY_ONLY', 'is for SURVEY indicators');
      }
    }
    v.throwIfInvalid();

    let value: string | null = input.value ?? null;
    let computedSource: LocalizedText | null = null;
    let computedBy: { query: string; variables: Record<string, unknown> } | null = null;
    let surveyId: string | null = null;
    if (source === IndicatorSource.SURVEY) {
      ({
        value,
        surveyId,
        source: computedSource,
      } = await this.fromSurvey(indicator, input.surveyId ?? null));
    } else if (source === IndicatorSource.METRIC) {
      const computed = await computeMetric(
        this.graph,
        indicator.metric!,
        metricYear(Number(period)),
        new Date(),
      );
      value = computed.value;
      computedBy = { query: computed.query, variables: computed.variables };
      computedSource = METRICS[indicator.metric!].source;
    }
    await this.data.repositories.indicators.recordValue({
      indicatorId: indicator.id,
      period,
      value,
      label,
      source: givenSource ?? computedSource,
      surveyId,
      computedBy,
    });
    return indicator;
  }

  async removeValue(indicatorIdArg: string, period: string): Promise<Indicator> {
    requireThat(
      this.identity,
      isCityStaff(this.identity),
      'removing indicator values (city staff)',
    );
    const indicator = await this.existing(requireUuid('indicatorId', indicatorIdArg));
    if (!(await this.data.repositories.indicators.removeValue(indicator.id, period))) {
      throw new NotFoundError('IndicatorValue', `${indicator.id} ${period}`);
    }
    return indicator;
  }

  /**
   * The share of a closed survey's answers choosing the counted options. Another run of
   * the survey is used through the question in the same place, which must be the same kind
   * with the same number of options.
   */
  private async fromSurvey(
    indicator: Indicator,
    surveyIdArg: string | null,
  ): Promise<{ value: string; surveyId: string; source: LocalizedText }> {
    const question = (await this.loaders.question.load(indicator.surveyQuestionId!))!;
    const surveyId = surveyIdArg ? requireUuid('input.surveyId', surveyIdArg) : question.surveyId;
    const survey = await this.loaders.survey.load(surveyId);
    if (!survey) throw new NotFoundError('Survey', surveyId);
    let asked = question;
    if (survey.id !== question.surveyId) {
      const same = (await this.loaders.questionsOfSurvey.load(survey.id)).find(
        (q) => q.position === question.position,
      );
      if (!same || same.kind !== question.kind || same.options.length !== question.options.length) {
        throw BadUserInputError.single(
          'input.surveyId',
          'DIFFERENT_QUESTIONS',
          `does not ask question ${question.position} as the indicator's survey does (${question.kind}, ${question.options.length} options)`,
        );
      }
      asked = same;
    }
    if (surveyStatus(survey) !== SurveyStatus.CLOSED) {
      throw BadUserInputError.single(
        'input.surveyId',
        'NOT_CLOSED',
        'must have closed: a value is computed from final answers',
      );
    }
    const counts = await this.loaders.answerCounts.load(survey.id);
    const answered = counts.answered.get(asked.id) ?? 0;
    if (answered === 0) {
      throw BadUserInputError.single(
        'input.surveyId',
        'NO_ANSWERS',
        'has no answers to the question',
      );
    }
    const chosen = counts.chosen.get(asked.id) ?? new Map<number, number>();
    const counted = indicator.countedOptions!.reduce((sum, i) => sum + (chosen.get(i) ?? 0), 0);
    const responses = `${answered} ${answered === 1 ? 'vastaus' : 'vastausta'}`;
    return {
      value: share(counted, answered),
      surveyId: survey.id,
      source: {
        fi: `${survey.title.fi}, ${responses}`,
        ...(survey.title.sv ? { sv: `${survey.title.sv}, ${answered} svar` } : {}),
        ...(survey.title.en ? { en: `${survey.title.en}, ${answered} responses` } : {}),
      },
    };
  }

  private async existing(id: string): Promise<Indicator> {
    this.loaders.indicator.clear(id);
    const indicator = await this.loaders.indicator.load(id);
    if (!indicator) throw new NotFoundError('Indicator', id);
    return indicator;
  }
}
