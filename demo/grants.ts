import type { EntityManager } from 'typeorm';
import { fromHelsinkiLocal, helsinkiYear } from '../subgraphs/core/time';
import { associationId, grantProgramId } from './data';
import { demoId } from './ids';

/**
 * The grants demo (issue 5): a round per program and year — this year's upcoming, open,
 * closed and continuous ones, and decided rounds the two years before — with applications
 * in every status, each with the history that got it there, so statistics and the open-data
 * exports have content. Dates are relative to the day the demo is written.
 */
const DAY = 86_400_000;

const PROGRAM_DETAILS: Record<string, { summary: string; eligibility: string; budget: string }> = {
  operating: {
    summary:
      'Tukea rekisteröityneen yhdistyksen vuoden toimintaan. Haku kerran vuodessa; päätös huhtikuussa.',
    eligibility: 'Rekisteröidyt yhdistykset, joiden toiminta on kaupunkilaisille avointa.',
    budget: '250000.00',
  },
  'culture-project': {
    summary: 'Rajattu hanke, jolla on alku ja loppu. Avustus enintään 70 % kustannuksista.',
    eligibility: 'Yhdistykset ja työryhmät; hanke toteutetaan kaupungissa.',
    budget: '80000.00',
  },
  'sports-recurring': {
    summary: 'Lasten ja nuorten ohjattuun liikuntaan, jäsenmäärän ja ohjauskertojen mukaan.',
    eligibility: 'Liikuntaseurat, joilla on alle 20-vuotiaita jäseniä.',
    budget: '150000.00',
  },
  event: {
    summary: 'Yleisölle avoimiin, maksuttomiin tai edullisiin tapahtumiin.',
    eligibility: 'Yhdistykset ja epäviralliset ryhmät.',
    budget: '40000.00',
  },
  small: {
    summary: 'Enintään 500 euron nopeat avustukset; päätös kahdessa viikossa.',
    eligibility: 'Kaikki kaupungissa toimivat yhdistykset ja ryhmät.',
    budget: '15000.00',
  },
};

/** The statuses an application went through to reach `status`. */
function pathTo(status: string, outcome: string): string[] {
  const base = ['DRAFT', 'SUBMITTED', 'IN_REVIEW'];
  switch (status) {
    case 'DRAFT':
      return ['DRAFT'];
    case 'SUBMITTED':
      return ['DRAFT', 'SUBMITTED'];
    case 'IN_REVIEW':
      return base;
    case 'WITHDRAWN':
      return ['DRAFT', 'SUBMITTED', 'WITHDRAWN'];
    case 'PAID':
      return [...base, outcome, 'PAID'];
    case 'REPORTED':
      return [...base, outcome, 'PAID', 'REPORTED'];
    default:
      return [...base, status];
  }
}

interface DemoApplication {
  association: string;
  title: string;
  requested: string;
  status: string;
  awarded?: string;
  outcome?: string;
}

/**
 * The two decided years: each program has applicants of its own kind (sports clubs for the
 * sports grant, culture for projects and events, every kind of body for operating grants),
 * from all four demo municipalities, so statistics by program, kind, municipality or
 * association tell different stories. Amounts are last year's; the year before is ~90 %
 * (see `yearBefore`), and an entry marked `lastYearOnly` is a first-time applicant.
 */
const DECIDED_BY_PROGRAM: Record<string, Array<DemoApplication & { lastYearOnly?: boolean }>> = {
  operating: [
    {
      association: 'lahden-mielenterveysseura',
      title: 'Vertaistukitoiminta',
      requested: '14000.00',
      status: 'REPORTED',
      awarded: '12000.00',
      outcome: 'PARTIALLY_APPROVED',
    },
    {
      association: 'ahtiala-kylayhdistys',
      title: 'Kylätalon ylläpito',
      requested: '3200.00',
      status: 'PAID',
      awarded: '3200.00',
      outcome: 'APPROVED',
    },
    {
      association: 'hollolan-kotiseutu',
      title: 'Kotiseutumuseon aukiolo',
      requested: '2600.00',
      status: 'REPORTED',
      awarded: '2000.00',
      outcome: 'PARTIALLY_APPROVED',
    },
    {
      association: 'heinola-seniors',
      title: 'Seniorikerhot',
      requested: '1800.00',
      status: 'PAID',
      awarded: '1800.00',
      outcome: 'APPROVED',
    },
    // An informal group is not eligible for an operating grant.
    { association: 'lahden-shakki', title: 'Shakkikerho', requested: '900.00', status: 'REJECTED' },
    {
      association: 'orimattilan-marttayhdistys',
      title: 'Kurssitoiminta',
      requested: '2100.00',
      status: 'PAID',
      awarded: '1500.00',
      outcome: 'PARTIALLY_APPROVED',
      lastYearOnly: true,
    },
  ],
  'culture-project': [
    {
      association: 'lahden-teatteriyhdistys',
      title: 'Kesäteatteri',
      requested: '8500.00',
      status: 'REPORTED',
      awarded: '6000.00',
      outcome: 'PARTIALLY_APPROVED',
    },
    {
      association: 'heinolan-taideyhdistys',
      title: 'Taidetta kylille',
      requested: '4200.00',
      status: 'PAID',
      awarded: '4200.00',
      outcome: 'APPROVED',
    },
    {
      association: 'kulttuurisaatio',
      title: 'Kaupunkitaidehanke',
      requested: '15000.00',
      status: 'REJECTED',
    },
    {
      association: 'lahden-kuorolaiset',
      title: 'Kuoroleiri',
      requested: '2400.00',
      status: 'APPROVED',
      awarded: '2400.00',
      outcome: 'APPROVED',
      lastYearOnly: true,
    },
  ],
  'sports-recurring': [
    {
      association: 'lahden-urheiluseura',
      title: 'Junioritoiminta',
      requested: '12000.00',
      status: 'REPORTED',
      awarded: '9500.00',
      outcome: 'PARTIALLY_APPROVED',
    },
    {
      association: 'salpausselan-hiihtajat',
      title: 'Hiihtokoulu',
      requested: '6800.00',
      status: 'PAID',
      awarded: '6800.00',
      outcome: 'APPROVED',
    },
    {
      association: 'hollolan-urheilijat',
      title: 'Yleisurheilukoulu',
      requested: '4500.00',
      status: 'PAID',
      awarded: '3800.00',
      outcome: 'PARTIALLY_APPROVED',
    },
    {
      association: 'heinolan-kuntoklubi',
      title: 'Aikuisliikunta',
      requested: '2200.00',
      status: 'REJECTED',
    },
    {
      association: 'orimattilan-ratsastajat',
      title: 'Ratsastuskoulu',
      requested: '5200.00',
      status: 'APPROVED',
      awarded: '4000.00',
      outcome: 'PARTIALLY_APPROVED',
    },
    {
      association: 'lahden-ladies-floorball',
      title: 'Tyttöjen salibandy',
      requested: '3000.00',
      status: 'APPROVED',
      awarded: '3000.00',
      outcome: 'APPROVED',
      lastYearOnly: true,
    },
  ],
  event: [
    {
      association: 'svenska-klubben',
      title: 'Svenska veckan',
      requested: '1800.00',
      status: 'REPORTED',
      awarded: '1200.00',
      outcome: 'PARTIALLY_APPROVED',
    },
    {
      association: 'international-lahti',
      title: 'Kotoutumisilta',
      requested: '2500.00',
      status: 'REJECTED',
    },
    {
      association: 'orimattila-youth-band',
      title: 'Bändikonsertti',
      requested: '900.00',
      status: 'PAID',
      awarded: '900.00',
      outcome: 'APPROVED',
    },
    {
      association: 'artjärven-kylat',
      title: 'Kylämarkkinat',
      requested: '1500.00',
      status: 'PAID',
      awarded: '1200.00',
      outcome: 'PARTIALLY_APPROVED',
    },
    {
      association: 'ukrainian-community',
      title: 'Itsenäisyyspäivän juhla',
      requested: '1600.00',
      status: 'APPROVED',
      awarded: '1600.00',
      outcome: 'APPROVED',
      lastYearOnly: true,
    },
  ],
};

/** The year before last: ~90 % of last year's amounts, to the nearest ten euros. */
function yearBefore(a: DemoApplication): DemoApplication {
  const less = (amount: string | undefined) =>
    amount === undefined ? undefined : `${Math.round((Number(amount) * 0.9) / 10) * 10}.00`;
  return { ...a, requested: less(a.requested)!, awarded: less(a.awarded) };
}

const THIS_YEAR_CLOSED: DemoApplication[] = [
  {
    association: 'lahden-teatteriyhdistys',
    title: 'Syysnäytelmä',
    requested: '5400.00',
    status: 'APPROVED',
    awarded: '5400.00',
    outcome: 'APPROVED',
  },
  {
    association: 'ahtiala-kylayhdistys',
    title: 'Kylätalon toiminta',
    requested: '2750.00',
    status: 'PARTIALLY_APPROVED',
    awarded: '2000.00',
    outcome: 'PARTIALLY_APPROVED',
  },
  { association: 'lahden-shakki', title: 'Shakkikoulu', requested: '900.00', status: 'REJECTED' },
  {
    association: 'lahden-mielenterveysseura',
    title: 'Vertaistuki',
    requested: '7800.00',
    status: 'PAID',
    awarded: '7000.00',
    outcome: 'PARTIALLY_APPROVED',
  },
  {
    association: 'paijat-hameen-diabetes',
    title: 'Liikuntaryhmät',
    requested: '3300.00',
    status: 'REPORTED',
    awarded: '3300.00',
    outcome: 'APPROVED',
  },
  {
    association: 'kulttuurisaatio',
    title: 'Taidenäyttely',
    requested: '4200.00',
    status: 'IN_REVIEW',
  },
];

const THIS_YEAR_OPEN: DemoApplication[] = [
  {
    association: 'lahden-ladies-floorball',
    title: 'Tyttöjen salibandykoulu',
    requested: '2100.00',
    status: 'SUBMITTED',
  },
  {
    association: 'hollolan-kotiseutu',
    title: 'Kotiseutukirja',
    requested: '3600.00',
    status: 'DRAFT',
  },
  {
    association: 'heinolan-taideyhdistys',
    title: 'Taidetyöpajat',
    requested: '1500.00',
    status: 'WITHDRAWN',
  },
  {
    association: 'orimattila-youth-band',
    title: 'Bändileiri',
    requested: '1250.75',
    status: 'SUBMITTED',
  },
];

const SMALL_CONTINUOUS: DemoApplication[] = [
  {
    association: 'kiveriön-asukkaat',
    title: 'Pihatalkoot',
    requested: '350.00',
    status: 'PAID',
    awarded: '350.00',
    outcome: 'APPROVED',
  },
  {
    association: 'salpakangas-vanhemmat',
    title: 'Perhepäivä',
    requested: '480.00',
    status: 'APPROVED',
    awarded: '400.00',
    outcome: 'PARTIALLY_APPROVED',
  },
  {
    association: 'lahden-nuorisovaltuusto',
    title: 'Nuorten ilta',
    requested: '300.00',
    status: 'SUBMITTED',
  },
];

export interface DemoRound {
  id: string;
  program: string;
  year: number;
  opensAt: Date;
  closesAt: Date;
  continuous: boolean;
  decisionExpectedAt: Date;
  applications: DemoApplication[];
}

/**
 * The rounds of the demo, from `now` (whole hours, so relative deadlines read like real ones:
 * 16:00, not 16:38:14.813): every program decided in the two years before, and this year's
 * closed, open, upcoming and continuous rounds. A round's year is the year of the money it
 * gives, this year's for all of this year's rounds (the calendar places a round by its
 * window, whatever its year).
 */
export function demoRounds(seededAt: Date): DemoRound[] {
  const now = new Date(Math.floor(seededAt.getTime() / 3_600_000) * 3_600_000);
  const year = helsinkiYear(now);
  const round = (
    program: string,
    y: number,
    opensAt: Date,
    closesAt: Date,
    applications: DemoApplication[],
    continuous = false,
  ): DemoRound => ({
    id: demoId('round', `${program}/${y}`),
    program,
    year: y,
    opensAt,
    closesAt,
    continuous,
    decisionExpectedAt: new Date(closesAt.getTime() + 45 * DAY),
    applications,
  });
  const rounds: DemoRound[] = [];
  for (const y of [year - 2, year - 1]) {
    for (const [program, applications] of Object.entries(DECIDED_BY_PROGRAM)) {
      rounds.push(
        round(
          program,
          y,
          fromHelsinkiLocal(`${y}-01-15T08:00`),
          fromHelsinkiLocal(`${y}-03-15T16:00`),
          y === year - 1
            ? applications
            : applications.filter((a) => !a.lastYearOnly).map(yearBefore),
        ),
      );
    }
  }
  const at = (days: number) => new Date(now.getTime() + days * DAY);
  rounds.push(
    round('operating', year, at(-90), at(-40), THIS_YEAR_CLOSED),
    round('culture-project', year, at(-20), at(25), THIS_YEAR_OPEN),
    round('sports-recurring', year, at(40), at(80), []),
    round('event', year, at(-10), at(60), []),
    round(
      'small',
      year,
      fromHelsinkiLocal(`${year}-01-01T00:00`),
      fromHelsinkiLocal(`${year}-12-31T23:59`),
      SMALL_CONTINUOUS,
      true,
    ),
  );
  return rounds;
}

export interface DemoApplicationTimeline {
  submittedAt: Date | null;
  decidedAt: Date | null;
  paidAt: Date | null;
  /** Each status the application went through, when. */
  history: Array<{ from: string | null; to: string; at: Date }>;
}

/**
 * When an application's steps happened: spread over its round's window and the weeks of
 * decision after it, never after `now` and always in order (a continuous round on the first
 * of January has had little time, so its steps come close together).
 */
export function applicationTimeline(
  r: DemoRound,
  a: DemoApplication,
  seededAt: Date,
): DemoApplicationTimeline {
  const now = Math.floor(seededAt.getTime() / 3_600_000) * 3_600_000;
  const start = r.opensAt.getTime();
  const end = Math.max(start, Math.min(r.closesAt.getTime() + 45 * DAY, now));
  const when = (share: number) => new Date(start + Math.round((end - start) * share));
  const share: Record<string, number> = {
    DRAFT: 0.05,
    SUBMITTED: 0.25,
    IN_REVIEW: 0.5,
    WITHDRAWN: 0.5,
    APPROVED: 0.7,
    PARTIALLY_APPROVED: 0.7,
    REJECTED: 0.7,
    PAID: 0.85,
    REPORTED: 0.95,
  };
  const outcome = a.outcome ?? (a.status === 'REJECTED' ? 'REJECTED' : 'APPROVED');
  const path = pathTo(a.status, outcome);
  const decided = !['DRAFT', 'SUBMITTED', 'IN_REVIEW', 'WITHDRAWN'].includes(a.status);
  return {
    submittedAt: a.status === 'DRAFT' ? null : when(share.SUBMITTED),
    decidedAt: decided ? when(share[outcome]) : null,
    paidAt: ['PAID', 'REPORTED'].includes(a.status) ? when(share.PAID) : null,
    history: path.map((to, i) => ({ from: i === 0 ? null : path[i - 1], to, at: when(share[to]) })),
  };
}

export async function seedGrantsDetails(db: EntityManager, now: Date): Promise<void> {
  for (const [key, d] of Object.entries(PROGRAM_DETAILS)) {
    await db.query(
      `UPDATE grants.grant_program SET summary = $2, eligibility = $3, yearly_budget = $4 WHERE id = $1`,
      [grantProgramId(key), { fi: d.summary }, { fi: d.eligibility }, d.budget],
    );
  }
  let n = 0;
  for (const r of demoRounds(now)) {
    await db.query(
      `INSERT INTO grants.application_round (id, program_id, year, opens_at, closes_at, continuous, decision_expected_at, budget)
       SELECT $1, $2, $3, $4, $5, $6, $7, yearly_budget FROM grants.grant_program WHERE id = $2`,
      [
        r.id,
        grantProgramId(r.program),
        r.year,
        r.opensAt,
        r.closesAt,
        r.continuous,
        r.decisionExpectedAt,
      ],
    );
    for (const a of r.applications) {
      const id = demoId('application', `${r.id}/${++n}`);
      const t = applicationTimeline(r, a, now);
      const decided = t.decidedAt !== null;
      const outcome = a.outcome ?? (a.status === 'REJECTED' ? 'REJECTED' : null);
      await db.query(
        `INSERT INTO grants.grant_application (id, round_id, association_id, created_by, title, purpose, requested_amount, status,
            awarded_amount, decision_outcome, decided_at, decision_body, submitted_at, paid_at, usage_report)
         VALUES ($1, $2, $3, 'demo', $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
        [
          id,
          r.id,
          associationId(a.association),
          a.title,
          `${a.title}: toiminnan kulut.`,
          a.requested,
          a.status,
          decided ? (a.awarded ?? '0.00') : null,
          decided ? outcome : null,
          t.decidedAt,
          decided ? 'Hyvinvointilautakunta' : null,
          t.submittedAt,
          t.paidAt,
          a.status === 'REPORTED' ? 'Avustus käytettiin suunnitelman mukaisesti.' : null,
        ],
      );
      for (const [i, line] of [
        ['COST', 'Tilavuokrat', a.requested],
        ['INCOME', 'Osallistumismaksut', '150.00'],
      ].entries()) {
        await db.query(
          `INSERT INTO grants.grant_application_line (application_id, position, kind, label, amount) VALUES ($1, $2, $3, $4, $5)`,
          [id, i, ...line],
        );
      }
      for (const h of t.history) {
        await db.query(
          `INSERT INTO grants.grant_application_history (application_id, from_status, to_status, actor, actor_role, at)
           VALUES ($1, $2, $3, 'demo', $4, $5)`,
          [
            id,
            h.from,
            h.to,
            ['IN_REVIEW', 'APPROVED', 'PARTIALLY_APPROVED', 'REJECTED', 'PAID'].includes(h.to)
              ? 'staff'
              : 'representative',
            h.at,
          ],
        );
      }
    }
  }
}
