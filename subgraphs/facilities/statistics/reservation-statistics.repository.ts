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
  /** Hours the group's units were open in the period; null without a period. */
  openHours: string | null;
  /** Unit-hours reserved / open hours, four decimals; null without a period or open hours. */
  usedShare: number | null;
}

/** A group's key, as both halves of the statistics name it. */
const keyOf = (r: Pick<ReservationStatisticsRow, 'facilityId' | 'spaceType' | 'month'>) =>
  JSON.stringify([r.facilityId, r.spaceType, r.month]);

/** A reservation's month in Helsinki, the MONTH grouping of reservations. */
const RESERVATION_MONTH = `to_char(r.starts_at AT TIME ZONE 'Europe/Helsinki', 'YYYY-MM')`;

/**
 * Each grouping's SQL over a space alias and a month expression, and its column name: the
 * reservations' own groups (space `s`) and the opening-hours groups (unit `us`, a day's
 * month) share the names, so their rows meet by key.
 */
function groupColumns(
  space: string,
  month: string,
): Record<ReservationGrouping, [sql: string, alias: string]> {
  return {
    FACILITY: [`${space}.facility_id`, 'facility_id'],
    SPACE_TYPE: [`${space}.type`, 'space_type'],
    MONTH: [month, 'month'],
  };
}

/**
 * The filter's conditions on a space alias and its facility `f`, appended to `where`
 * with their values numbered on from those already in `parameters`.
 */
function spaceConditions(
  space: string,
  query: ReservationStatisticsQuery,
  where: string[],
  parameters: unknown[],
): void {
  const add = (condition: (placeholder: string) => string, value: unknown) => {
    parameters.push(value);
    where.push(condition(`$${parameters.length}`));
  };
  if (query.facilityIds?.length) add((p) => `${space}.facility_id = ANY(${p})`, query.facilityIds);
  if (query.spaceTypes?.length) add((p) => `${space}.type = ANY(${p})`, query.spaceTypes);
  if (query.serviceAreaIds?.length)
    add((p) => `f.service_area_id = ANY(${p})`, query.serviceAreaIds);
}

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
    if (query.from) {
      parameters.push(query.from);
      where.push(`r.starts_at >= $${parameters.length}`);
    }
    if (query.to) {
      parameters.push(query.to);
      where.push(`r.starts_at < $${parameters.length}`);
    }
    spaceConditions('s', query, where, parameters);
    const columns = groupColumns('s', RESERVATION_MONTH);
    const groups = [...new Set(groupBy)].map((g) => columns[g]);
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
    const counted = rows.map((r) => ({
      facilityId: (r.facility_id as string | undefined) ?? null,
      spaceType: (r.space_type as SpaceType | undefined) ?? null,
      month: (r.month as string | undefined) ?? null,
      reservations: r.reservations as number,
      hours: r.hours as string,
      associations: r.associations as number,
      openHours: null,
      usedShare: null,
    }));
    if (!query.from || !query.to) return counted;
    return this.withShareOfOpeningHours(groupBy, query as Required<typeof query>, counted);
  }

  /**
   * The period's opening hours of each group's units (each bookable space not divided
   * further, for its facility's hours on each Helsinki day: the weekday's periods, or the
   * date's exception), and the share of them confirmed reservations hold (unit-hours: a
   * reservation of a whole hall holds each of its halves). Groups with open hours but no
   * reservation are included, with zeros.
   */
  private async withShareOfOpeningHours(
    groupBy: readonly ReservationGrouping[],
    query: ReservationStatisticsQuery & { from: Date; to: Date },
    counted: ReservationStatisticsRow[],
  ): Promise<ReservationStatisticsRow[]> {
    const parameters: unknown[] = [query.from, query.to];
    const unitWhere = [
      'NOT EXISTS (SELECT 1 FROM facilities.space c WHERE c.parent_space_id = us.id)',
    ];
    spaceConditions('us', query, unitWhere, parameters);
    const unique = [...new Set(groupBy)];
    const openColumns = groupColumns('us', `to_char(o.day, 'YYYY-MM')`);
    const usedColumns = groupColumns('us', RESERVATION_MONTH);
    const aliases = unique.map((g) => openColumns[g][1]);
    const openGroups = unique.map((g) => openColumns[g]);
    const usedGroups = unique.map((g) => usedColumns[g]);
    const select = (groups: Array<[string, string]>) =>
      groups.map(([sql, alias]) => `${sql} AS ${alias}, `).join('');
    const groupSql = (groups: Array<[string, string]>) =>
      groups.length ? `GROUP BY ${groups.map(([sql]) => sql).join(', ')}` : '';
    const rows: Array<Record<string, unknown>> = await this.db.query(
      `WITH days AS (
         SELECT d::date AS day
           FROM generate_series(($1::timestamptz AT TIME ZONE 'Europe/Helsinki')::date,
                                (($2::timestamptz - interval '1 microsecond') AT TIME ZONE 'Europe/Helsinki')::date,
                                interval '1 day') AS d
       ), units AS (
         SELECT us.id, us.facility_id, us.type
           FROM facilities.space us JOIN facilities.facility f ON f.id = us.facility_id
          WHERE ${unitWhere.join(' AND ')}
       ), open AS (
         SELECT fac.facility_id, d.day,
                CASE WHEN e.facility_id IS NOT NULL
                     THEN coalesce(extract(epoch FROM e.closes - e.opens) / 3600, 0)
                     ELSE coalesce((SELECT sum(extract(epoch FROM h.closes - h.opens)) / 3600
                                      FROM facilities.opening_hours h
                                     WHERE h.facility_id = fac.facility_id
                                       AND h.weekday = extract(isodow FROM d.day)), 0)
                END AS hours
           FROM (SELECT DISTINCT facility_id FROM units) fac
          CROSS JOIN days d
           LEFT JOIN facilities.opening_exception e ON e.facility_id = fac.facility_id AND e.date = d.day
       ), opened AS (
         SELECT ${select(openGroups)} sum(o.hours) AS open_hours
           FROM units us JOIN open o ON o.facility_id = us.facility_id
          ${groupSql(openGroups)}
       ), used AS (
         SELECT ${select(usedGroups)}
                sum(extract(epoch FROM upper(c.during) - lower(c.during))) / 3600 AS used_hours
           FROM facilities.reservation_claim c
           JOIN facilities.reservation r ON r.id = c.reservation_id AND r.status = 'CONFIRMED'
           JOIN units us ON us.id = c.unit_id
          WHERE r.starts_at >= $1 AND r.starts_at < $2
          ${groupSql(usedGroups)}
       )
       SELECT ${aliases.map((alias) => `opened.${alias}, `).join('')}
              round(opened.open_hours, 2)::text AS open_hours,
              CASE WHEN opened.open_hours > 0
                   THEN round(coalesce(used.used_hours, 0) / opened.open_hours, 4)::float END AS used_share
         FROM opened LEFT JOIN used ON ${
           aliases
             .map((alias) => `used.${alias} IS NOT DISTINCT FROM opened.${alias}`)
             .join(' AND ') || 'TRUE'
         }`,
      parameters,
    );
    const byKey = new Map(counted.map((r) => [keyOf(r), r]));
    const merged = [...counted];
    for (const row of rows) {
      const key = {
        facilityId: (row.facility_id as string | undefined) ?? null,
        spaceType: (row.space_type as SpaceType | undefined) ?? null,
        month: (row.month as string | undefined) ?? null,
      };
      const share = {
        openHours: row.open_hours as string,
        usedShare: (row.used_share as number | null) ?? null,
      };
      const found = byKey.get(keyOf(key));
      if (found) Object.assign(found, share);
      else merged.push({ ...key, reservations: 0, hours: '0.00', associations: 0, ...share });
    }
    return merged;
  }
}
