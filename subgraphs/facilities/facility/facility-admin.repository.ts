import type { DataSource, EntityManager } from 'typeorm';
import { type ColumnSpec, columnValues, insertSql, updateSql } from '../../core/sql-writes';
import type { Address } from '../../core/types/address.type';
import type { LocalizedText } from '../../core/types/localized-text.type';
import type { FacilityKind } from './facility.enums';
import type { FacilityLink } from './facility.types';

export interface FacilityValues {
  name?: LocalizedText;
  kind?: FacilityKind;
  address?: Address;
  municipalityCode?: string;
  serviceAreaId?: string;
  description?: LocalizedText | null;
  accessibility?: LocalizedText | null;
  links?: FacilityLink[];
}

const COLUMNS: Record<keyof FacilityValues, string> = {
  name: 'name',
  kind: 'kind',
  address: 'address',
  municipalityCode: 'municipality_code',
  serviceAreaId: 'service_area_id',
  description: 'description',
  accessibility: 'accessibility',
  links: 'links',
};
const FACILITY_COLUMNS: ColumnSpec = {
  columns: COLUMNS,
  json: new Set(['name', 'address', 'description', 'accessibility', 'links']),
};

/** The SQL that changes facilities and their opening hours. */
export class FacilityAdminRepository {
  constructor(private readonly db: DataSource | EntityManager) {}

  async insert(
    values: Required<
      Pick<FacilityValues, 'name' | 'kind' | 'address' | 'municipalityCode' | 'serviceAreaId'>
    > &
      FacilityValues,
  ): Promise<string> {
    const rows: Array<{ id: string }> = await this.db.query(
      ...insertSql('facilities.facility', columnValues(values, FACILITY_COLUMNS)),
    );
    return rows[0].id;
  }

  async update(id: string, values: FacilityValues): Promise<void> {
    const entries = columnValues(values, FACILITY_COLUMNS);
    if (entries.length === 0) return;
    await this.db.query(
      ...updateSql('facilities.facility', id, entries, { also: ['updated_at = now()'] }),
    );
  }

  async replaceHours(
    facilityId: string,
    periods: ReadonlyArray<{ weekday: number; opens: string; closes: string }>,
  ): Promise<void> {
    await this.db.query('DELETE FROM facilities.opening_hours WHERE facility_id = $1', [
      facilityId,
    ]);
    for (const p of periods) {
      await this.db.query(
        'INSERT INTO facilities.opening_hours (facility_id, weekday, opens, closes) VALUES ($1, $2, $3, $4)',
        [facilityId, p.weekday, p.opens, p.closes],
      );
    }
  }

  async upsertException(
    facilityId: string,
    e: { date: string; opens: string | null; closes: string | null; note: LocalizedText | null },
  ): Promise<void> {
    await this.db.query(
      `INSERT INTO facilities.opening_exception (facility_id, date, opens, closes, note) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (facility_id, date) DO UPDATE SET opens = EXCLUDED.opens, closes = EXCLUDED.closes, note = EXCLUDED.note`,
      [facilityId, e.date, e.opens, e.closes, e.note === null ? null : JSON.stringify(e.note)],
    );
  }

  async removeException(facilityId: string, date: string): Promise<boolean> {
    const rows: unknown[] = await this.db.query(
      `WITH gone AS (DELETE FROM facilities.opening_exception WHERE facility_id = $1 AND date = $2 RETURNING 1) SELECT * FROM gone`,
      [facilityId, date],
    );
    return rows.length > 0;
  }
}
