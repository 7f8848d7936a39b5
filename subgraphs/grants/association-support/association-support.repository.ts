import type { Connection } from '../../core/data';
import { AWARDED_STATUSES, GrantApplicationStatus } from '../application/application.enums';

/** One association's grants of one year: awarded, and of that what was paid. */
export interface GrantSupportRow {
  associationId: string;
  awarded: string;
  paid: string;
  count: number;
}

/** Grants of one year, association and service area (the program's), for statistics. */
export interface GrantFactRow {
  year: number;
  associationId: string;
  serviceAreaId: string | null;
  awarded: string;
  paid: string;
}

/** Grant money per association and year: the grants subgraph's part of an association's support. */
export class AssociationSupportRepository {
  constructor(private readonly db: Connection) {}

  /**
   * The year's awarded grants per association (a grant counts in its round's year, as in
   * `awardedGrants(year:)`); paid is what of it has been paid out.
   */
  grantsOfYear(year: number, associationIds: readonly string[]): Promise<GrantSupportRow[]> {
    return this.sums([year], associationIds, false);
  }

  /**
   * Grant money of `years` per year, association and the program's service area: the
   * grants of support statistics, counted as `grantsOfYear` counts them.
   */
  grantFacts(years: readonly number[]): Promise<GrantFactRow[]> {
    return this.sums(years, null, true);
  }

  private async sums(
    years: readonly number[],
    associationIds: readonly string[] | null,
    byArea: boolean,
  ): Promise<Array<GrantFactRow & { count: number }>> {
    const area = byArea ? 'p.service_area_id' : 'NULL::uuid';
    const rows: Array<{
      year: number;
      association_id: string;
      service_area_id: string | null;
      awarded: string;
      paid: string;
      count: number;
    }> = await this.db.query(
      `SELECT r.year, a.association_id, ${area} AS service_area_id,
              round(sum(a.awarded_amount), 2)::text AS awarded,
              round(coalesce(sum(a.awarded_amount) FILTER (
                WHERE a.paid_at IS NOT NULL OR a.status = ANY($4)), 0), 2)::text AS paid,
              count(*)::int AS count
         FROM grants.grant_application a
         JOIN grants.application_round r ON r.id = a.round_id
         ${byArea ? 'JOIN grants.grant_program p ON p.id = r.program_id' : ''}
        WHERE r.year = ANY($1) AND a.status = ANY($3)
          AND ($2::uuid[] IS NULL OR a.association_id = ANY($2))
        GROUP BY 1, 2, 3`,
      [
        years,
        associationIds,
        [...AWARDED_STATUSES],
        [GrantApplicationStatus.PAID, GrantApplicationStatus.REPORTED],
      ],
    );
    return rows.map((r) => ({
      year: r.year,
      associationId: r.association_id,
      serviceAreaId: r.service_area_id,
      awarded: r.awarded,
      paid: r.paid,
      count: r.count,
    }));
  }
}
