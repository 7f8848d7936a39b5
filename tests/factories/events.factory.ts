import type { DataSource } from 'typeorm';

/** Rows for events tests, written with plain SQL; a test states only what matters to it. */
let sequence = 0;
const next = () => ++sequence;
const HOUR = 3_600_000;

export interface EventRow {
  title?: string;
  kind?: string;
  status?: string;
  startsAt?: Date;
  hours?: number;
  capacity?: number | null;
  registrationClosesAt?: Date | null;
  serviceAreaIds?: string[];
  organizerIds?: string[];
  venueSpaceId?: string | null;
  keywords?: string[];
  isFree?: boolean;
}

export async function makeEvent(db: DataSource, row: EventRow = {}): Promise<string> {
  const startsAt = row.startsAt ?? new Date(Date.now() + 7 * 24 * HOUR);
  const rows: Array<{ id: string }> = await db.query(
    `INSERT INTO events.event (title, kind, status, starts_at, ends_at, capacity, registration_closes_at, venue_space_id, keywords, is_free)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
    [
      JSON.stringify({ fi: row.title ?? `Tapahtuma ${next()}` }),
      row.kind ?? 'ASSOCIATION_EVENING',
      row.status ?? 'SCHEDULED',
      startsAt,
      new Date(startsAt.getTime() + (row.hours ?? 2) * HOUR),
      row.capacity === undefined ? null : row.capacity,
      row.registrationClosesAt ?? null,
      row.venueSpaceId ?? null,
      row.keywords ?? [],
      row.isFree ?? true,
    ],
  );
  const id = rows[0].id;
  for (const area of row.serviceAreaIds ?? []) {
    await db.query(
      'INSERT INTO events.event_service_area (event_id, service_area_id) VALUES ($1, $2)',
      [id, area],
    );
  }
  for (const organizer of row.organizerIds ?? []) {
    await db.query(
      'INSERT INTO events.event_organizer (event_id, association_id) VALUES ($1, $2)',
      [id, organizer],
    );
  }
  return id;
}
