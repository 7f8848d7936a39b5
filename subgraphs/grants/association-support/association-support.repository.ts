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
  async grantsOfYear(year: number, associationIds: readonly string[]): Promise<GrantSupportRow[]> {
    const rows: Array<{ association_id: string; awarded: string; paid: string; count: number }> =
      await this.db.query(
        `SELECT a.association_id,
                round(sum(a.awarded_amount), 2)::text AS awarded,
                round(coalesce(sum(a.awarded_amount) FILTER (
                  WHERE a.paid_at IS NOT NULL OR a.status = ANY($4)), 0), 2)::text AS paid,
                count(*)::int AS count
           FROM grants.grant_application a
           JOIN grants.application_round r ON r.id = a.round_id
          WHERE a.association_id = ANY($1) AND r.year = $2 AND a.status = ANY($3)
          GROUP BY a.association_id`,
        [
          associationIds,
          year,
          [...AWARDED_STATUSES],
          [GrantApplicationStatus.PAID, GrantApplicationStatus.REPORTED],
        ],
      );
    return rows.map((r) => ({
      associationId: r.association_id,
      awarded: r.awarded,
      paid: r.paid,
      count: r.count,
    }));
  }

  /**
   * Grant money of `years` per year, association and the program's service area: the
   * grants of support statistics (the same conditions as `grantsOfYear`).
   */
  async grantFacts(years: readonly number[]): Promise<GrantFactRow[]> {
    const rows: Array<{
      year: number;
      association_id: string;
      service_area_id: string | null;
      awarded: string;
      paid: string;
    }> = await this.db.query(
      `SELECT r.year, a.association_id, p.service_area_id,
              round(sum(a.awarded_amount), 2)::text AS awarded,
              round(coalesce(sum(a.awarded_amount) FILTER (
                WHERE a.paid_at IS NOT NULL OR a.status = ANY($3)), 0), 2)::text AS paid
         FROM grants.grant_application a
         JOIN grants.application_round r ON r.id = a.round_id
         JOIN grants.grant_program p ON p.id = r.program_id
        WHERE r.year = ANY($1) AND a.status = ANY($2)
        GROUP BY r.year, a.association_id, p.service_area_id`,
      [
        years,
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
    }));
  }
}
