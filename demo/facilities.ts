import type { EntityManager } from 'typeorm';
import { fromHelsinkiLocal } from '../subgraphs/core/time';
import { addDays, helsinkiDate, isoWeekday } from '../subgraphs/facilities/space/availability';
import { associationId, facilityId, serviceAreaId, spaceId } from './data';
import { demoId } from './ids';

/**
 * The facilities demo (issue 4): what kind each building is, opening hours and holidays,
 * prices, equipment and booking rules of spaces, a split sports hall, one space linked to
 * each booking-system kind, reservations in the coming weeks (with free time between),
 * an open booking season and lendable equipment. Dates are relative to the day the demo is
 * written, so a fresh `npm start` always has upcoming data.
 */

const WEEKDAYS_8_21 = [1, 2, 3, 4, 5].map((d) => [d, '08:00', '21:00'] as const);
const WEEKENDS_10_16 = [6, 7].map((d) => [d, '10:00', '16:00'] as const);

const FACILITY_DETAILS: Record<
  string,
  { kind: string; hours: ReadonlyArray<readonly [number, string, string]>; accessibility?: string }
> = {
  'kirkkokatu-monitoimitalo': {
    kind: 'MULTIPURPOSE_HOUSE',
    hours: [...WEEKDAYS_8_21, ...WEEKENDS_10_16],
    accessibility:
      'Esteetön sisäänkäynti Kirkkokadun puolelta, hissi kaikkiin kerroksiin, induktiosilmukka juhlasalissa.',
  },
  paakirjasto: {
    kind: 'LIBRARY',
    hours: [...[1, 2, 3, 4, 5].map((d) => [d, '09:00', '20:00'] as const), [6, '10:00', '16:00']],
    accessibility: 'Esteetön sisäänkäynti, esteetön WC ensimmäisessä kerroksessa.',
  },
  'nuorisotalo-kolmio': {
    kind: 'YOUTH_CENTRE',
    hours: [1, 2, 3, 4, 5].map((d) => [d, '12:00', '21:00'] as const),
  },
  kisapuisto: {
    kind: 'SPORTS_CENTRE',
    hours: [1, 2, 3, 4, 5, 6, 7].map((d) => [d, '07:00', '22:00'] as const),
  },
  'hollola-monari': { kind: 'CULTURAL_CENTRE', hours: [...WEEKDAYS_8_21, ...WEEKENDS_10_16] },
  'heinola-kylpylä': {
    kind: 'OTHER',
    hours: [1, 2, 3, 4].map((d) => [d, '08:00', '20:00'] as const),
  },
  'orimattila-nuorisotalo': {
    kind: 'YOUTH_CENTRE',
    hours: [1, 2, 3, 4, 5].map((d) => [d, '13:00', '21:00'] as const),
  },
};

interface SpaceDetails {
  equipment: string[];
  area?: number;
  price?: string;
  pricingNotes?: string;
  slot?: number;
  min?: number;
  max?: number;
  lead?: number;
  system?: { kind: 'TIMMI' | 'RESPA' | 'ICS'; externalId: string };
}

const SPACE_DETAILS: Record<string, SpaceDetails> = {
  'kirkkokatu-monitoimitalo/sali': {
    equipment: ['stage', 'piano', 'sound-system', 'projector'],
    area: 180,
    price: '25.00',
    pricingNotes: 'Maksuton rekisteröidyille lahtelaisille yhdistyksille arkisin klo 17 asti.',
    max: 480,
    lead: 72,
    system: { kind: 'ICS', externalId: 'https://kalenteri.lahti.example/tilat/juhlasali.ics' },
  },
  'kirkkokatu-monitoimitalo/kokoushuone': {
    equipment: ['projector', 'whiteboard', 'video-conferencing'],
    area: 40,
  },
  'kirkkokatu-monitoimitalo/keittio': {
    equipment: ['dishwasher', 'oven'],
    area: 55,
    price: '15.00',
    min: 120,
  },
  'paakirjasto/auditorio': {
    equipment: ['projector', 'sound-system'],
    area: 110,
    system: { kind: 'RESPA', externalId: 'axwzr3i6kqba' },
  },
  'paakirjasto/ryhmatila': { equipment: ['whiteboard'], area: 18, max: 180 },
  'nuorisotalo-kolmio/bandikämppä': { equipment: ['drums', 'amplifiers'], area: 25, slot: 60 },
  'nuorisotalo-kolmio/kerhohuone': { equipment: ['projector', 'games'], area: 60 },
  'kisapuisto/halli': {
    equipment: ['scoreboard', 'floorball-goals'],
    area: 1200,
    price: '48.00',
    pricingNotes: 'Junioritoiminta puoleen hintaan.',
    slot: 60,
    max: 180,
    system: { kind: 'TIMMI', externalId: '1201' },
  },
  'kisapuisto/kentta': { equipment: ['floodlights', 'goals'], price: '20.00', slot: 60 },
  'hollola-monari/sali': { equipment: ['stage', 'sound-system'], area: 200, price: '30.00' },
  'heinola-kylpylä/valtuustosali': { equipment: ['projector', 'microphones'], area: 120 },
  'orimattila-nuorisotalo/nuorisotila': { equipment: ['games', 'kitchenette'], area: 90 },
};

/** The sports hall splits into two halves: booking a half blocks the whole, and back. */
const HALVES = [
  { key: 'halli-a', fi: 'Palloiluhalli, lohko A', en: 'Sports hall, section A' },
  { key: 'halli-b', fi: 'Palloiluhalli, lohko B', en: 'Sports hall, section B' },
];

/** Dates the demo facilities are closed (Independence Day, Christmas Eve). */
const HOLIDAYS = ['12-06', '12-24'];

/**
 * The given weekday (1 = Monday) after `today`, `weeks` further on, moved a week later if
 * it falls on a demo holiday: demo reservations (and tests on them) stay inside opening hours.
 */
export function upcomingWeekday(today: string, weekday: number, weeks = 0): string {
  let date = addDays(today, ((weekday - isoWeekday(today) + 7) % 7 || 7) + 7 * weeks);
  while (HOLIDAYS.includes(date.slice(5))) date = addDays(date, 7);
  return date;
}

export async function seedFacilitiesDetails(db: EntityManager, now = new Date()): Promise<void> {
  const today = helsinkiDate(now);
  const year = Number(today.slice(0, 4));
  for (const [key, details] of Object.entries(FACILITY_DETAILS)) {
    await db.query(
      `UPDATE facilities.facility SET kind = $2, accessibility = $3, links = $4 WHERE id = $1`,
      [
        facilityId(key),
        details.kind,
        details.accessibility ? { fi: details.accessibility } : null,
        JSON.stringify([
          {
            url: `https://www.lahti.example/tilat/${key}`,
            kind: 'WEBSITE',
            title: { fi: 'Tilan sivu' },
          },
          {
            url: `https://www.lahti.example/kuvat/${key}.jpg`,
            kind: 'PHOTO',
            title: { fi: 'Kuva rakennuksesta' },
          },
        ]),
      ],
    );
    for (const [weekday, opens, closes] of details.hours) {
      await db.query(
        `INSERT INTO facilities.opening_hours (facility_id, weekday, opens, closes) VALUES ($1, $2, $3, $4)`,
        [facilityId(key), weekday, opens, closes],
      );
    }
    // Independence Day and Christmas Eve, this year and next: closed everywhere.
    for (const date of [
      `${year}-12-06`,
      `${year}-12-24`,
      `${year + 1}-12-06`,
      `${year + 1}-12-24`,
    ]) {
      await db.query(
        `INSERT INTO facilities.opening_exception (facility_id, date, note) VALUES ($1, $2, $3)`,
        [
          facilityId(key),
          date,
          { fi: 'Suljettu juhlapyhän vuoksi', en: 'Closed for a public holiday' },
        ],
      );
    }
  }
  for (const [path, d] of Object.entries(SPACE_DETAILS)) {
    const [facility, space] = path.split('/');
    await db.query(
      `UPDATE facilities.space SET equipment = $2, area_m2 = $3, is_free = $4, hourly_rate = $5, pricing_notes = $6,
         slot_minutes = $7, min_duration_minutes = $8, max_duration_minutes = $9, min_lead_hours = $10,
         booking_system = $11, external_id = $12
       WHERE id = $1`,
      [
        spaceId(facility, space),
        d.equipment,
        d.area ?? null,
        !d.price,
        d.price ?? null,
        d.pricingNotes ? { fi: d.pricingNotes } : null,
        d.slot ?? 30,
        d.min ?? 60,
        d.max ?? 240,
        d.lead ?? 24,
        d.system?.kind ?? 'LOCAL',
        d.system?.externalId ?? null,
      ],
    );
  }
  for (const half of HALVES) {
    await db.query(
      `INSERT INTO facilities.space (id, facility_id, parent_space_id, name, type, capacity, accessible, equipment, area_m2,
         is_free, hourly_rate, slot_minutes, max_duration_minutes)
       VALUES ($1, $2, $3, $4, 'GYM', 100, true, '{floorball-goals}', 600, false, '26.00', 60, 180)`,
      [
        spaceId('kisapuisto', half.key),
        facilityId('kisapuisto'),
        spaceId('kisapuisto', 'halli'),
        { fi: half.fi, en: half.en },
      ],
    );
  }

  // The coming four weeks: regular evenings, with free time left around them.
  const nextWeekday = (weekday: number, weeks: number) => upcomingWeekday(today, weekday, weeks);
  const reservations: Array<[string, string, string, number, string, string, string, string]> = [];
  for (let week = 0; week < 4; week++) {
    reservations.push(
      [
        'kirkkokatu-monitoimitalo/sali',
        'lahden-kuorolaiset',
        'CONFIRMED',
        2,
        '17:00',
        '19:00',
        'Kuoroharjoitus',
        `${week}`,
      ],
      [
        'kisapuisto/halli-a',
        'lahden-ladies-floorball',
        'CONFIRMED',
        1,
        '18:00',
        '20:00',
        'Salibandyharjoitus',
        `${week}`,
      ],
      [
        'kisapuisto/halli',
        'lahden-urheiluseura',
        'CONFIRMED',
        4,
        '17:00',
        '19:00',
        'Lasten liikuntakerho',
        `${week}`,
      ],
      [
        'nuorisotalo-kolmio/bandikämppä',
        'orimattila-youth-band',
        'CONFIRMED',
        3,
        '16:00',
        '18:00',
        'Bänditreenit',
        `${week}`,
      ],
    );
  }
  reservations.push(
    [
      'kirkkokatu-monitoimitalo/keittio',
      'orimattilan-marttayhdistys',
      'REQUESTED',
      6,
      '10:00',
      '13:00',
      'Kokkikurssi',
      '1',
    ],
    [
      'paakirjasto/ryhmatila',
      'lahden-shakki',
      'REQUESTED',
      3,
      '17:00',
      '19:00',
      'Shakkikerho',
      '0',
    ],
    [
      'kirkkokatu-monitoimitalo/kokoushuone',
      'lahden-mielenterveysseura',
      'CONFIRMED',
      5,
      '12:00',
      '14:00',
      'Vertaistukiryhmä',
      '0',
    ],
    [
      'hollola-monari/sali',
      'hollolan-kotiseutu',
      'CONFIRMED',
      6,
      '12:00',
      '16:00',
      'Kotiseutujuhla',
      '2',
    ],
    [
      'kisapuisto/kentta',
      'lahden-urheiluseura',
      'REJECTED',
      7,
      '10:00',
      '12:00',
      'Harjoitusottelu',
      '1',
    ],
  );
  for (const [path, association, status, weekday, from, to, purpose, weeks] of reservations) {
    const [facility, space] = path.split('/');
    const date = nextWeekday(weekday, Number(weeks));
    await db.query(
      `INSERT INTO facilities.reservation (id, space_id, association_id, requested_by, starts_at, ends_at, status, purpose, decision_note)
       VALUES ($1, $2, $3, 'demo', $4, $5, $6, $7, $8)`,
      [
        demoId('reservation', `${path}/${date}`),
        spaceId(facility, space),
        associationId(association),
        fromHelsinkiLocal(`${date}T${from}`),
        fromHelsinkiLocal(`${date}T${to}`),
        status,
        purpose,
        status === 'REJECTED' ? 'Kenttä on huollossa.' : null,
      ],
    );
  }

  // A season whose application window is open now.
  const seasonStart = addDays(today, 35);
  await db.query(
    `INSERT INTO facilities.booking_season (id, name, service_area_id, applications_open_at, applications_close_at, starts_on, ends_on)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [
      demoId('season', 'next'),
      {
        fi: 'Liikuntavuorot, seuraava kausi',
        sv: 'Idrottsturer, nästa säsong',
        en: 'Sports slots, next season',
      },
      serviceAreaId('sports'),
      new Date(now.getTime() - 7 * 86_400_000),
      new Date(now.getTime() + 21 * 86_400_000),
      seasonStart,
      addDays(seasonStart, 140),
    ],
  );
  for (const [association, weekday, from, to, spaces] of [
    ['lahden-ladies-floorball', 3, '19:00', '20:30', ['halli-a', 'halli-b']],
    ['salpausselan-hiihtajat', 2, '17:00', '18:00', ['halli', 'kentta']],
  ] as const) {
    await db.query(
      `INSERT INTO facilities.season_application (season_id, association_id, applied_by, purpose, attendees, weekday, starts_at_local, ends_at_local, space_ids)
       VALUES ($1, $2, 'demo', 'Viikoittaiset harjoitukset', 24, $3, $4, $5, $6)`,
      [
        demoId('season', 'next'),
        associationId(association),
        weekday,
        from,
        to,
        spaces.map((s) => spaceId('kisapuisto', s)),
      ],
    );
  }

  for (const [key, fi, en, quantity, area] of [
    ['teltta', 'Tapahtumateltta 3 × 6 m', 'Event tent 3 × 6 m', 6, 'culture'],
    ['aanentoisto', 'Äänentoistolaitteisto (2 kaiutinta, mikserit)', 'PA system', 2, 'culture'],
    ['poydat', 'Taittopöytä', 'Folding table', 40, 'youth'],
  ] as const) {
    await db.query(
      `INSERT INTO facilities.equipment_item (id, name, quantity, pickup_facility_id, pickup_notes, service_area_id)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [
        demoId('equipment', key),
        { fi, en },
        quantity,
        facilityId('kirkkokatu-monitoimitalo'),
        { fi: 'Nouto ja palautus arkisin klo 9–15 monitoimitalon lastauslaiturilta.' },
        serviceAreaId(area),
      ],
    );
  }
  await db.query(
    `INSERT INTO facilities.equipment_reservation (item_id, association_id, requested_by, quantity, starts_at, ends_at, status, purpose)
     VALUES ($1, $2, 'demo', 4, $3, $4, 'CONFIRMED', 'Kylätapahtuma')`,
    [
      demoId('equipment', 'teltta'),
      associationId('ahtiala-kylayhdistys'),
      fromHelsinkiLocal(`${nextWeekday(5, 1)}T12:00`),
      fromHelsinkiLocal(`${nextWeekday(1, 2)}T12:00`),
    ],
  );
}
