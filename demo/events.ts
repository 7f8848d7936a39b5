import type { EntityManager } from 'typeorm';
import { fromHelsinkiLocal, helsinkiYear } from '../subgraphs/core/time';
import { associationId, EVENTS, eventId, serviceAreaId, spaceId } from './data';
import { demoId } from './ids';
import { demoBookings } from './schedule';

/**
 * The events demo (issue 6): the spring association evening with its agenda and sign-ups
 * (one group on the waiting list), feedback on the autumn evening that has been, keywords,
 * and the year's milestones — this year's and next year's, relative to the day written.
 */
const KEYWORDS: Record<string, string[]> = {
  'yhdistysilta-kevat': ['yhteistyö', 'avustukset', 'tilat'],
  'yhdistysilta-syksy': ['yhteistyö', 'hyvinvointikertomus'],
  jarjestofoorumi: ['vaikuttaminen', 'strategia'],
  tapahtumainfo: ['tapahtumat', 'luvat'],
  kotoutumispaiva: ['kotoutuminen', 'monikulttuurisuus'],
  kuorokonsertti: ['kulttuuri', 'musiikki'],
};

export async function seedEventsDetails(db: EntityManager, now: Date): Promise<void> {
  for (const [key, keywords] of Object.entries(KEYWORDS)) {
    await db.query('UPDATE events.event SET keywords = $2 WHERE id = $1', [eventId(key), keywords]);
  }
  await db.query(`UPDATE events.event SET is_free = false WHERE id = $1`, [
    eventId('kuorokonsertti'),
  ]);

  // The spring evening: a programme as the guides describe it, and 20 places.
  const evening = eventId('yhdistysilta-kevat');
  await db.query(
    `UPDATE events.event SET capacity = 20, registration_closes_at = starts_at - interval '3 days',
       audience = $2, materials = $3 WHERE id = $1`,
    [
      evening,
      { fi: 'Kaikki yhdistykset ja järjestöt', sv: 'Alla föreningar', en: 'All associations' },
      JSON.stringify([
        {
          title: 'Kutsu ja ohjelma (PDF)',
          url: 'https://www.lahti.example/yhdistysilta/ohjelma.pdf',
        },
      ]),
    ],
  );
  const agenda: Array<[string, string, string | null]> = [
    ['17:00', 'Yhteinen avaus', null],
    ['17:20', 'Lyhyet alustukset ajankohtaisista teemoista', null],
    ['18:00', 'Kulttuurin oma osio', 'culture'],
    ['18:00', 'Liikunnan oma osio', 'sports'],
    ['18:00', 'Hyvinvoinnin oma osio', 'wellbeing'],
    ['18:45', 'Yhteenveto ja jatkosta sopiminen', null],
  ];
  for (const [i, [time, title, area]] of agenda.entries()) {
    await db.query(
      `INSERT INTO events.agenda_item (event_id, position, starts_at, title, service_area_id)
       SELECT $1, $2, ((starts_at AT TIME ZONE 'Europe/Helsinki')::date + $3::time) AT TIME ZONE 'Europe/Helsinki', $4, $5
         FROM events.event WHERE id = $1`,
      [evening, i, time, { fi: title }, area ? serviceAreaId(area) : null],
    );
  }
  const signUps: Array<[string, number, string]> = [
    ['lahden-urheiluseura', 6, 'ENROLLED'],
    ['lahden-kuorolaiset', 5, 'ENROLLED'],
    ['international-lahti', 4, 'ENROLLED'],
    ['ahtiala-kylayhdistys', 3, 'ENROLLED'],
    ['lahden-partiolaiset', 4, 'WAITLISTED'],
  ];
  for (const [i, [association, people, status]] of signUps.entries()) {
    await db.query(
      `INSERT INTO events.enrolment (id, event_id, association_id, enrolled_by, people, status, created_at)
       VALUES ($1, $2, $3, 'demo', $4, $5, $6)`,
      [
        demoId('enrolment', `${evening}/${association}`),
        evening,
        associationId(association),
        people,
        status,
        demoSignUpTimes(now)[i],
      ],
    );
  }

  // Feedback on the autumn evening, which has been.
  const autumn = eventId('yhdistysilta-syksy');
  for (const [i, [rating, comment]] of (
    [
      [5, 'Hyvä, että palvelualueet olivat paikalla.'],
      [4, 'Lisää aikaa keskustelulle.'],
      [4, null],
      [3, 'Tila oli ahdas.'],
    ] as const
  ).entries()) {
    await db.query(
      `INSERT INTO events.feedback (event_id, respondent, respondent_role, rating, comment) VALUES ($1, $2, 'representative', $3, $4)`,
      [autumn, `demo-respondent-${i}`, rating, comment],
    );
  }

  // Who came to the autumn evening, as its organiser recorded it the day after (when the
  // demo is written after it): everyone at the door, no sign-ups taken.
  await db.query(
    `UPDATE events.event
        SET head_count = 41, attendance_recorded_at = ends_at + interval '1 day',
            attendance_recorded_by = 'demo'
      WHERE id = $1 AND ends_at + interval '1 day' <= $2`,
    [autumn, now],
  );

  // A weekly open café for associations, relative to the seed day: every week has an event.
  const seriesId = demoId('series', 'avoin-kahvila');
  await db.query(
    `INSERT INTO events.event_series (id, frequency, "interval", occurrences, created_by) VALUES ($1, 'WEEKLY', 1, 12, 'demo')`,
    [seriesId],
  );
  // Planned around closed days and bookings of the meeting room (demo/schedule.ts).
  for (const cafe of demoBookings(now).cafe) {
    const [facility, space] = cafe.space.split('/');
    await db.query(
      `INSERT INTO events.event (id, title, description, kind, status, starts_at, ends_at, venue_space_id, keywords, series_id)
       VALUES ($1, $2, $3, 'COMMUNITY_EVENT', 'SCHEDULED', $4, $5, $6, '{yhteistyö,kahvila}', $7)`,
      [
        cafe.id,
        {
          fi: 'Yhdistysten avoin kahvila',
          sv: 'Föreningarnas öppna café',
          en: 'Open café for associations',
        },
        { fi: 'Tule tapaamaan muita yhdistyksiä ja kaupungin yhdyshenkilöitä.' },
        cafe.startsAt,
        cafe.endsAt,
        spaceId(facility, space),
        seriesId,
      ],
    );
    await db.query(
      'INSERT INTO events.event_service_area (event_id, service_area_id) VALUES ($1, $2)',
      [cafe.id, serviceAreaId('wellbeing')],
    );
  }

  for (const m of demoMilestones(helsinkiYear(now))) {
    await db.query(
      `INSERT INTO events.milestone (id, title, description, kind, starts_on, ends_on, service_area_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        m.id,
        { fi: m.title },
        { fi: m.description },
        m.kind,
        m.startsOn,
        m.endsOn,
        m.area ? serviceAreaId(m.area) : null,
      ],
    );
  }
}

const SPRING_EVENING = EVENTS.find((e) => e.key === 'yhdistysilta-kevat')!;

/** The spring evening's sign-ups close three days before it (registration_closes_at). */
export function springSignUpsClose(): Date {
  return new Date(fromHelsinkiLocal(SPRING_EVENING.starts).getTime() - 3 * 86_400_000);
}

/**
 * When the spring evening's five sign-ups came: an hour apart in the two days before now, or
 * before the sign-ups closed once they have (a demo written after the evening must not show
 * sign-ups that came after the deadline).
 */
export function demoSignUpTimes(now: Date): Date[] {
  const last = Math.min(now.getTime(), springSignUpsClose().getTime());
  return [0, 1, 2, 3, 4].map((i) => new Date(last - (50 - i) * 3_600_000));
}

export interface DemoMilestone {
  id: string;
  kind: string;
  title: string;
  startsOn: string;
  endsOn: string;
  area: string | null;
  description: string;
}

/** The cooperation calendar's milestones of this year and the next. */
export function demoMilestones(year: number): DemoMilestone[] {
  return [year, year + 1].flatMap((y) => {
    const milestones: Array<[string, string, string, string, string | null, string]> = [
      [
        'WELFARE_REPORT',
        'Hyvinvointikertomuksen työpaja',
        `${y}-03-10`,
        `${y}-03-10`,
        'wellbeing',
        'Yhdistysten näkemykset kuntalaisten hyvinvoinnista kirjataan hyvinvointikertomukseen.',
      ],
      [
        'SURVEY',
        'Yhdistyskysely auki',
        `${y}-04-01`,
        `${y}-04-30`,
        null,
        'Kerro, miten yhteistyö kaupungin kanssa sujuu: avustukset, tilat, tapahtumat, viestintä.',
      ],
      [
        'BUDGET',
        'Talousarvion valmistelu',
        `${y}-08-15`,
        `${y}-10-31`,
        null,
        'Avustusmäärärahat päätetään talousarviossa.',
      ],
      [
        'DEADLINE',
        'Kausivuorojen haku päättyy',
        `${y}-05-15`,
        `${y}-05-15`,
        'sports',
        'Syyskauden liikuntavuorot haetaan viimeistään tänään.',
      ],
    ];
    return milestones.map(([kind, title, startsOn, endsOn, area, description]) => ({
      id: demoId('milestone', `${y}/${title}`),
      kind,
      title,
      startsOn,
      endsOn,
      area,
      description,
    }));
  });
}
