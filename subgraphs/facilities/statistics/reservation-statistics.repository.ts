import type { Connection } from '../../core/data';
import type { SpaceType } from '../space/space.enums';
import type { ReservationGrouping } from './reservation-statistics.enums';

export interface ReservationStatisticsQuery {
  from?: Date;
  to?: Date;
  facilityIds?: string[];
  spaceTypes?: SpaceType[];
  serviceAreaIds?: string[];
}

export interface ReservationStatisticsRow {
  facilityId: string | null;
  spaceType: SpaceType | null;
  month: string | null;
  reservations: number;
  hours: string;
  associations: number;
}

const GROUP_COLUMNS: Record<ReservationGrouping, [sql: string, alias: string]> = {
  FACILITY: ['s.facility_id', 'facility_id'],
  SPACE_TYPE: ['s.type', 'space_type'],
  MONTH: [`to_char(r.starts_at AT TIME ZONE 'Europe/Helsinki', 'YYYY-MM')`, 'month'],
};

/** The SQL of reservation statistics: one statement, grouped in the database. */
export class ReservationStatisticsRepository {
  constructor(private readonly db: Connection) {}

  /** Confirmed reservations, the hours they hold and the associations holding them. */
  async statistics(
    groupBy: readonly ReservationGrouping[],
    query: ReservationStatisticsQuery,
  ): Promise<ReservationStatisticsRow[]> {
    const where = [`r.status = 'CONFIRMED'`];
    const parameters: unknown[] = [];
    const add = (condition: (placeholder: string) => string, value: unknown) => {
      parameters.push(value);
      where.push(condition(`$${parameters.length}`));
    };
    if (query.from) add((p) => `r.starts_at >= ${p}`, query.from);
    if (query.to) add((p) => `r.starts_at < ${p}`, query.to);
    if (query.facilityIds?.length) add((p) => `s.facility_id = ANY(${p})`, query.facilityIds);
    if (query.spaceTypes?.length) add((p) => `s.type = ANY(${p})`, query.spaceTypes);
    if (query.serviceAreaIds?.length) {
      add((p) => `f.service_area_id = ANY(${p})`, query.serviceAreaIds);
    }
    const groups = [...new Set(groupBy)].map((g) => GROUP_COLUMNS[g]);
    const rows: Array<Record<string, unknown>> = await this.db.query(
      `SELECT ${groups.map(([sql, alias]) => `${sql} AS ${alias}, `).join('')}
              count(*)::int AS reservations,
              round(coalesce(sum(extract(epoch FROM r.ends_at - r.starts_at)), 0) / 3600, 2)::text AS hours,
              count(DISTINCT r.association_id)::int AS associations
         FROM facilities.reservation r
         JOIN facilities.space s ON s.id = r.space_id
         JOIN facilities.facility f ON f.id = s.facility_id
        WHERE ${where.join(' AND ')}
        ${groups.length ? `GROUP BY ${groups.map(([sql]) => sql).join(', ')}` : ''}
        ${groups.length ? `ORDER BY ${groups.map(([, alias]) => `${alias} NULLS LAST`).join(', ')}` : ''}`,
      parameters,
    );
    return rows.map((r) => ({
      facilityId: (r.facility_id as string | undefined) ?? null,
      spaceType: (r.space_type as SpaceType | undefined) ?? null,
      month: (r.month as string | undefined) ?? null,
      reservations: r.reservations as number,
      hours: r.hours as string,
      associations: r.associations as number,
    }));
  }
}
