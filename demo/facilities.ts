import type { EntityManager } from 'typeorm';
import { addDays, fromHelsinkiLocal, helsinkiDate, helsinkiYear } from '../subgraphs/core/time';
import { associationId, facilityId, serviceAreaId, spaceId } from './data';
import { demoId } from './ids';
import { demoBookings, demoClosedDates, FACILITY_HOURS, upcomingWeekday } from './schedule';

/**
 * The facilities demo (issue 4): what kind each building is, opening hours and holidays,
 * prices, equipment and booking rules of spaces, a split sports hall, one space linked to
 * each booking-system kind, reservations in the coming weeks (with free time between),
 * an open booking season and lendable equipment. Dates are relative to the day the demo is
 * written, so a fresh `npm start` always has upcoming data.
 */

const FACILITY_DETAILS: Record<string, { kind: string; accessibility?: string }> = {
  'kirkkokatu-monitoimitalo': {
    kind: 'MULTIPURPOSE_HOUSE',
    accessibility:
      'Esteetön sisäänkäynti Kirkkokadun puolelta, hissi kaikkiin kerroksiin, induktiosilmukka juhlasalissa.',
  },
  paakirjasto: {
    kind: 'LIBRARY',
    accessibility: 'Esteetön sisäänkäynti, esteetön WC ensimmäisessä kerroksessa.',
  },
  'nuorisotalo-kolmio': {
    kind: 'YOUTH_CENTRE',
  },
  kisapuisto: {
    kind: 'SPORTS_CENTRE',
  },
  'hollola-monari': { kind: 'CULTURAL_CENTRE' },
  'heinola-kylpylä': {
    kind: 'OTHER',
  },
  'orimattila-nuorisotalo': {
    kind: 'YOUTH_CENTRE',
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

/** The season whose application window is open on the day the demo is written. */
export function demoSeason(now: Date) {
  const startsOn = addDays(helsinkiDate(now), 35);
  return {
    applicationsOpenAt: new Date(now.getTime() - 7 * DAY),
    applicationsCloseAt: new Date(now.getTime() + 21 * DAY),
    startsOn,
    endsOn: addDays(startsOn, 140),
  };
}

/** Four tents lent over a weekend: Friday noon to the Monday after. */
export function demoEquipmentLoan(now: Date): { startsAt: Date; endsAt: Date } {
  const friday = upcomingWeekday(helsinkiDate(now), 5, 1);
  return {
    startsAt: fromHelsinkiLocal(`${friday}T12:00`),
    endsAt: fromHelsinkiLocal(`${addDays(friday, 3)}T12:00`),
  };
}

const DAY = 86_400_000;

export async function seedFacilitiesDetails(db: EntityManager, now: Date): Promise<void> {
  const year = helsinkiYear(now);
  for (const [key, details] of Object.entries(FACILITY_DETAILS)) {
    const hours = FACILITY_HOURS[key];
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
    for (const [weekday, opens, closes] of hours) {
      await db.query(
        `INSERT INTO facilities.opening_hours (facility_id, weekday, opens, closes) VALUES ($1, $2, $3, $4)`,
        [facilityId(key), weekday, opens, closes],
      );
    }
    // Independence Day and Christmas Eve, this year and next: closed everywhere.
    for (const date of demoClosedDates(year)) {
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

  // The coming weeks' reservations, planned around closed days and the demo's events.
  for (const r of demoBookings(now).reservations) {
    const [facility, space] = r.space.split('/');
    await db.query(
      `INSERT INTO facilities.reservation (id, space_id, association_id, requested_by, starts_at, ends_at, status, purpose, decision_note)
       VALUES ($1, $2, $3, 'demo', $4, $5, $6, $7, $8)`,
      [
        r.id,
        spaceId(facility, space),
        associationId(r.association),
        r.startsAt,
        r.endsAt,
        r.status,
        r.purpose,
        r.status === 'REJECTED' ? 'Kenttä on huollossa.' : null,
      ],
    );
  }

  // A season whose application window is open now.
  const season = demoSeason(now);
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
      season.applicationsOpenAt,
      season.applicationsCloseAt,
      season.startsOn,
      season.endsOn,
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
  const loan = demoEquipmentLoan(now);
  await db.query(
    `INSERT INTO facilities.equipment_reservation (item_id, association_id, requested_by, quantity, starts_at, ends_at, status, purpose)
     VALUES ($1, $2, 'demo', 4, $3, $4, 'CONFIRMED', 'Kylätapahtuma')`,
    [
      demoId('equipment', 'teltta'),
      associationId('ahtiala-kylayhdistys'),
      loan.startsAt,
      loan.endsAt,
    ],
  );
}

/**
 * The holds the demo's events have on their city spaces (issue 29, item 2), as the facilities
 * subgraph keeps them for events published through the graph: a busy time per event that
 * will take place, whose source is the event. Run after the events are written, from the
 * events as they are in the database: a demo database made on an earlier day has its cafés
 * on that day's dates. (The demo writes rows directly in every schema; this is the one seed
 * that reads another's, standing in for the domain events a published event sends.)
 */
export async function seedEventHolds(db: EntityManager): Promise<void> {
  await db.query(
    `INSERT INTO facilities.blocked_time (space_id, starts_at, ends_at, source, external_id, reason, event_id)
     SELECT e.venue_space_id, e.starts_at, e.ends_at, 'EVENT', e.id::text, e.title->>'fi', e.id
       FROM events.event e
       JOIN facilities.space s ON s.id = e.venue_space_id
      WHERE e.status IN ('SCHEDULED', 'POSTPONED')
     ON CONFLICT (space_id, source, external_id) DO NOTHING`,
  );
}

/**
 * List prices and equipment values (issue 33): what the demo's spaces cost others by the
 * hour and what lending its equipment is worth a day, so `Association.support` shows the
 * space subsidy and equipment lent. A space that associations pay for lists at two and a
 * half times their rate; a free one by its type. The demo's confirmed reservations and loans
 * are then priced again at these prices (they were booked before the demo had any).
 */
export async function seedSupportPrices(db: EntityManager): Promise<void> {
  await db.query(`
    UPDATE facilities.space SET list_hourly_rate = CASE
        WHEN NOT is_free AND hourly_rate IS NOT NULL THEN round(hourly_rate * 2.5, 2)
        WHEN type IN ('GYM', 'HALL', 'FIELD') THEN 45.00
        WHEN type = 'KITCHEN' THEN 30.00
        ELSE 25.00
      END
    WHERE list_hourly_rate IS NULL`);
  for (const [key, value] of [
    ['teltta', '40.00'],
    ['aanentoisto', '80.00'],
    ['poydat', '3.00'],
  ] as const) {
    await db.query(
      `UPDATE facilities.equipment_item SET daily_value = $2 WHERE id = $1 AND daily_value IS NULL`,
      [demoId('equipment', key), value],
    );
  }
  await db.query(`UPDATE facilities.reservation SET list_price = NULL WHERE status = 'CONFIRMED'`);
  await db.query(
    `UPDATE facilities.equipment_reservation SET lent_value = NULL WHERE status = 'CONFIRMED'`,
  );
}
