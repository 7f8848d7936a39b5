import { type DemoGuide, NEW_GUIDES } from './guides';
import type { EntityManager } from 'typeorm';
import type { Identity } from '../subgraphs/core/identity';
import { noPublicGraph } from '../subgraphs/core/public-graph';
import type { LocalizedText } from '../subgraphs/core/types/localized-text.type';
import { createCooperationLoaders } from '../subgraphs/cooperation/cooperation.loaders';
import {
  createCooperationRepositories,
  type CooperationData,
} from '../subgraphs/cooperation/cooperation.repositories';
import { IndicatorService } from '../subgraphs/cooperation/indicator/indicator.service';
import { LIKERT_5_LABELS } from '../subgraphs/cooperation/survey/survey-results';
import { respondentKey } from '../subgraphs/cooperation/survey/survey-response.service';
import type { Survey } from '../subgraphs/cooperation/survey/survey.entity';
import { associationId, eventId, serviceAreaId } from './data';
import { demoId } from './ids';
import { addDays, fromHelsinkiLocal, helsinkiDate, helsinkiYear } from '../subgraphs/core/time';

/**
 * The cooperation subgraph's demo: the Lahti final report's two tables of indicators
 * (Taulukko 1 and 2), the key persons' surveys of spring and autumn 2022 whose answers give
 * exactly the report's shares, the working groups of the model, and the handbook's table of
 * contents with short texts written for the demo.
 *
 * Surveys, answers and indicators are written through the subgraph's own repositories, and
 * the survey-based levels are computed by IndicatorService.recordValue, the same code that
 * computes them in production: the demo shows what the hub computes, not typed-in figures.
 */

const SCALE = [{ fi: 'Huonosti' }, { fi: 'Kohtalaisesti' }, { fi: 'Hyvin' }];
const AGREEMENT_WITH_DONT_KNOW = [
  { fi: 'Täysin samaa mieltä' },
  { fi: 'Jokseenkin samaa mieltä' },
  { fi: 'Ei osaa sanoa' },
  { fi: 'Jokseenkin eri mieltä' },
  { fi: 'Täysin eri mieltä' },
];

interface DemoQuestion {
  text: string;
  kind: 'LIKERT_5' | 'RATING' | 'SINGLE_CHOICE';
  options: LocalizedText[];
  /** The five key persons' choices in spring and in autumn 2022. */
  spring: number[];
  autumn: number[];
}

/** The key persons' survey (Kysely avainhenkilöille), one question per impact indicator. */
const KEY_PERSON_QUESTIONS: DemoQuestion[] = [
  {
    text: 'Yhdistysyhteistyön rakenne on vahvistunut.',
    kind: 'LIKERT_5',
    options: [...LIKERT_5_LABELS],
    spring: [3, 2, 2, 1, 1],
    // 4, 3, 3 agree: 3 of 5 = 60 % "täysin tai jokseenkin samaa mieltä".
    autumn: [4, 3, 3, 2, 1],
  },
  {
    text: 'Yhdistysyhteistyölle on sovittu yhteiset käytännöt.',
    kind: 'LIKERT_5',
    options: [...LIKERT_5_LABELS],
    spring: [4, 3, 3, 2, 2],
    // Four of five "täysin samaa mieltä": 80 %.
    autumn: [4, 4, 4, 4, 3],
  },
  {
    text: 'Yhdistysyhteistyö rakentuu kaupungin yhteiseksi kokonaisuudeksi.',
    kind: 'SINGLE_CHOICE',
    options: AGREEMENT_WITH_DONT_KNOW,
    spring: [1, 2, 2, 2, 3],
    // Agree fully or partly 3 of 5 = 60 %, don't know 2 of 5 = 40 %.
    autumn: [0, 1, 1, 2, 2],
  },
  {
    text: 'Miten teematyöpajat, ajantasaiset yhteystiedot ja yhteistyötapaamiset ovat toteutuneet?',
    kind: 'RATING',
    options: SCALE,
    spring: [0, 0, 1, 1, 1],
    // Kohtalaisesti 80 %, hyvin 20 %.
    autumn: [1, 1, 1, 1, 2],
  },
  {
    text: 'Miten toimintamalli yhdistysiltojen ja työryhmien käyttöönottoon ja vastuiden jakautuminen ovat toteutuneet?',
    kind: 'RATING',
    options: SCALE,
    spring: [0, 0, 0, 1, 1],
    // Kohtalaisesti tai huonosti 60 %, hyvin 40 %.
    autumn: [0, 1, 1, 2, 2],
  },
  {
    text: 'Miten tarpeelliseksi koet hankkeen omassa työssäsi (mallin käyttöönotto ja sen kannattelu)?',
    kind: 'RATING',
    options: SCALE,
    spring: [0, 1, 1, 1, 2],
    // Kohtalaisesti 100 %.
    autumn: [1, 1, 1, 1, 1],
  },
];

interface DemoIndicator {
  key: string;
  kind: 'RESULT' | 'IMPACT';
  name: string;
  theme: string;
  /** The key persons' question (index above) and the options whose share is the value. */
  question?: { index: number; counted: number[] };
  baseline?: { period: string; label: string; source: string };
  /** The report's words for the level; its figure is computed from the autumn answers. */
  level?: { period: string; label: string; source: string; byHand?: boolean };
}

const KEY_PERSON_SOURCE = 'Kysely avainhenkilöille';

/** Taulukko 1 (tulosmittarit) and Taulukko 2 (vaikutusindikaattorit) of the final report. */
const INDICATORS: DemoIndicator[] = [
  {
    key: 'associations-satisfaction',
    kind: 'RESULT',
    name: 'Yhdistysten tyytyväisyys yhteistyön edistymiseen (avustukset, tilat, tapahtumat ja viestintä ja tiedon löydettävyys)',
    theme: 'tyytyväisyys',
    baseline: { period: '2021', label: 'Kohtalainen', source: 'Yhdistyskysely 5/2021' },
  },
  {
    key: 'key-persons-satisfaction',
    kind: 'RESULT',
    name: 'Avainhenkilöiden tyytyväisyys yhteistyön edistymiseen (avustukset, tilat, viestintä ja tiedon löydettävyys)',
    theme: 'tyytyväisyys',
    baseline: {
      period: '2021',
      label: 'Kohtalainen/ hyvä',
      source: 'Avainhenkilöiden kysely 11/2021',
    },
  },
  {
    key: 'structure',
    kind: 'IMPACT',
    name: 'Yhteistyörakenteen vahvistaminen',
    theme: 'yhteistyörakenne',
    question: { index: 0, counted: [3, 4] },
    level: {
      period: '2022',
      label: 'Täysin tai jokseenkin samaa mieltä 60 %',
      source: KEY_PERSON_SOURCE,
    },
  },
  {
    key: 'practices',
    kind: 'IMPACT',
    name: 'Yhteiset käytännöt yhteistyölle',
    theme: 'käytännöt',
    question: { index: 1, counted: [4] },
    level: { period: '2022', label: 'Täysin samaa mieltä 80 %', source: KEY_PERSON_SOURCE },
  },
  {
    key: 'whole',
    kind: 'IMPACT',
    name: 'Yhteistyö kokonaisuuden rakentaminen',
    theme: 'kokonaisuus',
    question: { index: 2, counted: [0, 1] },
    level: {
      period: '2022',
      label: 'Täysin tai jokseenkin samaa mieltä 60 %, ei osaa sanoa 40 %',
      source: KEY_PERSON_SOURCE,
    },
  },
  {
    key: 'coordinator',
    kind: 'IMPACT',
    name: 'Koko kaupungin yhdistysyhteistyöhön koordinaattori',
    theme: 'koordinointi',
    baseline: {
      period: '2021',
      label: 'Suuri tarve toteutumiselle havaittu',
      source: 'Avainhenkilöiden haastattelu',
    },
    level: {
      period: '2022',
      label: 'Ei toteutunut 2022, motivaatiotason lasku',
      source: 'Avainhenkilöiden haastattelu',
      byHand: true,
    },
  },
  {
    key: 'workshops',
    kind: 'IMPACT',
    name: 'Teematyöpajat, ajantasaiset yhteystiedot, yhteistyötapaamiset',
    theme: 'vuorovaikutus',
    question: { index: 3, counted: [1] },
    level: { period: '2022', label: 'Kohtalaisesti 80 %, hyvin 20 %', source: KEY_PERSON_SOURCE },
  },
  {
    key: 'model',
    kind: 'IMPACT',
    name: 'Toimintamalli yhdistysiltojen ja työryhmien käyttöönottoon, vastuiden jakautuminen',
    theme: 'toimintamalli',
    question: { index: 4, counted: [0, 1] },
    level: {
      period: '2022',
      label: 'Kohtalaisesti tai huonosti 60 %, hyvin 40 %',
      source: KEY_PERSON_SOURCE,
    },
  },
  {
    key: 'need',
    kind: 'IMPACT',
    name: 'Kokemus hankkeen tarpeellisuudesta omaan työhön: mallin käyttöönotto ja sen kannattelu',
    theme: 'tarpeellisuus',
    question: { index: 5, counted: [1] },
    level: { period: '2022', label: 'Kohtalaisesti 100 %', source: KEY_PERSON_SOURCE },
  },
];

/** The seeding admin: the services' rules hold for the demo too. */
const SEEDER: Identity = Object.freeze({
  role: 'admin',
  subject: 'demo-seed',
  associationIds: [],
  serviceAreaIds: [],
});

export const surveyDemoId = (key: string) => demoId('survey', key);
export const indicatorDemoId = (key: string) => demoId('indicator', key);
export const workingGroupDemoId = (key: string) => demoId('working-group', key);

export async function seedCooperation(db: EntityManager, now: Date): Promise<void> {
  const repositories = createCooperationRepositories(db);
  // Already inside the seed's transaction: "transactions" run on the same connection.
  const data = {
    repositories,
    transaction: <T>(work: (r: typeof repositories) => Promise<T>) => work(repositories),
  } as unknown as CooperationData;

  const questionIds = await seedKeyPersonSurveys(db, repositories);
  await seedAssociationSurvey(db, now);
  const indicators = new IndicatorService(
    data,
    createCooperationLoaders(repositories),
    SEEDER,
    noPublicGraph,
  );
  for (const [position, indicator] of INDICATORS.entries()) {
    const question = indicator.question ? questionIds[indicator.question.index] : null;
    await db.query(
      `INSERT INTO cooperation.indicator (id, name, kind, theme, survey_question_id, option_indexes, position)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        indicatorDemoId(indicator.key),
        { fi: indicator.name },
        indicator.kind,
        indicator.theme,
        question,
        indicator.question?.counted ?? null,
        position + 1,
      ],
    );
    for (const value of [indicator.baseline, indicator.level]) {
      if (!value) continue;
      await indicators.recordValue({
        indicatorId: indicatorDemoId(indicator.key),
        period: value.period,
        label: { fi: value.label },
        source: { fi: value.source },
        // The autumn run: spring's is there to compare with.
        surveyId:
          question && !('byHand' in value) ? surveyDemoId('avainhenkilot-syksy-2022') : null,
      });
    }
  }
  await db.query(
    `INSERT INTO cooperation.indicator (id, name, kind, theme, metric, position) VALUES
       ($1, $2, 'RESULT', 'yhdistysillat', 'ASSOCIATION_EVENING_ASSOCIATIONS', 20),
       ($3, $4, 'RESULT', 'yhteyshenkilöt', 'SERVICE_AREAS_WITH_LIAISON_SHARE', 21),
       ($5, $6, 'RESULT', 'yhdistysillat', 'ASSOCIATION_EVENING_ATTENDEES', 22)`,
    [
      indicatorDemoId('evening-associations'),
      {
        fi: 'Yhdistysiltoihin osallistuneet yhdistykset',
        en: 'Associations at association evenings',
      },
      indicatorDemoId('liaison-coverage'),
      { fi: 'Palvelualueet, joilla on nimetty yhdyshenkilö', en: 'Service areas naming a liaison' },
      indicatorDemoId('evening-attendees'),
      { fi: 'Yhdistysiltoihin tulleet', en: 'People who came to association evenings' },
    ],
  );
  await seedWorkingGroups(db, now);
  await seedHandbook(db);
  await seedGoals(db, now);
}

/** Spring and autumn 2022, five key persons each, anonymous; returns autumn's question ids. */
async function seedKeyPersonSurveys(
  db: EntityManager,
  repositories: ReturnType<typeof createCooperationRepositories>,
): Promise<string[]> {
  let autumnQuestions: string[] = [];
  for (const [key, title, opensAt, closesAt, season] of [
    [
      'avainhenkilot-kevat-2022',
      'Kysely avainhenkilöille, kevät 2022',
      '2022-04-04T06:00:00Z',
      '2022-04-29T21:00:00Z',
      'spring',
    ],
    [
      'avainhenkilot-syksy-2022',
      'Kysely avainhenkilöille, syksy 2022',
      '2022-10-31T07:00:00Z',
      '2022-11-25T22:00:00Z',
      'autumn',
    ],
  ] as const) {
    const id = surveyDemoId(key);
    const salt = demoId('survey-salt', key);
    await db.query(
      `INSERT INTO cooperation.survey (id, title, description, audience, status, opens_at, closes_at, anonymous, salt)
       VALUES ($1, $2, $3, 'CITY_STAFF', 'CLOSED', $4, $5, true, $6)`,
      [
        id,
        { fi: title, en: `Key persons' survey, ${season} 2022` },
        { fi: 'Yhdistysyhteistyön yhteyshenkilöiden arvio toimintamallin vaikutuksista.' },
        opensAt,
        closesAt,
        salt,
      ],
    );
    await repositories.surveys.replaceQuestions(
      id,
      KEY_PERSON_QUESTIONS.map((q) => ({
        text: { fi: q.text },
        kind: q.kind as never,
        options: q.options,
        required: true,
      })),
    );
    const questions = await repositories.surveys.questionsOf([id]);
    for (let person = 0; person < 5; person++) {
      const responseId = await repositories.responses.insert(
        id,
        respondentKey({ anonymous: true, salt } as Survey, `staff:demo-key-person-${person + 1}`),
        null,
      );
      await repositories.responses.replaceAnswers(
        responseId!,
        KEY_PERSON_QUESTIONS.map((q, i) => ({
          questionId: questions[i].id,
          choice: q[season][person],
          choices: null,
          text: null,
        })),
      );
    }
    if (season === 'autumn') autumnQuestions = questions.map((q) => q.id);
  }
  return autumnQuestions;
}

/**
 * The association survey's window: opened three weeks before the demo's day at 09:00 and
 * open twelve weeks after it, to the end of that day (Helsinki time), so that on whatever
 * day the demo is written the calendar and the answer form show an open survey. It was
 * fixed to 16.11.2026–28.2.2027, and from March 2027 the demo had no open survey.
 */
export function associationSurveyWindow(now: Date): { opensAt: Date; closesAt: Date } {
  const today = helsinkiDate(now);
  return {
    opensAt: fromHelsinkiLocal(`${addDays(today, -21)}T09:00`),
    closesAt: fromHelsinkiLocal(`${addDays(today, 12 * 7 + 1)}T00:00`),
  };
}

/** This season's association survey, open now, so the calendar and the answer form show it. */
async function seedAssociationSurvey(db: EntityManager, now: Date): Promise<void> {
  // The key keeps the id the demo has had since the survey was first written.
  const id = surveyDemoId('yhdistyskysely-2027');
  const { opensAt, closesAt } = associationSurveyWindow(now);
  const year = helsinkiYear(new Date(closesAt.getTime() - 1));
  await db.query(
    `INSERT INTO cooperation.survey (id, title, description, audience, status, opens_at, closes_at, anonymous, salt)
     VALUES ($1, $2, $3, 'ASSOCIATIONS', 'OPEN', $5, $6, false, $4)`,
    [
      id,
      {
        fi: `Yhdistyskysely ${year}`,
        sv: `Föreningsenkät ${year}`,
        en: `Association survey ${year}`,
      },
      {
        fi: 'Miten yhteistyö kaupungin kanssa sujuu? Vastaukset käsitellään kevään yhdistysillassa.',
      },
      demoId('survey-salt', 'yhdistyskysely-2027'),
      opensAt,
      closesAt,
    ],
  );
  const rating = ['Huono', 'Välttävä', 'Kohtalainen', 'Hyvä', 'Erinomainen'].map((fi) => ({ fi }));
  const questions: Array<[string, string, LocalizedText[], boolean]> = [
    ['Miten tyytyväinen olet avustusyhteistyöhön?', 'RATING', rating, true],
    ['Miten tyytyväinen olet tilayhteistyöhön?', 'RATING', rating, true],
    ['Miten tyytyväinen olet tapahtumayhteistyöhön?', 'RATING', rating, true],
    [
      'Löydät tarvitsemasi tiedon kaupungin verkkosivuilta.',
      'LIKERT_5',
      [...LIKERT_5_LABELS],
      true,
    ],
    [
      'Mistä kanavista haluat tietoa?',
      'MULTIPLE_CHOICE',
      ['Sähköposti', 'Verkkosivut', 'Sosiaalinen media', 'Yhdistysillat'].map((fi) => ({ fi })),
      false,
    ],
    ['Mitä toivot seuraavalta yhdistysillalta?', 'TEXT', [], false],
  ];
  for (const [i, [text, kind, options, required]] of questions.entries()) {
    await db.query(
      `INSERT INTO cooperation.survey_question (survey_id, position, text, kind, options, required)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [id, i + 1, { fi: text }, kind, JSON.stringify(options), required],
    );
  }
}

interface DemoGroup {
  key: string;
  name: string;
  theme: string;
  areas: string[];
  description: string;
  members: Array<{
    name: string;
    role: string;
    association?: string;
    email?: string;
    isPublic?: boolean;
  }>;
  plan: Array<{
    stage: string;
    text: string;
    responsible?: string;
    dueOn?: string;
    status?: string;
  }>;
}

const WORKING_GROUPS: DemoGroup[] = [
  {
    key: 'tilat',
    name: 'Tilatyöryhmä',
    theme: 'SPACES',
    areas: ['urban', 'sports'],
    description: 'Yhtenäiset ja läpinäkyvät käytännöt tilojen käytölle: tilat, varaus ja maksut.',
    members: [
      {
        name: 'Kiveriön asukasyhdistyksen edustaja',
        role: 'CHAIR',
        association: 'kiveriön-asukkaat',
      },
      {
        name: 'Jaana Maaninka',
        role: 'SECRETARY',
        email: 'jaana.maaninka@lahti.example',
        isPublic: true,
      },
      { name: 'Lahden Urheiluseuran edustaja', role: 'MEMBER', association: 'lahden-urheiluseura' },
    ],
    plan: [
      {
        stage: 'CURRENT_STATE',
        text: 'Monitoimitalojen varauskäytännöt ja maksut vaihtelevat talosta toiseen.',
        status: 'DONE',
      },
      {
        stage: 'GOAL',
        text: 'Yhdistykset tietävät, mitkä tilat ovat vapaina, miten ne varataan ja mitä ne maksavat.',
        status: 'DONE',
      },
      {
        stage: 'CHANGE',
        text: 'Tilayhteistyön ohje ja yhteinen hinnoittelu monitoimitaloihin.',
        status: 'IN_PROGRESS',
      },
      {
        stage: 'ACTION',
        text: 'Tilayhteistyön ohjeen luonnos työryhmän kommentoitavaksi.',
        responsible: 'Kaupunkiympäristö',
        dueOn: '2027-02-15',
        status: 'IN_PROGRESS',
      },
      {
        stage: 'ACTION',
        text: 'TIMMI-järjestelmän käyttöilta yhdistyksille.',
        responsible: 'Palvelutori',
        dueOn: '2027-05-05',
      },
    ],
  },
  {
    key: 'avustukset',
    name: 'Avustustyöryhmä',
    theme: 'GRANTS',
    areas: [],
    description: 'Selkeä ja ymmärrettävä avustussääntö ja läpinäkyvä avustuskäytäntö.',
    members: [
      { name: 'Matti Karhos', role: 'CHAIR', email: 'matti.karhos@lahti.example', isPublic: true },
      {
        name: 'Lahden Mielenterveysseuran edustaja',
        role: 'MEMBER',
        association: 'lahden-mielenterveysseura',
      },
    ],
    plan: [
      {
        stage: 'CURRENT_STATE',
        text: 'Palvelualueilla on omat avustuskäytäntönsä ja aikataulunsa.',
        status: 'DONE',
      },
      { stage: 'GOAL', text: 'Yksi avustussääntö ja yhteinen hakukalenteri.', status: 'DONE' },
      {
        stage: 'ACTION',
        text: 'Uuden avustussäännön esittely yhdistysillassa.',
        responsible: 'Kulttuuripalvelut',
        dueOn: '2027-03-10',
      },
    ],
  },
  {
    key: 'tapahtumat',
    name: 'Tapahtumatyöryhmä',
    theme: 'EVENTS',
    areas: ['culture'],
    description: 'Yhteiset käytännöt tapahtumien toteutukseen ja viestintään.',
    members: [{ name: 'Inkeri Määttä', role: 'CHAIR', email: 'inkeri.maatta@lahti.example' }],
    plan: [
      {
        stage: 'ACTION',
        text: 'Tapahtuman järjestämisopas ja välineistölista verkkoon.',
        responsible: 'Palvelutori',
        dueOn: '2027-04-07',
      },
    ],
  },
  {
    key: 'viestinta',
    name: 'Viestintätyöryhmä',
    theme: 'COMMUNICATION',
    areas: [],
    description:
      'Yhteiset pelisäännöt yhdistysyhteistyötä tukevaan viestintään ja yhteystietorekisterin päivittämiseen.',
    members: [{ name: 'Justiina Nieminen', role: 'CHAIR' }],
    plan: [
      {
        stage: 'GOAL',
        text: 'Yhdistykset saavat tiedon avustuksista, tiloista ja tapahtumista ajoissa ja monikanavaisesti.',
      },
    ],
  },
  {
    key: 'maahanmuuttajayhdistykset',
    name: 'Maahanmuuttajayhdistysten verkosto',
    theme: 'OTHER',
    areas: ['wellbeing'],
    description:
      'Yhdistysillasta syntynyt toimijoiden välinen verkosto, joka tapaa kaksi kertaa vuodessa. Ensimmäiseen tapaamiseen osallistui 12 yhdistystä ja 40 osallistujaa.',
    members: [
      { name: 'International Lahden edustaja', role: 'CHAIR', association: 'international-lahti' },
    ],
    plan: [
      {
        stage: 'ACTION',
        text: 'Syksyn verkostotapaaminen.',
        responsible: 'International Lahti',
        dueOn: '2027-10-15',
      },
    ],
  },
];

async function seedWorkingGroups(db: EntityManager, now: Date): Promise<void> {
  for (const group of WORKING_GROUPS) {
    const id = workingGroupDemoId(group.key);
    await db.query(
      `INSERT INTO cooperation.working_group (id, name, description, theme, service_area_ids)
       VALUES ($1, $2, $3, $4, $5)`,
      [
        id,
        { fi: group.name },
        { fi: group.description },
        group.theme,
        group.areas.map(serviceAreaId),
      ],
    );
    for (const [i, m] of group.members.entries()) {
      await db.query(
        `INSERT INTO cooperation.working_group_member (working_group_id, name, role, association_id, email, is_public, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7::timestamptz + make_interval(secs => $8))`,
        [
          id,
          m.name,
          m.role,
          m.association ? associationId(m.association) : null,
          m.email ?? null,
          m.isPublic ?? false,
          now,
          i,
        ],
      );
    }
    for (const [i, p] of group.plan.entries()) {
      await db.query(
        `INSERT INTO cooperation.plan_item (working_group_id, stage, text, responsible, due_on, status, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7::timestamptz + make_interval(secs => $8))`,
        [
          id,
          p.stage,
          { fi: p.text },
          p.responsible ?? null,
          p.dueOn ?? null,
          p.status ?? 'PLANNED',
          now,
          i,
        ],
      );
    }
  }
}

/** The events subgraph's share: the space working group's meeting belongs to the group. */
export async function seedWorkingGroupMeetings(db: EntityManager): Promise<void> {
  await db.query(`UPDATE events.event SET working_group_id = $1 WHERE id = $2`, [
    workingGroupDemoId('tilat'),
    eventId('tilatyoryhma'),
  ]);
}

/** The guide's table of contents (final report, "Yhdistisyhteistyön oppaan sisältö"). */
const HANDBOOK: Array<{
  slug: string;
  kind: string;
  audience: string;
  title: string;
  body: string;
}> = [
  {
    slug: 'roolit-ja-vastuut',
    kind: 'GUIDE',
    audience: 'EVERYONE',
    title: 'Roolit ja vastuut',
    body: '# Roolit ja vastuut\n\nJokaisella palvelualueella on nimetty **yhdistysyhteyshenkilö**, jonka rooli ja vastuut on kirjattu työnkuvaan. Yhteyshenkilöt toteuttavat yhdessä työryhmät ja yhdistysillat.\n\n- Yhteyshenkilö: yhteydenpito oman alan yhdistyksiin\n- Koordinaattori: koko kaupungin yhteistyön kokoaminen\n- Yhdistys: oman toiminnan tiedot ajan tasalle ja palaute kaupungille',
  },
  {
    slug: 'avustukset',
    kind: 'GUIDE',
    audience: 'ASSOCIATIONS',
    title: 'Avustukset',
    body: '# Avustukset\n\nKaupunki myöntää toiminta-, projekti-, toistuvais- ja tapahtuma-avustuksia. Hakuajat näkyvät vuosikellossa.',
  },
  {
    slug: 'avustussaanto',
    kind: 'RULES',
    audience: 'EVERYONE',
    title: 'Avustussääntö',
    body: '# Avustussääntö\n\n1. Avustusta voi hakea rekisteröity yhdistys tai muu yleishyödyllinen toimija.\n2. Hakemus jätetään hakuaikana.\n3. Avustuksen käytöstä raportoidaan seuraavan hakuajan alkuun mennessä.',
  },
  {
    slug: 'tapahtumayhteistyo',
    kind: 'GUIDE',
    audience: 'ASSOCIATIONS',
    title: 'Tapahtumayhteistyö',
    body: '# Tapahtumayhteistyö\n\nKaupunki tukee tapahtumia avustuksin, tiloin, välinein ja ohjein. Tapahtumainfossa käydään läpi luvat ja välineistö.',
  },
  {
    slug: 'vuosikello',
    kind: 'GUIDE',
    audience: 'EVERYONE',
    title: 'Yhdistysyhteistyön vuosikello',
    body: '# Vuosikello\n\nYhdistysillat keväällä ja syksyllä, avustushaut, tilojen vuorojako ja yhdistyskysely. Ajantasainen vuosikello on hubin kalenterissa (`calendar(year:)`).',
  },
  {
    slug: 'yhdistysillan-huoneentaulu',
    kind: 'ROLE_CARD',
    audience: 'EVERYONE',
    title: 'Yhdistysillan huoneentaulu',
    body: '# Yhdistysillan huoneentaulu\n\n1. Kattava ja monikanavainen tiedotus\n2. Tiivis yhteinen aloitus\n3. Hissipuheet ajankohtaisista teemoista\n4. Suunnitelmallinen ja vuorovaikutteinen oman yksikön osuus\n5. Loppuyhteenveto ja jatkosta sopiminen',
  },
  {
    slug: 'sisaltotoiveita',
    kind: 'CHECKLIST',
    audience: 'CITY_STAFF',
    title: 'Sisältötoiveita yhdistysillalle ja työpajoille',
    body: '# Sisältötoiveita\n\n- [ ] Avustusten hakeminen käytännössä\n- [ ] Tilojen varaaminen\n- [ ] Viestintä ja näkyvyys\n- [ ] Vapaaehtoisten rekrytointi',
  },
  {
    slug: 'yhteyshenkilon-huoneentaulu',
    kind: 'ROLE_CARD',
    audience: 'CITY_STAFF',
    title: 'Yhteyshenkilön huoneentaulu',
    body: '# Yhteyshenkilön huoneentaulu\n\n- Tunne oman alasi yhdistykset\n- Pidä yhteystiedot ajan tasalla\n- Osallistu yhdistysiltojen ja työryhmien toteutukseen\n- Vie palaute eteenpäin',
  },
  {
    slug: 'tyoryhmien-huoneentaulu',
    kind: 'ROLE_CARD',
    audience: 'EVERYONE',
    title: 'Työryhmien huoneentaulu',
    body: '# Työryhmien huoneentaulu\n\n1. Nykytilan kartoitus\n2. Tavoitetilan muodostaminen\n3. Muutoksen määrittäminen\n4. Toimenpiteet ja niiden aikatauluttaminen',
  },
  {
    slug: 'yhteisen-tekemisen-huoneentaulu',
    kind: 'ROLE_CARD',
    audience: 'EVERYONE',
    title: 'Yhteisen tekemisen ja vuorovaikutuksen huoneentaulu',
    body: '# Yhteisen tekemisen ja vuorovaikutuksen huoneentaulu\n\n- Vastavuoroinen ja kunnioittava yhteydenpito\n- Aito kuuleminen ja palautteen hyödyntäminen\n- Sovitaan, kuka tekee mitä ja milloin',
  },
];

async function seedHandbook(db: EntityManager): Promise<void> {
  // The table of contents, with the full guides (demo/guides.ts) in place of their stubs
  // and the communication and space guides after the rest.
  const full = new Map(NEW_GUIDES.map((g) => [g.slug, g]));
  const guides: DemoGuide[] = [
    ...HANDBOOK.map(
      (g) =>
        full.get(g.slug) ?? {
          ...g,
          workingGroup: null,
          title: { fi: g.title },
          body: { fi: g.body },
        },
    ),
    ...NEW_GUIDES.filter((g) => !HANDBOOK.some((h) => h.slug === g.slug)),
  ];
  for (const [i, g] of guides.entries()) {
    const id = demoId('guide', g.slug);
    await db.query(
      `INSERT INTO cooperation.guide (id, slug, kind, audience, title, body, position, working_group_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        id,
        g.slug,
        g.kind,
        g.audience,
        g.title,
        g.body,
        i + 1,
        g.workingGroup ? workingGroupDemoId(g.workingGroup) : null,
      ],
    );
    await db.query(
      `INSERT INTO cooperation.guide_version (guide_id, version, title, body)
       SELECT id, version, title, body FROM cooperation.guide WHERE id = $1`,
      [id],
    );
  }
}

/**
 * Strategy work as data: the model's goal of putting the seven keys to use, with sub-goals
 * kept by the working groups, milestones relative to the seed day (some reached, some
 * ahead), and one measured by the evenings' attendance (computed once staff record it).
 */
async function seedGoals(db: EntityManager, now: Date): Promise<void> {
  const today = helsinkiDate(now);
  const day = (days: number) => addDays(today, days);
  const top = demoId('goal', 'seitseman-avainta');
  await db.query(
    `INSERT INTO cooperation.goal (id, name, description, position) VALUES ($1, $2, $3, 0)`,
    [
      top,
      { fi: 'Yhteistyön seitsemän avainta käytäntöön', en: 'The seven keys of cooperation in use' },
      {
        fi: 'Yhdistys- ja järjestöyhteistyön toimintaohjeen tavoite: yhteiset käytännöt kaikilla osa-alueilla.',
      },
    ],
  );
  const subGoals: Array<{
    key: string;
    fi: string;
    group: string;
    weight: number;
    milestones: Array<[string, number, number | null]>;
    indicator?: string;
  }> = [
    {
      key: 'viestintaohje',
      fi: 'Viestintäohje käyttöön',
      group: 'viestinta',
      weight: 1,
      milestones: [
        ['Luonnos viestintätyöryhmässä', -60, -55],
        ['Ohje julkaistu käsikirjassa', -20, -18],
        ['Yhteystietorekisteri tarkistettu', 40, null],
      ],
    },
    {
      key: 'tilaopas',
      fi: 'Yhtenäinen tilayhteistyö monitoimitaloissa',
      group: 'tilat',
      weight: 2,
      milestones: [
        ['Tilaopas julkaistu', -30, -28],
        ['Yhteinen hinnoittelu päätetty', 60, null],
        ['TIMMI-käyttöilta pidetty', 120, null],
      ],
    },
    {
      key: 'yhdistysillat',
      fi: 'Yhdistysillat kokoavat yhdistykset',
      group: 'tapahtumat',
      weight: 1,
      milestones: [],
      indicator: 'evening-attendees',
    },
  ];
  for (const [i, goal] of subGoals.entries()) {
    await db.query(
      `INSERT INTO cooperation.goal
         (id, parent_id, name, working_group_id, indicator_id, baseline, target, weight, milestones, position)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        demoId('goal', goal.key),
        top,
        { fi: goal.fi },
        workingGroupDemoId(goal.group),
        goal.indicator ? indicatorDemoId(goal.indicator) : null,
        goal.indicator ? '0' : null,
        goal.indicator ? '120' : null,
        goal.weight,
        JSON.stringify(
          goal.milestones.map(([title, due, reached]) => ({
            title: { fi: title },
            dueOn: day(due),
            reachedOn: reached === null ? null : day(reached),
          })),
        ),
        i,
      ],
    );
  }
}
