import type { Connection } from '../../core/data';

/** One association's support in kind in one year, as sums of its confirmed bookings. */
export interface InKindRow {
  associationId: string;
  /** The confirmed reservations and season slots at the spaces' list prices. */
  spaceListValue: string;
  /** What the association was charged for them. */
  spaceCharged: string;
  spaceReservations: number;
  seasonSlots: number;
  /** Hours booked, to two decimals. */
  spaceHours: string;
  /** Confirmed equipment loans at the items' value. */
  equipmentLent: string;
  equipmentLoans: number;
}

/** One association's support in kind in a year from one service area's facilities or equipment. */
export type InKindAreaRow = InKindRow & {
  /** The service area of the facility or of the lending; null when it has none. */
  serviceAreaId: string | null;
};

/**
 * Sums of what the city gave in kind. A reservation, season slot or loan counts in the
 * Helsinki year it starts, once confirmed (a cancelled one no longer counts); its price and
 * value were frozen when it was confirmed (migration 1769000000000).
 */
export class InKindRepository {
  constructor(private readonly db: Connection) {}

  /**
   * The year's sums per association: of `associationIds`, or of every association with any
   * (each row's service area is null: not grouped by it).
   */
  ofYear(year: number, associationIds: readonly string[] | null): Promise<InKindRow[]> {
    return this.sums(year, associationIds, false);
  }

  /** The year's sums per association and the service area that gave them, for statistics. */
  byServiceArea(year: number): Promise<InKindAreaRow[]> {
    return this.sums(year, null, true);
  }

  private async sums(
    year: number,
    associationIds: readonly string[] | null,
    byArea: boolean,
  ): Promise<InKindAreaRow[]> {
    // By area: the facility's service area for a space, the lending area for equipment.
    const spaceArea = byArea ? 'f.service_area_id' : 'NULL::uuid';
    const loanArea = byArea ? 'i.service_area_id' : 'NULL::uuid';
    const rows: Array<Record<string, string>> = await this.db.query(
      `WITH bounds AS (
         SELECT make_timestamptz($1, 1, 1, 0, 0, 0, 'Europe/Helsinki') AS starts,
                make_timestamptz($1 + 1, 1, 1, 0, 0, 0, 'Europe/Helsinki') AS ends
       ), spaces AS (
         SELECT r.association_id, ${spaceArea} AS service_area_id,
                sum(r.list_price) AS list_value,
                sum(r.charged) AS charged,
                count(*) FILTER (WHERE r.season_application_id IS NULL) AS reservations,
                count(*) FILTER (WHERE r.season_application_id IS NOT NULL) AS season_slots,
                sum(extract(epoch FROM r.ends_at - r.starts_at)) / 3600 AS hours
           FROM facilities.reservation r
           CROSS JOIN bounds b
           ${byArea ? 'JOIN facilities.space s ON s.id = r.space_id JOIN facilities.facility f ON f.id = s.facility_id' : ''}
          WHERE r.status = 'CONFIRMED' AND r.starts_at >= b.starts AND r.starts_at < b.ends
            AND ($2::uuid[] IS NULL OR r.association_id = ANY($2))
          GROUP BY 1, 2
       ), loans AS (
         SELECT e.association_id, ${loanArea} AS service_area_id,
                sum(e.lent_value) AS lent, count(*) AS loans
           FROM facilities.equipment_reservation e
           CROSS JOIN bounds b
           ${byArea ? 'JOIN facilities.equipment_item i ON i.id = e.item_id' : ''}
          WHERE e.status = 'CONFIRMED' AND e.starts_at >= b.starts AND e.starts_at < b.ends
            AND ($2::uuid[] IS NULL OR e.association_id = ANY($2))
          GROUP BY 1, 2
       )
       SELECT coalesce(s.association_id, l.association_id) AS association_id,
              coalesce(s.service_area_id, l.service_area_id) AS service_area_id,
              round(coalesce(s.list_value, 0), 2)::text AS space_list_value,
              round(coalesce(s.charged, 0), 2)::text AS space_charged,
              coalesce(s.reservations, 0)::int AS space_reservations,
              coalesce(s.season_slots, 0)::int AS season_slots,
              round(coalesce(s.hours, 0), 2)::text AS space_hours,
              round(coalesce(l.lent, 0), 2)::text AS equipment_lent,
              coalesce(l.loans, 0)::int AS equipment_loans
         FROM spaces s
         -- A missing area is no area on both sides: NULL must meet NULL here.
         FULL JOIN loans l ON l.association_id = s.association_id
                          AND l.service_area_id IS NOT DISTINCT FROM s.service_area_id
        ORDER BY 1, 2`,
      [year, associationIds],
    );
    return rows.map((r) => ({
      associationId: r.association_id,
      serviceAreaId: r.service_area_id,
      spaceListValue: r.space_list_value,
      spaceCharged: r.space_charged,
      spaceReservations: Number(r.space_reservations),
      seasonSlots: Number(r.season_slots),
      spaceHours: r.space_hours,
      equipmentLent: r.equipment_lent,
      equipmentLoans: Number(r.equipment_loans),
    }));
  }
}
