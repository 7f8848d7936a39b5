import type { DataSource, EntityManager } from 'typeorm';
import { BlockedTime } from './blocked-time.entity';
import { type ColumnSpec, columnValues, insertSql, updateSql } from '../../core/sql-writes';
import type { LocalizedText } from '../../core/types/localized-text.type';
import type { BookingSystemKind, SpaceType } from './space.enums';

export interface SpaceValues {
  facilityId?: string;
  parentSpaceId?: string | null;
  name?: LocalizedText;
  type?: SpaceType;
  description?: LocalizedText | null;
  capacity?: number | null;
  areaSquareMetres?: number | null;
  equipment?: string[];
  accessible?: boolean;
  isFree?: boolean;
  hourlyRate?: string | null;
  listHourlyRate?: string | null;
  pricingNotes?: LocalizedText | null;
  slotMinutes?: number;
  minDurationMinutes?: number;
  maxDurationMinutes?: number;
  minLeadHours?: number;
  maxAdvanceDays?: number;
  bookingSystem?: BookingSystemKind;
  externalId?: string | null;
}

const COLUMNS: Record<keyof SpaceValues, string> = {
  facilityId: 'facility_id',
  parentSpaceId: 'parent_space_id',
  name: 'name',
  type: 'type',
  description: 'description',
  capacity: 'capacity',
  areaSquareMetres: 'area_m2',
  equipment: 'equipment',
  accessible: 'accessible',
  isFree: 'is_free',
  hourlyRate: 'hourly_rate',
  listHourlyRate: 'list_hourly_rate',
  pricingNotes: 'pricing_notes',
  slotMinutes: 'slot_minutes',
  minDurationMinutes: 'min_duration_minutes',
  maxDurationMinutes: 'max_duration_minutes',
  minLeadHours: 'min_lead_hours',
  maxAdvanceDays: 'max_advance_days',
  bookingSystem: 'booking_system',
  externalId: 'external_id',
};
const SPACE_COLUMNS: ColumnSpec = {
  columns: COLUMNS,
  json: new Set(['name', 'description', 'pricingNotes']),
};

/** The SQL that changes spaces and staff blocks. */
export class SpaceAdminRepository {
  constructor(private readonly db: DataSource | EntityManager) {}

  async insert(values: SpaceValues): Promise<string> {
    const rows: Array<{ id: string }> = await this.db.query(
      ...insertSql('facilities.space', columnValues(values, SPACE_COLUMNS)),
    );
    return rows[0].id;
  }

  async update(id: string, values: SpaceValues): Promise<void> {
    const entries = columnValues(values, SPACE_COLUMNS);
    if (entries.length === 0) return;
    await this.db.query(...updateSql('facilities.space', id, entries));
  }

  async block(spaceId: string, startsAt: Date, endsAt: Date, reason: string): Promise<string> {
    const rows: Array<{ id: string }> = await this.db.query(
      `INSERT INTO facilities.blocked_time (space_id, starts_at, ends_at, source, external_id, reason)
       VALUES ($1, $2, $3, 'STAFF', gen_random_uuid()::text, $4) RETURNING id`,
      [spaceId, startsAt, endsAt, reason],
    );
    return rows[0].id;
  }

  async unblock(id: string): Promise<boolean> {
    const rows: unknown[] = await this.db.query(
      `WITH gone AS (DELETE FROM facilities.blocked_time WHERE id = $1 AND source = 'STAFF' RETURNING 1) SELECT * FROM gone`,
      [id],
    );
    return rows.length > 0;
  }

  /** A busy time as an entity, for answering with it. */
  blockEntity(id: string): Promise<BlockedTime> {
    return this.db.getRepository(BlockedTime).findOneByOrFail({ id });
  }

  async blockById(id: string): Promise<{ id: string; spaceId: string; source: string } | null> {
    const rows: Array<{ id: string; space_id: string; source: string }> = await this.db.query(
      'SELECT id, space_id, source FROM facilities.blocked_time WHERE id = $1',
      [id],
    );
    return rows[0] ? { id: rows[0].id, spaceId: rows[0].space_id, source: rows[0].source } : null;
  }

  /** Active reservations holding any unit of the space in [start, end): for staff to contact. */
  async activeReservationIdsOverlapping(
    spaceId: string,
    start: Date,
    end: Date,
  ): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.db.query(
      `SELECT DISTINCT r.id, r.starts_at FROM facilities.space_unit su
         JOIN facilities.reservation_claim c ON c.unit_id = su.unit_id
         JOIN facilities.reservation r ON r.id = c.reservation_id
        WHERE su.space_id = $1 AND c.during && tstzrange($2, $3) ORDER BY r.starts_at`,
      [spaceId, start, end],
    );
    return rows.map((r) => r.id);
  }
}
