import type { Connection } from '../../core/data';
import type { AssociationProfile } from '../../core/association-directory';
import { AWARDED_STATUSES } from '../application/application.enums';
import { type AwardQuery, awardCondition } from '../award/award.repository';
import { GrantGrouping } from './statistics.types';

export interface StatisticsRow {
  total: boolean;
  d_year: number | null;
  d_program: string | null;
  d_kind: string | null;
  d_area: string | null;
  d_association: string | null;
  d_municipality: string | null;
  d_association_kind: string | null;
  application_count: number;
  awarded_count: number;
  requested_total: string;
  awarded_total: string;
  median_award: string | null;
  largest_award: string | null;
}

const DIMENSIONS: Record<GrantGrouping, { column: string; expr: string; type: string }> = {
  [GrantGrouping.YEAR]: { column: 'd_year', expr: 'r.year', type: 'int' },
  [GrantGrouping.PROGRAM]: { column: 'd_program', expr: 'p.id', type: 'uuid' },
  [GrantGrouping.KIND]: { column: 'd_kind', expr: 'p.kind', type: 'text' },
  [GrantGrouping.SERVICE_AREA]: { column: 'd_area', expr: 'p.service_area_id', type: 'uuid' },
  [GrantGrouping.ASSOCIATION]: { column: 'd_association', expr: 'a.association_id', type: 'uuid' },
  // From the applicants' profiles (the associations subgraph's), joined in as a recordset.
  [GrantGrouping.MUNICIPALITY]: {
    column: 'd_municipality',
    expr: 'prof.municipality_code',
    type: 'text',
  },
  [GrantGrouping.ASSOCIATION_KIND]: {
    column: 'd_association_kind',
    expr: 'prof.kind',
    type: 'text',
  },
};

/** The columns that come from applicant profiles: NULL when no profiles are joined. */
const FROM_PROFILES = new Set(['d_municipality', 'd_association_kind']);

const figures = (rn: string, n: string) => `
       count(*)::int AS application_count,
       (count(*) FILTER (WHERE awarded))::int AS awarded_count,
       coalesce(sum(requested_amount), 0)::numeric(16,2)::text AS requested_total,
       coalesce(sum(awarded_amount) FILTER (WHERE awarded), 0)::numeric(16,2)::text AS awarded_total,
       round(avg(awarded_amount) FILTER (WHERE awarded AND ${rn} IN ((${n} + 1) / 2, (${n} + 2) / 2)), 2)::text AS median_award,
       (max(awarded_amount) FILTER (WHERE awarded))::text AS largest_award`;

/**
 * Grant statistics in one SQL statement: the groups and the total from one pass over the
 * filtered applications. Sums are numeric; the median is the middle award (the mean of
 * the two middle ones for an even count), found by ranking awards within each group.
 */
export class GrantStatisticsRepository {
  constructor(private readonly db: Connection) {}

  async statistics(
    groupBy: readonly GrantGrouping[],
    query: AwardQuery,
    profiles?: ReadonlyMap<string, AssociationProfile>,
  ): Promise<StatisticsRow[]> {
    const dims = [...new Set(groupBy)].map((g) => DIMENSIONS[g]);
    const all = Object.values(DIMENSIONS);
    const condition = awardCondition(query);
    const partition = dims.length ? `PARTITION BY ${dims.map((d) => d.column).join(', ')}` : '';
    const groupedSelect = all
      .map((d) => (dims.includes(d) ? d.column : `NULL::${d.type} AS ${d.column}`))
      .join(', ');
    const totalSelect = all.map((d) => `NULL::${d.type} AS ${d.column}`).join(', ');
    const grouped = dims.length
      ? `SELECT false AS total, ${groupedSelect}, ${figures('g_rn', 'g_n')}
           FROM ranked GROUP BY ${dims.map((d) => d.column).join(', ')}
         UNION ALL`
      : '';
    const sql = `
      WITH base AS (
        SELECT ${all
          .map((d) =>
            !profiles && FROM_PROFILES.has(d.column)
              ? `NULL::${d.type} AS ${d.column}`
              : `${d.expr} AS ${d.column}`,
          )
          .join(', ')},
               a.requested_amount, a.awarded_amount,
               a.status IN (:...awardedStatuses) AS awarded
          FROM grants.grant_application a
          JOIN grants.application_round r ON r.id = a.round_id
          JOIN grants.grant_program p ON p.id = r.program_id
          ${profiles ? `LEFT JOIN jsonb_to_recordset(:profiles::jsonb) AS prof(association_id uuid, municipality_code text, kind text) ON prof.association_id = a.association_id` : ''}
         WHERE a.status NOT IN ('DRAFT', 'WITHDRAWN') AND ${condition.sql}
      ), ranked AS (
        SELECT base.*,
               row_number() OVER (PARTITION BY ${dims.map((d) => `${d.column}, `).join('')}awarded ORDER BY awarded_amount) AS g_rn,
               count(*) FILTER (WHERE awarded) OVER (${partition}) AS g_n,
               row_number() OVER (PARTITION BY awarded ORDER BY awarded_amount) AS t_rn,
               count(*) FILTER (WHERE awarded) OVER () AS t_n
          FROM base
      )
      ${grouped}
      SELECT true AS total, ${totalSelect}, ${figures('t_rn', 't_n')} FROM ranked
      ORDER BY total, ${all.map((d) => `${d.column} NULLS FIRST`).join(', ')}`;
    // The pool and a transaction's manager reach the driver differently.
    const driver = 'driver' in this.db ? this.db.driver : this.db.connection.driver;
    const [text, params] = driver.escapeQueryWithParameters(
      sql,
      {
        ...condition.params,
        awardedStatuses: [...AWARDED_STATUSES],
        ...(profiles
          ? {
              profiles: JSON.stringify(
                [...profiles].map(([id, p]) => ({
                  association_id: id,
                  municipality_code: p.municipalityCode,
                  kind: p.kind,
                })),
              ),
            }
          : {}),
      },
      {},
    );
    return this.db.query(text, params);
  }
}
