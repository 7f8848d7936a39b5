import { randomUUID } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import {
  brokenRules,
  errorCodes,
  startTestSubgraph,
  type TestSubgraph,
} from '../../../tests/setup/subgraph-harness';
import { cooperationSubgraph } from '../cooperation.subgraph';

const CREATE = `mutation ($input: CreateSurveyInput!) { createSurvey(input: $input) {
  id status anonymous serviceAreas { id } questions { id position kind required options { fi } } } }`;
const OPEN = `mutation ($id: ID!) { openSurvey(id: $id) { id status } }`;
const CLOSE = `mutation ($id: ID!) { closeSurvey(id: $id) { id status } }`;
const UPDATE = `mutation ($input: UpdateSurveyInput!) { updateSurvey(input: $input) { id title { fi } closesAt } }`;
const SUBMIT = `mutation ($input: SubmitSurveyResponseInput!) { submitSurveyResponse(input: $input) { answerCount changed survey { id } } }`;
const CHANGE = `mutation ($input: SubmitSurveyResponseInput!) { changeSurveyResponse(input: $input) { answerCount changed } }`;
const RESULTS = `query ($id: ID!) { survey(id: $id) { status responseCount results { responseCount questions {
  answerCount agreeShare texts options { index label { fi } count share } } } } }`;
const CSV = `query ($id: ID!) { survey(id: $id) { answersCsv } }`;

interface Created {
  id: string;
  questions: Array<{ id: string; position: number; kind: string; options: Array<{ fi: string }> }>;
}

const hourAgo = () => new Date(Date.now() - 3600_000).toISOString();
const nextWeek = () => new Date(Date.now() + 7 * 86400_000).toISOString();

/** A survey of three questions: agreement (required), a choice of many, and free text. */
const surveyInput = (overrides: Record<string, unknown> = {}) => ({
  title: { fi: 'Yhdistyskysely', sv: 'Föreningsenkät' },
  audience: 'ASSOCIATIONS',
  opensAt: hourAgo(),
  closesAt: nextWeek(),
  anonymous: false,
  questions: [
    { text: { fi: 'Avustusten haku on selkeää' }, kind: 'LIKERT_5', required: true },
    {
      text: { fi: 'Mistä saat tietoa?' },
      kind: 'MULTIPLE_CHOICE',
      options: [{ fi: 'Verkkosivut' }, { fi: 'Yhdistysilta' }, { fi: 'Sähköposti' }],
    },
    { text: { fi: 'Terveiset kaupungille' }, kind: 'TEXT' },
  ],
  ...overrides,
});

describe('surveys', () => {
  let subgraph: TestSubgraph;
  let staff: string;
  const area = randomUUID();

  beforeAll(async () => {
    subgraph = await startTestSubgraph(cooperationSubgraph);
    staff = await subgraph.token({ role: 'staff', subject: 'staff-1', serviceAreaIds: [area] });
  });
  afterAll(() => subgraph.stop());

  const representative = (associationId: string) =>
    subgraph.token({
      role: 'representative',
      subject: `rep-${associationId}`,
      associationIds: [associationId],
    });

  const openSurvey = async (overrides: Record<string, unknown> = {}): Promise<Created> => {
    const created = await subgraph.request<{ createSurvey: Created }>(
      CREATE,
      { input: surveyInput(overrides) },
      staff,
    );
    expect(created.errors).toEqual([]);
    const survey = created.data!.createSurvey;
    expect((await subgraph.request(OPEN, { id: survey.id }, staff)).errors).toEqual([]);
    return survey;
  };

  const answer = async (
    survey: Created,
    associationId: string,
    choice: number,
    extra: unknown[] = [],
  ) =>
    subgraph.request(
      SUBMIT,
      {
        input: {
          surveyId: survey.id,
          associationId,
          answers: [{ questionId: survey.questions[0].id, choice }, ...extra],
        },
      },
      await representative(associationId),
    );

  const rowCount = async (table: string) =>
    Number(
      (
        (await subgraph.db.query(`SELECT count(*) AS n FROM cooperation.${table}`)) as Array<{
          n: string;
        }>
      )[0].n,
    );

  it('creates a draft with the standard Finnish agreement labels, hidden from the public until opened', async () => {
    const created = await subgraph.request<{ createSurvey: Created & { status: string } }>(
      CREATE,
      { input: surveyInput({ serviceAreaIds: [area] }) },
      staff,
    );
    expect(created.errors).toEqual([]);
    const survey = created.data!.createSurvey;
    expect(survey.status).toBe('DRAFT');
    expect(survey.questions[0].options.map((o) => o.fi)).toEqual([
      'Täysin eri mieltä',
      'Jokseenkin eri mieltä',
      'Ei samaa eikä eri mieltä',
      'Jokseenkin samaa mieltä',
      'Täysin samaa mieltä',
    ]);
    expect((await subgraph.request(RESULTS, { id: survey.id })).data).toEqual({ survey: null });
    expect((await subgraph.request(OPEN, { id: survey.id }, staff)).data).toEqual({
      openSurvey: { id: survey.id, status: 'OPEN' },
    });
    expect(
      (await subgraph.request<{ survey: { status: string } }>(RESULTS, { id: survey.id })).data!
        .survey.status,
    ).toBe('OPEN');
  });

  it('lets only staff of its areas create and keep a survey', async () => {
    const before = await rowCount('survey');
    const otherStaff = await subgraph.token({ role: 'staff', serviceAreaIds: [randomUUID()] });
    const input = surveyInput({ serviceAreaIds: [area] });
    expect(errorCodes(await subgraph.request(CREATE, { input }, otherStaff))).toEqual([
      'FORBIDDEN',
    ]);
    expect(
      errorCodes(await subgraph.request(CREATE, { input }, await representative(randomUUID()))),
    ).toEqual(['FORBIDDEN']);
    expect(errorCodes(await subgraph.request(CREATE, { input }))).toEqual(['FORBIDDEN']);
    expect(await rowCount('survey')).toBe(before);
  });

  it('names every broken rule of a new survey and writes nothing', async () => {
    const before = await rowCount('survey');
    const bad = await subgraph.request(
      CREATE,
      {
        input: surveyInput({
          title: { fi: ' ' },
          closesAt: hourAgo(),
          opensAt: nextWeek(),
          questions: [
            { text: { fi: 'Viisi?' }, kind: 'LIKERT_5', options: [{ fi: 'a' }, { fi: 'b' }] },
            { text: { fi: 'Valitse' }, kind: 'SINGLE_CHOICE', options: [{ fi: 'vain yksi' }] },
            { text: { fi: '' }, kind: 'TEXT', options: [{ fi: 'x' }] },
          ],
        }),
      },
      staff,
    );
    expect(brokenRules(bad).sort()).toEqual([
      'input.closesAt NOT_BEFORE_START',
      'input.questions[0].options COUNT',
      'input.questions[1].options COUNT',
      'input.questions[2].options COUNT',
      'input.questions[2].text.fi REQUIRED',
      'input.title.fi REQUIRED',
    ]);
    expect(await rowCount('survey')).toBe(before);
  });

  it('fixes the questions once the survey opens, while the closing time may still move', async () => {
    const survey = await openSurvey();
    const change = await subgraph.request(
      UPDATE,
      {
        input: {
          id: survey.id,
          overwrite: true,
          questions: [{ text: { fi: 'Uusi' }, kind: 'TEXT' }],
        },
      },
      staff,
    );
    expect(errorCodes(change)).toEqual(['CONFLICT']);
    expect(change.errors[0].message).toMatch(/fixed once a survey opens/);
    const later = new Date(Date.now() + 14 * 86400_000).toISOString();
    const moved = await subgraph.request<{ updateSurvey: { closesAt: string } }>(
      UPDATE,
      { input: { id: survey.id, overwrite: true, closesAt: later } },
      staff,
    );
    expect(moved.errors).toEqual([]);
    expect(moved.data!.updateSurvey.closesAt).toBe(later);
  });

  it('opens a draft once and closes an open survey once; anything else is CONFLICT', async () => {
    const created = await subgraph.request<{ createSurvey: Created }>(
      CREATE,
      { input: surveyInput() },
      staff,
    );
    const { id } = created.data!.createSurvey;
    expect(errorCodes(await subgraph.request(CLOSE, { id }, staff))).toEqual(['CONFLICT']);
    expect((await subgraph.request(OPEN, { id }, staff)).errors).toEqual([]);
    expect(errorCodes(await subgraph.request(OPEN, { id }, staff))).toEqual(['CONFLICT']);
    expect((await subgraph.request(CLOSE, { id }, staff)).errors).toEqual([]);
    expect(errorCodes(await subgraph.request(CLOSE, { id }, staff))).toEqual(['CONFLICT']);
    expect(
      errorCodes(await subgraph.request(UPDATE, { input: { id, title: { fi: 'Uusi' } } }, staff)),
    ).toEqual(['CONFLICT']);
  });

  it('takes one response per association, lets it be changed, and refuses a second with CONFLICT', async () => {
    const survey = await openSurvey();
    const association = randomUUID();
    const first = await answer(survey, association, 4);
    expect(first.errors).toEqual([]);
    expect(first.data).toEqual({
      submitSurveyResponse: { answerCount: 1, changed: false, survey: { id: survey.id } },
    });
    const second = await answer(survey, association, 0);
    expect(errorCodes(second)).toEqual(['CONFLICT']);
    const changed = await subgraph.request(
      CHANGE,
      {
        input: {
          surveyId: survey.id,
          associationId: association,
          answers: [{ questionId: survey.questions[0].id, choice: 1 }],
        },
      },
      await representative(association),
    );
    expect(changed.data).toEqual({ changeSurveyResponse: { answerCount: 1, changed: true } });
    const stored = (await subgraph.db.query(
      `SELECT a.choice FROM cooperation.survey_answer a JOIN cooperation.survey_response r ON r.id = a.response_id WHERE r.survey_id = $1`,
      [survey.id],
    )) as Array<{ choice: number }>;
    expect(stored).toEqual([{ choice: 1 }]);
  });

  it('gives one response and one CONFLICT when an association answers twice at once', async () => {
    const survey = await openSurvey();
    const association = randomUUID();
    const answers = await Promise.all([
      answer(survey, association, 4),
      answer(survey, association, 3),
      answer(survey, association, 2),
    ]);
    expect(answers.map((a) => errorCodes(a)[0] ?? 'OK').sort()).toEqual([
      'CONFLICT',
      'CONFLICT',
      'OK',
    ]);
    const rows = (await subgraph.db.query(
      `SELECT count(*)::int AS n FROM cooperation.survey_response WHERE survey_id = $1`,
      [survey.id],
    )) as Array<{ n: number }>;
    expect(rows[0].n).toBe(1);
  });

  it('names every problem of a response in one BAD_USER_INPUT and writes nothing', async () => {
    const survey = await openSurvey();
    const association = randomUUID();
    const before = await rowCount('survey_response');
    const bad = await subgraph.request(
      SUBMIT,
      {
        input: {
          surveyId: survey.id,
          associationId: association,
          answers: [
            { questionId: randomUUID(), choice: 1 },
            { questionId: survey.questions[1].id, choices: [0, 3, 0] },
            { questionId: survey.questions[2].id, choice: 2 },
          ],
        },
      },
      await representative(association),
    );
    expect(errorCodes(bad)).toEqual(['BAD_USER_INPUT']);
    expect(brokenRules(bad).sort()).toEqual([
      'input.answers REQUIRED_QUESTION',
      'input.answers[0].questionId UNKNOWN_QUESTION',
      'input.answers[1].choices DUPLICATE',
      'input.answers[1].choices[1] RANGE',
      'input.answers[2].choice NOT_FOR_KIND',
    ]);
    expect(await rowCount('survey_response')).toBe(before);

    const outOfRange = await answer(survey, association, 5);
    expect(brokenRules(outOfRange)).toEqual(['input.answers[0].choice RANGE']);

    await subgraph.request(CLOSE, { id: survey.id }, staff);
    const late = await answer(survey, association, 4);
    expect(brokenRules(late)).toEqual(['input.surveyId NOT_OPEN']);
    expect(await rowCount('survey_response')).toBe(before);
  });

  it('lets only the association’s representative answer for it', async () => {
    const survey = await openSurvey();
    const answerAs = (token: string | undefined) =>
      subgraph.request(
        SUBMIT,
        {
          input: {
            surveyId: survey.id,
            associationId: randomUUID(),
            answers: [{ questionId: survey.questions[0].id, choice: 4 }],
          },
        },
        token,
      );
    expect(errorCodes(await answerAs(await representative(randomUUID())))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await answerAs(staff))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await answerAs(undefined))).toEqual(['FORBIDDEN']);
  });

  it('counts results per option with the agreeing share, public once closed and for staff before', async () => {
    const survey = await openSurvey();
    const texts = [randomUUID(), randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    // Likert answers 4, 3, 3, 1, 0: three of five agree, so agreeShare is 0.6000.
    for (const [i, choice] of [4, 3, 3, 1, 0].entries()) {
      const extra = [
        { questionId: survey.questions[1].id, choices: i < 2 ? [0, 1] : [2] },
        ...(i === 0 ? [{ questionId: survey.questions[2].id, text: 'Kiitos tiloista' }] : []),
      ];
      expect((await answer(survey, texts[i], choice, extra)).errors).toEqual([]);
    }
    expect(
      (await subgraph.request<{ survey: { results: unknown } }>(RESULTS, { id: survey.id })).data!
        .survey.results,
    ).toBeNull();
    const forStaff = await subgraph.request<{
      survey: { results: { questions: Array<Record<string, unknown>> } };
    }>(RESULTS, { id: survey.id }, staff);
    const [likert, multiple, text] = forStaff.data!.survey.results.questions;
    expect(likert).toMatchObject({
      answerCount: 5,
      agreeShare: '0.6000',
      options: [
        { index: 0, count: 1, share: '0.2000' },
        { index: 1, count: 1, share: '0.2000' },
        { index: 2, count: 0, share: '0.0000' },
        { index: 3, count: 2, share: '0.4000' },
        { index: 4, count: 1, share: '0.2000' },
      ],
    });
    expect(multiple).toMatchObject({
      answerCount: 5,
      agreeShare: null,
      options: [
        { label: { fi: 'Verkkosivut' }, count: 2, share: '0.4000' },
        { label: { fi: 'Yhdistysilta' }, count: 2, share: '0.4000' },
        { label: { fi: 'Sähköposti' }, count: 3, share: '0.6000' },
      ],
    });
    // Not anonymous: the single text answer is shown, unattributed.
    expect(text).toMatchObject({ answerCount: 1, texts: ['Kiitos tiloista'] });

    await subgraph.request(CLOSE, { id: survey.id }, staff);
    const publicResults = await subgraph.request<{
      survey: { status: string; results: { responseCount: number } };
    }>(RESULTS, { id: survey.id });
    expect(publicResults.data!.survey).toMatchObject({
      status: 'CLOSED',
      results: { responseCount: 5 },
    });
  });

  it('keeps an anonymous survey anonymous: no association stored, texts only from five responses, an export without names', async () => {
    const survey = await openSurvey({ anonymous: true });
    const associations = Array.from({ length: 5 }, () => randomUUID());
    for (const [i, association] of associations.entries()) {
      const text = [{ questionId: survey.questions[2].id, text: `Vastaus ${i + 1}` }];
      expect((await answer(survey, association, i % 5, text)).errors).toEqual([]);
      const seen = await subgraph.request<{
        survey: { results: { questions: Array<{ texts: string[] }> } };
      }>(RESULTS, { id: survey.id }, staff);
      expect(seen.data!.survey.results.questions[2].texts).toHaveLength(i + 1 >= 5 ? 5 : 0);
    }
    const stored = (await subgraph.db.query(
      `SELECT association_id, respondent_key FROM cooperation.survey_response WHERE survey_id = $1`,
      [survey.id],
    )) as Array<{ association_id: string | null; respondent_key: string }>;
    expect(stored.every((r) => r.association_id === null)).toBe(true);
    for (const association of associations) {
      expect(stored.some((r) => r.respondent_key.includes(association))).toBe(false);
    }
    // Still once per association, though the stored key names no one.
    expect(errorCodes(await answer(survey, associations[0], 4))).toEqual(['CONFLICT']);

    await subgraph.request(CLOSE, { id: survey.id }, staff);
    const csv = (
      await subgraph.request<{ survey: { answersCsv: string } }>(CSV, { id: survey.id }, staff)
    ).data!.survey.answersCsv;
    const rows = parse(csv) as string[][];
    expect(rows[0]).toEqual([
      'response',
      'Q1: Avustusten haku on selkeää',
      'Q2: Mistä saat tietoa?',
      'Q3: Terveiset kaupungille',
    ]);
    expect(rows).toHaveLength(6);
    expect(csv).not.toMatch(new RegExp(associations.join('|')));
    expect(
      rows
        .slice(1)
        .map((r) => r[3])
        .sort(),
    ).toEqual(['Vastaus 1', 'Vastaus 2', 'Vastaus 3', 'Vastaus 4', 'Vastaus 5']);
  });

  it('exports a named survey’s answers as CSV for staff only, once closed', async () => {
    const survey = await openSurvey();
    const association = randomUUID();
    await answer(survey, association, 3, [
      { questionId: survey.questions[1].id, choices: [0, 2] },
      { questionId: survey.questions[2].id, text: '=1+1, "lainaus"' },
    ]);
    expect(errorCodes(await subgraph.request(CSV, { id: survey.id }, staff))).toEqual(['CONFLICT']);
    await subgraph.request(CLOSE, { id: survey.id }, staff);
    expect(errorCodes(await subgraph.request(CSV, { id: survey.id }))).toEqual(['FORBIDDEN']);
    const csv = (
      await subgraph.request<{ survey: { answersCsv: string } }>(CSV, { id: survey.id }, staff)
    ).data!.survey.answersCsv;
    const [header, row] = parse(csv) as string[][];
    expect(header.slice(0, 3)).toEqual(['response', 'association_id', 'submitted_at']);
    expect(row[0]).toBe('1');
    expect(row[1]).toBe(association);
    expect(row.slice(3)).toEqual([
      'Jokseenkin samaa mieltä',
      'Verkkosivut; Sähköposti',
      `'=1+1, "lainaus"`,
    ]);
    // The same answers for a spreadsheet in a Finnish locale: a byte order mark and `;`.
    const spreadsheet = (
      await subgraph.request<{ survey: { answersCsv: string } }>(
        `query ($id: ID!) { survey(id: $id) { answersCsv(format: SPREADSHEET_FI) } }`,
        { id: survey.id },
        staff,
      )
    ).data!.survey.answersCsv;
    expect(spreadsheet.startsWith('\uFEFFresponse;association_id;submitted_at;')).toBe(true);
    expect(parse(spreadsheet, { bom: true, delimiter: ';' })).toEqual(parse(csv));
  });

  it('takes one response per staff member on a staff survey, and none from representatives', async () => {
    const survey = await openSurvey({ audience: 'CITY_STAFF', anonymous: true });
    const input = {
      surveyId: survey.id,
      answers: [{ questionId: survey.questions[0].id, choice: 4 }],
    };
    expect((await subgraph.request(SUBMIT, { input }, staff)).errors).toEqual([]);
    expect(errorCodes(await subgraph.request(SUBMIT, { input }, staff))).toEqual(['CONFLICT']);
    const colleague = await subgraph.token({
      role: 'staff',
      subject: 'staff-2',
      serviceAreaIds: [area],
    });
    expect((await subgraph.request(SUBMIT, { input }, colleague)).errors).toEqual([]);
    expect(
      errorCodes(await subgraph.request(SUBMIT, { input }, await representative(randomUUID()))),
    ).toEqual(['FORBIDDEN']);
    expect(
      brokenRules(
        await subgraph.request(
          SUBMIT,
          { input: { ...input, associationId: randomUUID() } },
          colleague,
        ),
      ),
    ).toEqual(['input.associationId NOT_ALLOWED']);
  });

  it('compares two runs of the same questions, and refuses runs whose questions differ', async () => {
    const spring = await openSurvey();
    const autumn = await openSurvey();
    for (const choice of [4, 1]) await answer(spring, randomUUID(), choice);
    for (const choice of [4, 3, 3, 0]) await answer(autumn, randomUUID(), choice);
    await subgraph.request(CLOSE, { id: spring.id }, staff);
    await subgraph.request(CLOSE, { id: autumn.id }, staff);
    const COMPARE = `query ($a: ID!, $b: ID!) { surveyComparison(firstId: $a, secondId: $b) {
      firstResponseCount secondResponseCount questions { position agreeShareChange first { agreeShare } second { agreeShare } } } }`;
    const compared = await subgraph.request<{ surveyComparison: { questions: unknown[] } }>(
      COMPARE,
      { a: spring.id, b: autumn.id },
    );
    expect(compared.errors).toEqual([]);
    expect(compared.data!.surveyComparison).toMatchObject({
      firstResponseCount: 2,
      secondResponseCount: 4,
    });
    expect(compared.data!.surveyComparison.questions[0]).toEqual({
      position: 1,
      agreeShareChange: '0.2500',
      first: { agreeShare: '0.5000' },
      second: { agreeShare: '0.7500' },
    });
    const other = await openSurvey({ questions: [{ text: { fi: 'Vain teksti' }, kind: 'TEXT' }] });
    await subgraph.request(CLOSE, { id: other.id }, staff);
    expect(brokenRules(await subgraph.request(COMPARE, { a: spring.id, b: other.id }))).toEqual([
      'secondId DIFFERENT_QUESTIONS',
    ]);
  });

  it('shows published surveys in the calendar of every year they are open, the area’s and city-wide ones', async () => {
    const otherArea = randomUUID();
    const inArea = await openSurvey({ serviceAreaIds: [area], closesAt: '2031-01-10T10:00:00Z' });
    const cityWide = await openSurvey({ closesAt: '2031-02-10T10:00:00Z' });
    const CAL = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Calendar { surveys { id } } } }`;
    const surveysOf = async (year: number, serviceAreaId: string | null) => {
      const answer = await subgraph.request<{
        _entities: Array<{ surveys: Array<{ id: string }> }>;
      }>(CAL, { r: [{ __typename: 'Calendar', year, serviceAreaId }] });
      expect(answer.errors).toEqual([]);
      return answer.data!._entities[0].surveys.map((s) => s.id);
    };
    expect(await surveysOf(2031, area)).toEqual(expect.arrayContaining([inArea.id, cityWide.id]));
    expect(await surveysOf(2031, otherArea)).toContain(cityWide.id);
    expect(await surveysOf(2031, otherArea)).not.toContain(inArea.id);
    expect(await surveysOf(2032, null)).not.toContain(cityWide.id);
  });

  it('pages surveys newest first and filters them by status', async () => {
    const LIST = `query ($f: SurveyFilter, $after: String) { surveys(first: 2, filter: $f, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id status } } } }`;
    const page = await subgraph.request<{
      surveys: {
        totalCount: number;
        pageInfo: { endCursor: string };
        edges: Array<{ node: { status: string } }>;
      };
    }>(LIST, { f: { statuses: ['CLOSED'] } });
    expect(page.errors).toEqual([]);
    expect(page.data!.surveys.edges.every((e) => e.node.status === 'CLOSED')).toBe(true);
    const next = await subgraph.request(LIST, {
      f: { statuses: ['CLOSED'] },
      after: page.data!.surveys.pageInfo.endCursor,
    });
    expect(next.errors).toEqual([]);
    expect(brokenRules(await subgraph.request(LIST, { f: { statuses: ['DRAFT'] } }))).toEqual([
      'filter.statuses DRAFTS_FOR_STAFF',
    ]);
  });
});
