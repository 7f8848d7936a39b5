import { randomUUID } from 'node:crypto';
import {
  brokenRules,
  errorCodes,
  startTestSubgraph,
  type TestSubgraph,
} from '../../../tests/setup/subgraph-harness';
import { httpPublicGraph, type PublicGraph } from '../../core/public-graph';
import { cooperationSubgraph } from '../cooperation.subgraph';

const CREATE_SURVEY = `mutation ($input: CreateSurveyInput!) { createSurvey(input: $input) { id questions { id } } }`;
const CREATE = `mutation ($input: CreateIndicatorInput!) { createIndicator(input: $input) { id source countedOptions metric } }`;
const RECORD = `mutation ($input: RecordIndicatorValueInput!) { recordIndicatorValue(input: $input) {
  id values { period value label { fi } source { fi } survey { id } } baseline { period } latest { period } } }`;
const READ = `query ($id: ID!) { indicator(id: $id) { name { fi } kind source values { period value label { fi } source { fi } } } }`;

interface Recorded {
  recordIndicatorValue: {
    values: Array<{
      period: string;
      value: string | null;
      label: { fi: string } | null;
      source: { fi: string } | null;
      survey: { id: string } | null;
    }>;
    baseline: { period: string };
    latest: { period: string };
  };
}

/** What the graph was asked, and answers as the real subgraphs would for these figures. */
class RecordingGraph implements PublicGraph {
  asked: Array<{ document: string; variables: Record<string, unknown> }> = [];
  down = false;
  async query<T>(document: string, variables: Record<string, unknown> = {}): Promise<T> {
    this.asked.push({ document, variables });
    if (this.down)
      return httpPublicGraph(() => 'http://127.0.0.1:9/graphql', 500).query<T>(document);
    if (document.includes('eventStatistics')) {
      return {
        eventStatistics: { total: { count: 4, participants: 40, associations: 12 } },
      } as T;
    }
    if (document.includes('serviceAreas')) {
      return { serviceAreas: [{ liaisons: [{}] }, { liaisons: [] }, { liaisons: [{}, {}] }] } as T;
    }
    throw new Error(`unexpected query ${document}`);
  }
}

describe('indicators', () => {
  let subgraph: TestSubgraph;
  let staff: string;
  const graph = new RecordingGraph();

  beforeAll(async () => {
    subgraph = await startTestSubgraph(cooperationSubgraph, { graph });
    staff = await subgraph.token({ role: 'staff', subject: 'analyst' });
  });
  afterAll(() => subgraph.stop());

  const create = async (input: Record<string, unknown>) => {
    const answer = await subgraph.request<{ createIndicator: { id: string } }>(
      CREATE,
      { input: { kind: 'IMPACT', ...input } },
      staff,
    );
    expect(answer.errors).toEqual([]);
    return answer.data!.createIndicator.id;
  };
  const record = (input: Record<string, unknown>, token = staff) =>
    subgraph.request<Recorded>(RECORD, { input }, token);
  const valueCount = async () =>
    Number(
      (
        (await subgraph.db.query(
          'SELECT count(*) AS n FROM cooperation.indicator_value',
        )) as Array<{ n: string }>
      )[0].n,
    );

  /** A closed survey whose one question got these choices. */
  async function closedSurvey(kind: string, choices: number[], options?: Array<{ fi: string }>) {
    const created = await subgraph.request<{
      createSurvey: { id: string; questions: Array<{ id: string }> };
    }>(
      CREATE_SURVEY,
      {
        input: {
          title: { fi: 'Avainhenkilöiden kysely' },
          audience: 'CITY_STAFF',
          anonymous: true,
          opensAt: new Date(Date.now() - 3600_000).toISOString(),
          closesAt: new Date(Date.now() + 86400_000).toISOString(),
          questions: [
            { text: { fi: 'Yhteistyörakenne on vahvistunut' }, kind, options, required: true },
          ],
        },
      },
      staff,
    );
    const survey = created.data!.createSurvey;
    await subgraph.request(
      `mutation ($id: ID!) { openSurvey(id: $id) { id } }`,
      { id: survey.id },
      staff,
    );
    for (const [i, choice] of choices.entries()) {
      const person = await subgraph.token({
        role: 'staff',
        subject: `key-person-${randomUUID()}-${i}`,
      });
      const answered = await subgraph.request(
        `mutation ($input: SubmitSurveyResponseInput!) { submitSurveyResponse(input: $input) { answerCount } }`,
        {
          input: { surveyId: survey.id, answers: [{ questionId: survey.questions[0].id, choice }] },
        },
        person,
      );
      expect(answered.errors).toEqual([]);
    }
    return {
      id: survey.id,
      questionId: survey.questions[0].id,
      close: () =>
        subgraph.request(
          `mutation ($id: ID!) { closeSurvey(id: $id) { id } }`,
          { id: survey.id },
          staff,
        ),
    };
  }

  it('keeps values recorded by hand, oldest period first, with baseline and latest, replacing a period recorded again', async () => {
    const id = await create({
      name: { fi: 'Yhdistysten tyytyväisyys' },
      kind: 'RESULT',
      theme: 'avustukset',
    });
    await record({
      indicatorId: id,
      period: '2022',
      label: { fi: 'Hyvä' },
      source: { fi: 'Yhdistyskysely 5/2022' },
    });
    const recorded = await record({
      indicatorId: id,
      period: '2021',
      label: { fi: 'Kohtalainen' },
      source: { fi: 'Yhdistyskysely 5/2021' },
    });
    expect(recorded.errors).toEqual([]);
    expect(recorded.data!.recordIndicatorValue).toMatchObject({
      values: [
        {
          period: '2021',
          value: null,
          label: { fi: 'Kohtalainen' },
          source: { fi: 'Yhdistyskysely 5/2021' },
        },
        { period: '2022', label: { fi: 'Hyvä' } },
      ],
      baseline: { period: '2021' },
      latest: { period: '2022' },
    });
    const again = await record({
      indicatorId: id,
      period: '2022',
      value: '3.50',
      label: { fi: 'Hyvä' },
    });
    expect(again.data!.recordIndicatorValue.values[1]).toMatchObject({
      period: '2022',
      value: '3.50',
    });
    expect((await subgraph.request(READ, { id })).data).toMatchObject({
      indicator: { source: 'MANUAL', kind: 'RESULT' },
    });
    const REMOVE = `mutation ($id: ID!, $p: String!) { removeIndicatorValue(indicatorId: $id, period: $p) { values { period } } }`;
    expect((await subgraph.request(REMOVE, { id, p: '2022' }, staff)).data).toEqual({
      removeIndicatorValue: { values: [{ period: '2021' }] },
    });
    expect(errorCodes(await subgraph.request(REMOVE, { id, p: '2022' }, staff))).toEqual([
      'NOT_FOUND',
    ]);
  });

  it('computes a value from a closed survey: the agreeing share of a LIKERT_5 question, with the survey as its source', async () => {
    const survey = await closedSurvey('LIKERT_5', [4, 3, 3, 2, 0]);
    const id = await create({
      name: { fi: 'Yhteistyörakenteen vahvistaminen' },
      surveyQuestionId: survey.questionId,
    });
    expect(brokenRules(await record({ indicatorId: id, period: '2022' }))).toEqual([
      'input.surveyId NOT_CLOSED',
    ]);
    await survey.close();
    const recorded = await record({
      indicatorId: id,
      period: '2022',
      label: { fi: 'Täysin tai jokseenkin samaa mieltä 60 %' },
    });
    expect(recorded.errors).toEqual([]);
    expect(recorded.data!.recordIndicatorValue.values).toEqual([
      {
        period: '2022',
        value: '0.6000',
        label: { fi: 'Täysin tai jokseenkin samaa mieltä 60 %' },
        source: { fi: 'Avainhenkilöiden kysely, 5 vastausta' },
        survey: { id: survey.id },
      },
    ]);
  });

  it('counts the chosen options of a rating question, and takes a later run through the question in the same place', async () => {
    const scale = [{ fi: 'Huonosti' }, { fi: 'Kohtalaisesti' }, { fi: 'Hyvin' }];
    const spring = await closedSurvey('RATING', [1, 1, 2, 0], scale);
    await spring.close();
    const autumn = await closedSurvey('RATING', [1, 1, 1, 1, 2], scale);
    await autumn.close();
    const created = await subgraph.request<{
      createIndicator: { id: string; source: string; countedOptions: number[] };
    }>(
      CREATE,
      {
        input: {
          kind: 'IMPACT',
          name: { fi: 'Teematyöpajat' },
          surveyQuestionId: spring.questionId,
          countedOptions: [1],
        },
      },
      staff,
    );
    expect(created.data!.createIndicator).toMatchObject({ source: 'SURVEY', countedOptions: [1] });
    const id = created.data!.createIndicator.id;
    await record({ indicatorId: id, period: '2022-05' });
    const recorded = await record({ indicatorId: id, period: '2022-11', surveyId: autumn.id });
    expect(
      recorded.data!.recordIndicatorValue.values.map((v) => [v.period, v.value, v.survey?.id]),
    ).toEqual([
      ['2022-05', '0.5000', spring.id],
      ['2022-11', '0.8000', autumn.id],
    ]);
    const other = await closedSurvey('LIKERT_5', [4]);
    await other.close();
    expect(
      brokenRules(await record({ indicatorId: id, period: '2023', surveyId: other.id })),
    ).toEqual(['input.surveyId DIFFERENT_QUESTIONS']);
  });

  it('computes a metric through the public graph for a year, and writes nothing when the graph cannot answer', async () => {
    const evenings = await create({
      name: { fi: 'Yhdistysiltoihin osallistuneet yhdistykset' },
      kind: 'RESULT',
      metric: 'ASSOCIATION_EVENING_ASSOCIATIONS',
    });
    const recorded = await record({ indicatorId: evenings, period: '2022' });
    expect(recorded.errors).toEqual([]);
    expect(recorded.data!.recordIndicatorValue.values).toEqual([
      {
        period: '2022',
        value: '12',
        label: null,
        source: { fi: 'Yhdistysiltoihin osallistuneet yhdistykset' },
        survey: null,
      },
    ]);
    // The year in Helsinki time, asked of the events subgraph's public statistics.
    expect(graph.asked.at(-1)!.variables).toEqual({
      from: '2021-12-31T22:00:00.000Z',
      to: '2022-12-31T22:00:00.000Z',
    });

    const liaisons = await create({
      name: { fi: 'Yhdyshenkilöt nimetty' },
      kind: 'RESULT',
      metric: 'SERVICE_AREAS_WITH_LIAISON_SHARE',
    });
    expect(
      (await record({ indicatorId: liaisons, period: '2022' })).data!.recordIndicatorValue.values[0]
        .value,
    ).toBe('0.6667');

    expect(brokenRules(await record({ indicatorId: liaisons, period: '2022-05' }))).toEqual([
      'input.period YEAR',
    ]);
    const before = await valueCount();
    graph.down = true;
    try {
      expect(errorCodes(await record({ indicatorId: evenings, period: '2023' }))).toEqual([
        'UPSTREAM_UNAVAILABLE',
      ]);
    } finally {
      graph.down = false;
    }
    expect(await valueCount()).toBe(before);
  });

  it('names every broken rule of a new indicator and of a value', async () => {
    const text = await closedSurvey('TEXT', []);
    const rating = await closedSurvey('RATING', [], [{ fi: 'Huono' }, { fi: 'Hyvä' }]);
    const bad = await subgraph.request(
      CREATE,
      {
        input: {
          kind: 'RESULT',
          name: { fi: '' },
          surveyQuestionId: text.questionId,
          metric: 'GRANTS_AWARDED',
        },
      },
      staff,
    );
    expect(brokenRules(bad).sort()).toEqual([
      'input.metric ONE_SOURCE',
      'input.name.fi REQUIRED',
      'input.surveyQuestionId TEXT_QUESTION',
    ]);
    const noOptions = await subgraph.request(
      CREATE,
      {
        input: {
          kind: 'RESULT',
          name: { fi: 'x' },
          surveyQuestionId: rating.questionId,
          countedOptions: [],
        },
      },
      staff,
    );
    expect(brokenRules(noOptions)).toEqual(['input.countedOptions REQUIRED']);
    const outOfRange = await subgraph.request(
      CREATE,
      {
        input: {
          kind: 'RESULT',
          name: { fi: 'x' },
          surveyQuestionId: rating.questionId,
          countedOptions: [2, 2],
        },
      },
      staff,
    );
    expect(brokenRules(outOfRange).sort()).toEqual([
      'input.countedOptions DUPLICATE',
      'input.countedOptions[0] RANGE',
      'input.countedOptions[1] RANGE',
    ]);

    const manual = await create({ name: { fi: 'Koordinaattori' } });
    const before = await valueCount();
    expect(brokenRules(await record({ indicatorId: manual, period: 'kevät 2022' })).sort()).toEqual(
      ['input.period PERIOD', 'input.value REQUIRED'],
    );
    const survey = await create({
      name: { fi: 'Rakenne' },
      surveyQuestionId: rating.questionId,
      countedOptions: [1],
    });
    expect(
      brokenRules(await record({ indicatorId: survey, period: '2022', value: '0.60' })),
    ).toEqual(['input.value COMPUTED']);
    expect(await valueCount()).toBe(before);
  });

  it('lets city staff keep indicators and everyone read them', async () => {
    const representative = await subgraph.token({
      role: 'representative',
      associationIds: [randomUUID()],
    });
    const input = { kind: 'RESULT', name: { fi: 'Tilat' } };
    expect(errorCodes(await subgraph.request(CREATE, { input }, representative))).toEqual([
      'FORBIDDEN',
    ]);
    expect(errorCodes(await subgraph.request(CREATE, { input }))).toEqual(['FORBIDDEN']);
    const id = await create(input);
    expect(
      errorCodes(
        await record({ indicatorId: id, period: '2022', label: { fi: 'Hyvä' } }, representative),
      ),
    ).toEqual(['FORBIDDEN']);
    const list = await subgraph.request<{ indicators: Array<{ id: string; kind: string }> }>(
      `{ indicators(kind: RESULT) { id kind } }`,
    );
    expect(list.data!.indicators.map((i) => i.id)).toContain(id);
    expect(list.data!.indicators.every((i) => i.kind === 'RESULT')).toBe(true);
  });
});
