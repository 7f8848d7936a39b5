import ICAL from 'ical.js';
import { associationId, serviceAreaId, spaceId } from '../../demo/data';
import { indicatorDemoId, surveyDemoId, workingGroupDemoId } from '../../demo/cooperation';
import { helsinkiDate, helsinkiYear } from '../../subgraphs/core/time';
import { postGraphQL, startTestHub, type TestHub } from '../setup/test-hub';

interface IndicatorRow {
  name: { fi: string };
  kind: string;
  source: string;
  values: Array<{
    period: string;
    value: string | null;
    label: { fi: string } | null;
    source: { fi: string } | null;
  }>;
}

/**
 * The cooperation subgraph through the gateway, on the demo data: the final report's two
 * tables, metrics computed through the graph from the subgraphs that own the figures, a
 * survey answered and shown in the calendar and its feed, and working groups joined with
 * their associations and meetings.
 */
describe('cooperation through the gateway', () => {
  let t: TestHub;
  let staff: string;

  beforeAll(async () => {
    t = await startTestHub();
    staff = await t.token({ role: 'staff', subject: 'analyst@lahti.example' });
  });
  afterAll(() => t.stop());

  const graph = async <T>(
    query: string,
    variables: Record<string, unknown> = {},
    token?: string,
  ) => {
    const answer = await postGraphQL(
      t.hub.gateway.graphqlUrl,
      query,
      variables,
      token ? { authorization: `Bearer ${token}` } : {},
    );
    return { ...answer.body, status: answer.status } as {
      data?: T;
      errors?: Array<{ message: string; extensions?: { code?: string } }>;
      status: number;
    };
  };

  const INDICATORS = `query ($kind: IndicatorKind) { indicators(kind: $kind) {
    name { fi } kind source values { period value label { fi } source { fi } } } }`;

  it('reproduces Taulukko 1, the result indicators: baselines of 2021 with their sources', async () => {
    const { data } = await graph<{ indicators: IndicatorRow[] }>(INDICATORS, { kind: 'RESULT' });
    const table = data!.indicators.filter((i) => i.source === 'MANUAL');
    expect(
      table.map((i) => [i.name.fi, i.values.map((v) => [v.period, v.label?.fi, v.source?.fi])]),
    ).toEqual([
      [
        'Yhdistysten tyytyväisyys yhteistyön edistymiseen (avustukset, tilat, tapahtumat ja viestintä ja tiedon löydettävyys)',
        [['2021', 'Kohtalainen', 'Yhdistyskysely 5/2021']],
      ],
      [
        'Avainhenkilöiden tyytyväisyys yhteistyön edistymiseen (avustukset, tilat, viestintä ja tiedon löydettävyys)',
        [['2021', 'Kohtalainen/ hyvä', 'Avainhenkilöiden kysely 11/2021']],
      ],
    ]);
  });

  it('reproduces Taulukko 2, the impact indicators: the levels computed from the autumn 2022 answers', async () => {
    const { data } = await graph<{ indicators: IndicatorRow[] }>(INDICATORS, { kind: 'IMPACT' });
    const rows = data!.indicators.map((i) => ({
      name: i.name.fi,
      values: i.values.map((v) => [v.period, v.value, v.label?.fi]),
    }));
    expect(rows).toEqual([
      {
        name: 'Yhteistyörakenteen vahvistaminen',
        values: [['2022', '0.6000', 'Täysin tai jokseenkin samaa mieltä 60 %']],
      },
      {
        name: 'Yhteiset käytännöt yhteistyölle',
        values: [['2022', '0.8000', 'Täysin samaa mieltä 80 %']],
      },
      {
        name: 'Yhteistyö kokonaisuuden rakentaminen',
        values: [['2022', '0.6000', 'Täysin tai jokseenkin samaa mieltä 60 %, ei osaa sanoa 40 %']],
      },
      {
        name: 'Koko kaupungin yhdistysyhteistyöhön koordinaattori',
        values: [
          ['2021', null, 'Suuri tarve toteutumiselle havaittu'],
          ['2022', null, 'Ei toteutunut 2022, motivaatiotason lasku'],
        ],
      },
      {
        name: 'Teematyöpajat, ajantasaiset yhteystiedot, yhteistyötapaamiset',
        values: [['2022', '0.8000', 'Kohtalaisesti 80 %, hyvin 20 %']],
      },
      {
        name: 'Toimintamalli yhdistysiltojen ja työryhmien käyttöönottoon, vastuiden jakautuminen',
        values: [['2022', '0.6000', 'Kohtalaisesti tai huonosti 60 %, hyvin 40 %']],
      },
      {
        name: 'Kokemus hankkeen tarpeellisuudesta omaan työhön: mallin käyttöönotto ja sen kannattelu',
        values: [['2022', '1.0000', 'Kohtalaisesti 100 %']],
      },
    ]);
    // The third row's "ei osaa sanoa 40 %" is the autumn answers too, read from the results.
    const results = await graph<{
      survey: { results: { questions: Array<{ options: Array<{ share: string }> }> } };
    }>(`query ($id: ID!) { survey(id: $id) { results { questions { options { share } } } } }`, {
      id: surveyDemoId('avainhenkilot-syksy-2022'),
    });
    expect(results.data!.survey.results.questions[2].options.map((o) => o.share)).toEqual([
      '0.2000',
      '0.4000',
      '0.4000',
      '0.0000',
      '0.0000',
    ]);
  });

  it('compares the key persons’ spring and autumn', async () => {
    const { data, errors } = await graph<{
      surveyComparison: { questions: Array<{ agreeShareChange: string | null }> };
    }>(
      `query ($a: ID!, $b: ID!) { surveyComparison(firstId: $a, secondId: $b) { questions { agreeShareChange } } }`,
      { a: surveyDemoId('avainhenkilot-kevat-2022'), b: surveyDemoId('avainhenkilot-syksy-2022') },
    );
    expect(errors).toBeUndefined();
    // Spring's 1 of 5 agreeing became autumn's 3 of 5.
    expect(data!.surveyComparison.questions[0].agreeShareChange).toBe('0.4000');
  });

  it('computes metrics through the graph: the figures the owning subgraphs publish', async () => {
    const RECORD = `mutation ($input: RecordIndicatorValueInput!) { recordIndicatorValue(input: $input) { values { period value source { fi } } } }`;
    const evenings = await graph<{ recordIndicatorValue: { values: Array<{ value: string }> } }>(
      RECORD,
      { input: { indicatorId: indicatorDemoId('evening-associations'), period: '2026' } },
      staff,
    );
    expect(evenings.errors).toBeUndefined();
    const published = await graph<{ eventStatistics: { total: { associations: number } } }>(
      `{ eventStatistics(groupBy: [KIND], filter: { kinds: [ASSOCIATION_EVENING], statuses: [SCHEDULED], from: "2025-12-31T22:00:00Z", to: "2026-12-31T22:00:00Z" }) { total { associations } } }`,
    );
    const expected = published.data!.eventStatistics.total.associations;
    expect(expected).toBeGreaterThan(0);
    expect(evenings.data!.recordIndicatorValue.values).toEqual([
      {
        period: '2026',
        value: String(expected),
        source: { fi: 'Yhdistysiltoihin osallistuneet yhdistykset' },
      },
    ]);

    const hours = await graph<{ createIndicator: { id: string } }>(
      `mutation { createIndicator(input: { name: { fi: "Varatut tunnit" }, kind: RESULT, metric: RESERVED_HOURS }) { id } }`,
      {},
      staff,
    );
    const recordedHours = await graph<{
      recordIndicatorValue: { values: Array<{ value: string }> };
    }>(RECORD, { input: { indicatorId: hours.data!.createIndicator.id, period: '2026' } }, staff);
    const reserved = await graph<{ reservationStatistics: { total: { hours: string } } }>(
      `{ reservationStatistics(groupBy: [], filter: { from: "2025-12-31T22:00:00Z", to: "2026-12-31T22:00:00Z" }) { total { hours } } }`,
    );
    expect(recordedHours.data!.recordIndicatorValue.values[0].value).toBe(
      reserved.data!.reservationStatistics.total.hours,
    );

    // Last year: the demo's grant rounds are planned from the day it is written.
    const lastYear = helsinkiYear(new Date()) - 1;
    const grants = await graph<{ createIndicator: { id: string } }>(
      `mutation { createIndicator(input: { name: { fi: "Avustushakemukset" }, kind: RESULT, metric: GRANT_APPLICATIONS }) { id } }`,
      {},
      staff,
    );
    const recordedGrants = await graph<{
      recordIndicatorValue: { values: Array<{ value: string }> };
    }>(
      RECORD,
      { input: { indicatorId: grants.data!.createIndicator.id, period: String(lastYear) } },
      staff,
    );
    const grantFigures = await graph<{
      grantStatistics: { total: { applicationCount: number } };
    }>(
      `query ($year: Int!) { grantStatistics(groupBy: [YEAR], filter: { year: $year }) { total { applicationCount } } }`,
      { year: lastYear },
    );
    expect(grantFigures.data!.grantStatistics.total.applicationCount).toBeGreaterThan(0);
    expect(recordedGrants.data!.recordIndicatorValue.values[0].value).toBe(
      String(grantFigures.data!.grantStatistics.total.applicationCount),
    );

    const liaisons = await graph<{ recordIndicatorValue: { values: Array<{ value: string }> } }>(
      RECORD,
      { input: { indicatorId: indicatorDemoId('liaison-coverage'), period: '2026' } },
      staff,
    );
    const areas = await graph<{ serviceAreas: Array<{ liaisons: unknown[] }> }>(
      `{ serviceAreas { liaisons { name } } }`,
    );
    const withLiaison = areas.data!.serviceAreas.filter((a) => a.liaisons.length > 0).length;
    const share = (withLiaison / areas.data!.serviceAreas.length).toFixed(4);
    expect(liaisons.data!.recordIndicatorValue.values[0].value).toBe(share);
  });

  it('takes an association’s answer through the gateway, refuses an association that does not exist, and shows the survey’s closing day in the calendar feed', async () => {
    const surveyId = surveyDemoId('yhdistyskysely-2027');
    const questions = await graph<{
      survey: {
        title: { fi: string };
        closesAt: string;
        questions: Array<{ id: string; kind: string; required: boolean }>;
      };
    }>(
      `query ($id: ID!) { survey(id: $id) { title { fi } closesAt questions { id kind required } } }`,
      {
        id: surveyId,
      },
    );
    // The demo's survey is open from three weeks before the day it was written and closes at
    // a midnight twelve weeks after it: its last day is the day before that midnight.
    const { title, closesAt } = questions.data!.survey;
    const lastDay = helsinkiDate(new Date(Date.parse(closesAt) - 1));
    const year = Number(lastDay.slice(0, 4));
    const required = questions.data!.survey.questions.filter((q) => q.required);
    const answers = required.map((q) => ({ questionId: q.id, choice: 3 }));
    const SUBMIT = `mutation ($input: SubmitSurveyResponseInput!) { submitSurveyResponse(input: $input) { answerCount } }`;
    const choir = associationId('lahden-kuorolaiset');
    const representative = await t.token({ role: 'representative', associationIds: [choir] });
    const answered = await graph(
      SUBMIT,
      { input: { surveyId, associationId: choir, answers } },
      representative,
    );
    expect(answered.errors).toBeUndefined();
    expect(answered.data).toEqual({ submitSurveyResponse: { answerCount: required.length } });

    const ghost = '00000000-0000-4000-8000-000000000404';
    const nobody = await t.token({ role: 'representative', associationIds: [ghost] });
    const refused = await graph(
      SUBMIT,
      { input: { surveyId, associationId: ghost, answers } },
      nobody,
    );
    expect(refused.errors?.map((e) => e.extensions?.code)).toEqual(['NOT_FOUND']);

    const calendar = await graph<{ calendar: { surveys: Array<{ id: string }> } }>(
      `query ($year: Int!) { calendar(year: $year) { surveys { id } } }`,
      { year },
    );
    expect(calendar.data!.calendar.surveys.map((s) => s.id)).toContain(surveyId);
    const feed = await fetch(`${t.hub.gateway.url}/feeds/calendar.ics?year=${year}`);
    const root = new ICAL.Component(ICAL.parse(await feed.text()));
    const item = root
      .getAllSubcomponents('vevent')
      .find((c) => c.getFirstPropertyValue('uid') === `survey-${surveyId}@city-association-hub`);
    expect(item?.getFirstPropertyValue('summary')).toBe(`Kysely sulkeutuu: ${title.fi}`);
    expect(title.fi).toBe(`Yhdistyskysely ${year}`);
    expect(String(item?.getFirstPropertyValue('dtstart'))).toBe(lastDay);
  });

  it('joins a working group with its associations and its meetings from the events subgraph', async () => {
    const { data, errors } = await graph<{
      workingGroup: {
        name: { fi: string };
        members: Array<{ role: string; association: { name: { fi: string } } | null }>;
        meetings: Array<{ title: { fi: string }; kind: string }>;
      };
    }>(
      `query ($id: ID!) { workingGroup(id: $id) { name { fi } members { role association { name { fi } } } meetings { title { fi } kind } plan { stage } } }`,
      { id: workingGroupDemoId('tilat') },
    );
    expect(errors).toBeUndefined();
    expect(data!.workingGroup.name.fi).toBe('Tilatyöryhmä');
    expect(data!.workingGroup.members[0]).toEqual({
      role: 'CHAIR',
      association: { name: { fi: 'Kiveriön Asukasyhdistys ry' } },
    });
    expect(data!.workingGroup.meetings).toEqual([
      { title: { fi: 'Tilatyöryhmän kokous' }, kind: 'WORKING_GROUP' },
    ]);
  });

  it('serves the handbook by slug, with the report’s table of contents', async () => {
    const { data } = await graph<{
      guides: Array<{ slug: string }>;
      guide: { kind: string; body: { fi: string } };
    }>(`{ guides { slug } guide(slug: "tyoryhmien-huoneentaulu") { kind body { fi } } }`);
    expect(data!.guides.map((g) => g.slug)).toEqual([
      'roolit-ja-vastuut',
      'avustukset',
      'avustussaanto',
      'tapahtumayhteistyo',
      'vuosikello',
      'yhdistysillan-huoneentaulu',
      'sisaltotoiveita',
      'yhteyshenkilon-huoneentaulu',
      'tyoryhmien-huoneentaulu',
      'yhteisen-tekemisen-huoneentaulu',
      'viestintaohje',
      'tilaopas',
    ]);
    expect(data!.guide.kind).toBe('ROLE_CARD');
    expect(data!.guide.body.fi).toContain('Nykytilan kartoitus');
  });

  it('serves the handbook’s communication, space and event guides where they are needed, in three languages, with their keepers', async () => {
    type Guide = {
      slug: string;
      title: { fi: string; sv: string | null; en: string | null };
      workingGroup: { name: { fi: string }; members: Array<{ name: string }> } | null;
    };
    const GUIDE = `slug title { fi sv en } workingGroup { name { fi } members { name } } body { fi }`;
    const { data, errors } = await graph<{
      space: { guide: Guide };
      announcements: { edges: Array<{ node: { guide: Guide } }> };
      events: Guide & { body: { fi: string } };
      found: Array<{ slug: string }>;
    }>(
      `query ($space: ID!) {
        space(id: $space) { guide { ${GUIDE} } }
        announcements(first: 1) { edges { node { guide { ${GUIDE} } } } }
        events: guide(slug: "tapahtumayhteistyo") { ${GUIDE} }
        found: guides(search: "avaimet") { slug }
      }`,
      { space: spaceId('kirkkokatu-monitoimitalo', 'sali') },
    );
    expect(errors).toBeUndefined();
    const space = data!.space.guide;
    const communication = data!.announcements.edges[0].node.guide;
    const events = data!.events;
    expect([space.slug, communication.slug, events.slug]).toEqual([
      'tilaopas',
      'viestintaohje',
      'tapahtumayhteistyo',
    ]);
    for (const guide of [space, communication, events]) {
      expect(guide.title.sv).toBeTruthy();
      expect(guide.title.en).toBeTruthy();
      expect(guide.workingGroup?.members.length).toBeGreaterThan(0);
    }
    expect(space.workingGroup!.name.fi).toMatch(/^Tila/);
    // No longer a stub: planning, permits, equipment, the city's support, communication.
    for (const heading of ['Suunnittelu', 'Luvat', 'Välineistö', 'Kaupungin tuki', 'Viestintä']) {
      expect(events.body.fi).toContain(`## ${heading}`);
    }
    // Found as the directory finds: "avaimet" meets the space guide's "Avaimet".
    expect(data!.found.map((g) => g.slug)).toContain('tilaopas');
  });

  it('walks a working group that works: its plan on the calendar, its meetings’ notes, the guide it keeps', async () => {
    const admin = await t.token({ role: 'admin', subject: 'koordinaattori' });
    const group = workingGroupDemoId('tilat');
    // A meeting of the space group with its notes; notes belong to working group meetings.
    const CREATE = `mutation ($input: CreateEventInput!) { createEvent(input: $input) { id } }`;
    const meeting = await graph<{ createEvent: { id: string } }>(
      CREATE,
      {
        input: {
          title: { fi: 'Tilatyöryhmän kokous' },
          kind: 'WORKING_GROUP',
          status: 'SCHEDULED',
          workingGroupId: group,
          startsAt: '2027-02-10T14:00:00Z',
          endsAt: '2027-02-10T15:30:00Z',
          notes: { fi: '# Muistio\n\n- Tilaopas hyväksyttiin.' },
        },
      },
      admin,
    );
    expect(meeting.errors).toBeUndefined();
    const wrongKind = await graph(
      CREATE,
      {
        input: {
          title: { fi: 'Kevätjuhla' },
          kind: 'COMMUNITY_EVENT',
          startsAt: '2027-02-11T14:00:00Z',
          endsAt: '2027-02-11T15:00:00Z',
          notes: { fi: 'Muistio' },
        },
      },
      admin,
    );
    expect(wrongKind.errors?.[0].message).toMatch(
      /input\.notes: keeps a WORKING_GROUP meeting's notes only/,
    );

    const { data, errors } = await graph<{
      workingGroup: {
        members: unknown[];
        guides: Array<{ slug: string }>;
        plan: Array<{ dueOn: string | null }>;
        meetings: Array<{ id: string; notes: { fi: string } | null }>;
      };
      calendar: {
        planItems: Array<{ dueOn: string; text: { fi: string }; workingGroup: { id: string } }>;
      };
    }>(
      `query ($id: ID!) {
        workingGroup(id: $id) { members { name } guides { slug } plan { dueOn }
          meetings { id notes { fi } } }
        calendar(year: 2027) { planItems { dueOn text { fi } workingGroup { id } } }
      }`,
      { id: group },
    );
    expect(errors).toBeUndefined();
    const walked = data!.workingGroup;
    expect(walked.members.length).toBeGreaterThan(0);
    expect(walked.guides.map((g) => g.slug)).toEqual(['tilaopas']);
    expect(walked.meetings.find((m) => m.id === meeting.data!.createEvent.id)?.notes?.fi).toMatch(
      /Tilaopas hyväksyttiin/,
    );
    // Every dated task of the group's plan is on the year's calendar, in date order, named
    // with its group.
    const dated = walked.plan
      .map((p) => p.dueOn)
      .filter((d): d is string => d?.startsWith('2027') ?? false);
    expect(dated.length).toBeGreaterThan(0);
    const onCalendar = data!.calendar.planItems.filter((p) => p.workingGroup.id === group);
    expect(onCalendar.map((p) => p.dueOn)).toEqual([...dated].sort());
    const all = data!.calendar.planItems.map((p) => p.dueOn);
    expect(all).toEqual([...all].sort());
    // An area's calendar shows its groups' plans: the space group works with sports, not culture.
    const ofArea = async (area: string) =>
      (
        await graph<{ calendar: { planItems: Array<{ workingGroup: { id: string } }> } }>(
          `query ($area: ID!) { calendar(year: 2027, serviceAreaId: $area) { planItems { workingGroup { id } } } }`,
          { area },
        )
      ).data!.calendar.planItems.filter((p) => p.workingGroup.id === group).length;
    expect(await ofArea(serviceAreaId('sports'))).toBe(onCalendar.length);
    expect(await ofArea(serviceAreaId('culture'))).toBe(0);
  });

  it('rolls goals’ progress up from indicators and milestones by weight, as worked out by hand', async () => {
    type Answer = { data?: Record<string, { id: string }>; errors?: unknown[] };
    const created = async (input: Record<string, unknown>) => {
      const answer = (await graph(
        `mutation ($input: CreateGoalInput!) { createGoal(input: $input) { id } }`,
        { input },
        staff,
      )) as Answer;
      expect(answer.errors).toBeUndefined();
      return answer.data!.createGoal.id;
    };
    const indicator = await graph<{ createIndicator: { id: string } }>(
      `mutation { createIndicator(input: { name: { fi: "Yhdistysiltojen osallistujat" }, kind: RESULT }) { id } }`,
      {},
      staff,
    );
    const indicatorId = indicator.data!.createIndicator.id;
    for (const [period, value] of [
      ['2024', '40'],
      ['2025', '55'],
    ]) {
      const recorded = await graph(
        `mutation ($input: RecordIndicatorValueInput!) { recordIndicatorValue(input: $input) { id } }`,
        { input: { indicatorId, period, value } },
        staff,
      );
      expect(recorded.errors).toBeUndefined();
    }
    const top = await created({ name: { fi: 'Avoin vuorovaikutus' }, position: 900 });
    // 40 → 55 of 40 → 70: half way. Weight 2.
    const measured = await created({
      name: { fi: 'Osallistujia yhdistysiltoihin' },
      parentId: top,
      indicatorId,
      baseline: '40',
      target: '70',
      weight: '2',
    });
    // One of three milestones reached (in 2025). Weight 1.
    await created({
      name: { fi: 'Yhdistysillan runko käyttöön' },
      parentId: top,
      position: 1,
      milestones: [
        { title: { fi: 'Runko kirjattu' }, dueOn: '2025-02-01', reachedOn: '2025-03-01' },
        { title: { fi: 'Kokeiltu' }, dueOn: '2025-10-01' },
        { title: { fi: 'Vakiintunut' }, dueOn: '2026-05-01' },
      ],
    });
    const progress = await graph<{
      goal: {
        progress: string;
        asOf2024: string;
        children: Array<{ progress: string; current: string | null }>;
      };
      goals: Array<{ id: string; depth: number }>;
    }>(
      `query ($id: ID!) {
        goal(id: $id) { progress asOf2024: progress(year: 2024) children { progress current } }
        goals { id depth }
      }`,
      { id: top },
    );
    expect(progress.errors).toBeUndefined();
    // (2 × 0.5 + 1 × 1/3) / 3 = 0.4444; at the end of 2024 nothing had moved.
    expect(progress.data!.goal).toEqual({
      progress: '0.4444',
      asOf2024: '0.0000',
      children: [
        { progress: '0.5000', current: '55' },
        { progress: '0.3333', current: null },
      ],
    });
    const rows = progress.data!.goals;
    const at = rows.findIndex((g) => g.id === top);
    expect(rows.slice(at, at + 3).map((g) => g.depth)).toEqual([0, 1, 1]);
    expect(rows[at + 1].id).toBe(measured);

    // A target needs both ends of its scale; names must name something; staff only.
    const bad = (await graph(
      `mutation ($input: CreateGoalInput!) { createGoal(input: $input) { id } }`,
      { input: { name: { fi: 'Puolikas' }, indicatorId, baseline: '1', parentId: indicatorId } },
      staff,
    )) as {
      errors: Array<{
        extensions: { code: string; fields?: Array<{ field: string; rule: string }> };
      }>;
    };
    expect(bad.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(bad.errors[0].extensions.fields?.map((f) => `${f.field} ${f.rule}`)).toEqual([
      'input.target REQUIRED',
    ]);
    const unknownParent = (await graph(
      `mutation ($input: CreateGoalInput!) { createGoal(input: $input) { id } }`,
      { input: { name: { fi: 'Orpo' }, parentId: indicatorId } },
      staff,
    )) as { errors: Array<{ extensions: { fields?: Array<{ field: string; rule: string }> } }> };
    expect(unknownParent.errors[0].extensions.fields?.map((f) => `${f.field} ${f.rule}`)).toEqual([
      'input.parentId UNKNOWN',
    ]);
    const anonymous = await graph(
      `mutation { createGoal(input: { name: { fi: "Kuka tahansa" } }) { id } }`,
    );
    expect(anonymous.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('counts the directory as a metric: the active associations the directory itself lists', async () => {
    const created = await graph<{ createIndicator: { id: string } }>(
      `mutation { createIndicator(input: { name: { fi: "Yhdistyksiä hakemistossa" }, kind: RESULT, metric: ASSOCIATIONS_IN_DIRECTORY }) { id } }`,
      {},
      staff,
    );
    const recorded = await graph<{ recordIndicatorValue: { values: Array<{ value: string }> } }>(
      `mutation ($input: RecordIndicatorValueInput!) { recordIndicatorValue(input: $input) { values { value } } }`,
      { input: { indicatorId: created.data!.createIndicator.id, period: '2026' } },
      staff,
    );
    const listed = await graph<{ associations: { totalCount: number } }>(
      `{ associations(first: 0, filter: { statuses: [ACTIVE] }) { totalCount } }`,
    );
    expect(listed.data!.associations.totalCount).toBeGreaterThan(10);
    expect(recorded.data!.recordIndicatorValue.values).toEqual([
      { value: String(listed.data!.associations.totalCount) },
    ]);
  });

  it('counts the people announcements reach as a metric, from the public count alone', async () => {
    const created = await graph<{ createIndicator: { id: string } }>(
      `mutation { createIndicator(input: { name: { fi: "Tiedotteiden tilaajat" }, kind: RESULT, metric: SUBSCRIBERS_REACHED }) { id } }`,
      {},
      staff,
    );
    const recorded = await graph<{ recordIndicatorValue: { values: Array<{ value: string }> } }>(
      `mutation ($input: RecordIndicatorValueInput!) { recordIndicatorValue(input: $input) { values { value } } }`,
      { input: { indicatorId: created.data!.createIndicator.id, period: '2026' } },
      staff,
    );
    // The demo's one subscriber of every topic; its contact persons hear only of decisions.
    const reached = await graph<{ subscribersReached: number }>(`{ subscribersReached }`);
    expect(reached.data!.subscribersReached).toBe(1);
    expect(recorded.data!.recordIndicatorValue.values).toEqual([{ value: '1' }]);
  });
});
