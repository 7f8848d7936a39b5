import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { LocalizedText } from '../../subgraphs/core/types/localized-text.type';

/**
 * Rows for facilities tests, written with plain SQL so a test states only what matters to
 * it. Facilities are open every day 08:00–22:00 unless a test says otherwise.
 */
let sequence = 0;
const next = () => ++sequence;

export const EVERY_DAY_8_TO_22 = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
  weekday,
  opens: '08:00',
  closes: '22:00',
}));

export interface FacilityRow {
  name?: LocalizedText;
  municipalityCode?: string;
  serviceAreaId?: string | null;
  kind?: string;
  hours?: Array<{ weekday: number; opens: string; closes: string }>;
  exceptions?: Array<{ date: string; opens?: string; closes?: string }>;
}

export async function makeFacility(db: DataSource, row: FacilityRow = {}): Promise<string> {
  const id = randomUUID();
  await db.query(
    `INSERT INTO facilities.facility (id, name, address, municipality_code, service_area_id, kind)
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [
      id,
      JSON.stringify(row.name ?? { fi: `Testitalo ${next()}` }),
      JSON.stringify({ street: 'Testikatu 1', postalCode: '15110', city: 'Lahti' }),
      row.municipalityCode ?? '398',
      row.serviceAreaId ?? null,
      row.kind ?? 'MULTIPURPOSE_HOUSE',
    ],
  );
  for (const h of row.hours ?? EVERY_DAY_8_TO_22) {
    await db.query(
      'INSERT INTO facilities.opening_hours (facility_id, weekday, opens, closes) VALUES ($1, $2, $3, $4)',
      [id, h.weekday, h.opens, h.closes],
    );
  }
  for (const e of row.exceptions ?? []) {
    await db.query(
      'INSERT INTO facilities.opening_exception (facility_id, date, opens, closes) VALUES ($1, $2, $3, $4)',
      [id, e.date, e.opens ?? null, e.closes ?? null],
    );
  }
  return id;
}

export interface SpaceRow {
  name?: LocalizedText;
  type?: string;
  capacity?: number | null;
  accessible?: boolean;
  parentSpaceId?: string | null;
  equipment?: string[];
  isFree?: boolean;
  hourlyRate?: string | null;
  listHourlyRate?: string | null;
  slotMinutes?: number;
  minDurationMinutes?: number;
  maxDurationMinutes?: number;
  minLeadHours?: number;
  maxAdvanceDays?: number;
  bookingSystem?: string;
  externalId?: string | null;
  lastSyncedAt?: Date | null;
}

export async function makeSpace(
  db: DataSource,
  facilityId: string,
  row: SpaceRow = {},
): Promise<string> {
  const id = randomUUID();
  await db.query(
    `INSERT INTO facilities.space (id, facility_id, name, type, capacity, accessible, parent_space_id, equipment,
        is_free, hourly_rate, slot_minutes, min_duration_minutes, max_duration_minutes, min_lead_hours,
        max_advance_days, booking_system, external_id, last_synced_at, list_hourly_rate)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)`,
    [
      id,
      facilityId,
      JSON.stringify(row.name ?? { fi: `Tila ${next()}` }),
      row.type ?? 'MEETING_ROOM',
      row.capacity === undefined ? 20 : row.capacity,
      row.accessible ?? true,
      row.parentSpaceId ?? null,
      row.equipment ?? [],
      row.isFree ?? true,
      row.hourlyRate ?? null,
      row.slotMinutes ?? 30,
      row.minDurationMinutes ?? 60,
      row.maxDurationMinutes ?? 240,
      row.minLeadHours ?? 0,
      row.maxAdvanceDays ?? 365,
      row.bookingSystem ?? 'LOCAL',
      row.externalId ?? null,
      row.lastSyncedAt ?? null,
      row.listHourlyRate ?? null,
    ],
  );
  return id;
}

export async function makeReservation(
  db: DataSource,
  spaceId: string,
  row: { associationId?: string; startsAt: Date; endsAt: Date; status?: string },
): Promise<string> {
  const rows: Array<{ id: string }> = await db.query(
    `INSERT INTO facilities.reservation (space_id, association_id, requested_by, starts_at, ends_at, status, purpose)
     VALUES ($1, $2, 'test', $3, $4, $5, 'Testivaraus') RETURNING id`,
    [
      spaceId,
      row.associationId ?? randomUUID(),
      row.startsAt,
      row.endsAt,
      row.status ?? 'CONFIRMED',
    ],
  );
  return rows[0].id;
}

export async function makeBlockedTime(
  db: DataSource,
  spaceId: string,
  row: { startsAt: Date; endsAt: Date; source?: string; externalId?: string },
): Promise<void> {
  // An event's hold names its event (external_id is the event's id, as the consumer writes it).
  const source = row.source ?? 'STAFF';
  const externalId = row.externalId ?? randomUUID();
  await db.query(
    `INSERT INTO facilities.blocked_time (space_id, starts_at, ends_at, source, external_id, event_id)
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [spaceId, row.startsAt, row.endsAt, source, externalId, source === 'EVENT' ? externalId : null],
  );
}
