import type { DataSource, EntityManager } from 'typeorm';
import type { BusyTime } from '../../../integrations/booking/types';

export interface LinkedSpace {
  id: string;
  externalId: string;
}

export interface AwaitingReservation {
  id: string;
  spaceId: string;
  startsAt: Date;
  endsAt: Date;
  externalId: string | null;
}

/** All SQL of the booking-system sync. */
export class BookingSyncRepository {
  constructor(private readonly db: DataSource | EntityManager) {}

  async linkedSpaces(kind: string): Promise<LinkedSpace[]> {
    const rows: Array<{ id: string; external_id: string }> = await this.db.query(
      `SELECT id, external_id FROM facilities.space WHERE booking_system = $1 AND external_id IS NOT NULL ORDER BY id`,
      [kind],
    );
    return rows.map((r) => ({ id: r.id, externalId: r.external_id }));
  }

  /**
   * Hub reservations of these spaces the system of record has not settled: requested ones,
   * and ones confirmed in the hub but not yet linked to their booking there.
   */
  async unsettled(spaceIds: readonly string[]): Promise<AwaitingReservation[]> {
    const rows: Array<{
      id: string;
      space_id: string;
      starts_at: Date;
      ends_at: Date;
      external_id: string | null;
    }> = await this.db.query(
      `SELECT id, space_id, starts_at, ends_at, external_id FROM facilities.reservation
          WHERE space_id = ANY($1)
            AND (status = 'REQUESTED' OR (status = 'CONFIRMED' AND external_id IS NULL))
          ORDER BY starts_at`,
      [spaceIds],
    );
    return rows.map((r) => ({
      id: r.id,
      spaceId: r.space_id,
      startsAt: r.starts_at,
      endsAt: r.ends_at,
      externalId: r.external_id,
    }));
  }

  async externalIdsOfReservations(spaceIds: readonly string[]): Promise<Set<string>> {
    const rows: Array<{ external_id: string }> = await this.db.query(
      `SELECT external_id FROM facilities.reservation WHERE space_id = ANY($1) AND external_id IS NOT NULL`,
      [spaceIds],
    );
    return new Set(rows.map((r) => r.external_id));
  }

  /**
   * Copies the system's decision onto the request. Returns the status it had before, or
   * null when it had moved on already (nothing written).
   */
  async settle(id: string, status: string, externalId: string | null): Promise<string | null> {
    const rows: Array<{ before: string }> = await this.db.query(
      `WITH old AS (SELECT status FROM facilities.reservation WHERE id = $1 FOR UPDATE),
       settled AS (UPDATE facilities.reservation
          SET status = $2, external_id = COALESCE($3, external_id), updated_at = now(),
              decided_at = CASE WHEN status = 'REQUESTED' AND $2 IN ('CONFIRMED','REJECTED') THEN now() ELSE decided_at END,
              decided_by = CASE WHEN status = 'REQUESTED' AND $2 IN ('CONFIRMED','REJECTED') THEN 'booking-system' ELSE decided_by END,
              cancelled_at = CASE WHEN $2 = 'CANCELLED' THEN now() ELSE cancelled_at END,
              cancelled_by = CASE WHEN $2 = 'CANCELLED' THEN 'booking-system' ELSE cancelled_by END
        WHERE id = $1 AND (status = 'REQUESTED' OR (status = 'CONFIRMED' AND external_id IS NULL))
        RETURNING 1) SELECT old.status AS before FROM old, settled`,
      [id, status, externalId],
    );
    return rows[0]?.before ?? null;
  }

  /**
   * Makes the space's busy times from this source in [from, to) exactly `busy`: new ones
   * are added, moved ones updated, and ones the system no longer lists removed. Returns
   * how many rows changed, so an unchanged calendar writes nothing.
   */
  async replaceBusyTimes(
    spaceId: string,
    source: string,
    from: Date,
    to: Date,
    busy: readonly BusyTime[],
  ): Promise<{ added: number; removed: number }> {
    const ids = busy.map((b) => b.externalId);
    const removed: unknown[] = await this.db.query(
      `WITH gone AS (DELETE FROM facilities.blocked_time
          WHERE space_id = $1 AND source = $2 AND during && tstzrange($3, $4) AND NOT (external_id = ANY($5))
          RETURNING 1) SELECT * FROM gone`,
      [spaceId, source, from, to, ids],
    );
    let added = 0;
    for (const b of busy) {
      const rows: unknown[] = await this.db.query(
        `WITH up AS (INSERT INTO facilities.blocked_time (space_id, starts_at, ends_at, source, external_id, reason, synced_at)
           VALUES ($1, $2, $3, $4, $5, $6, now())
           ON CONFLICT (space_id, source, external_id) DO UPDATE
             SET starts_at = EXCLUDED.starts_at, ends_at = EXCLUDED.ends_at, reason = EXCLUDED.reason, synced_at = now()
             WHERE facilities.blocked_time.starts_at IS DISTINCT FROM EXCLUDED.starts_at
                OR facilities.blocked_time.ends_at IS DISTINCT FROM EXCLUDED.ends_at
           RETURNING 1) SELECT * FROM up`,
        [spaceId, b.startsAt, b.endsAt, source, b.externalId, b.title ?? null],
      );
      added += rows.length;
    }
    return { added, removed: removed.length };
  }

  async markSynced(spaceIds: readonly string[]): Promise<void> {
    await this.db.query(`UPDATE facilities.space SET last_synced_at = now() WHERE id = ANY($1)`, [
      spaceIds,
    ]);
  }

  async recordAttempt(system: string, error: string | null): Promise<void> {
    await this.db.query(
      `INSERT INTO facilities.sync_state (system, last_attempt_at, last_success_at, last_error)
       VALUES ($1, now(), CASE WHEN $2::text IS NULL THEN now() END, $2)
       ON CONFLICT (system) DO UPDATE SET last_attempt_at = now(), last_error = $2,
         last_success_at = CASE WHEN $2::text IS NULL THEN now() ELSE facilities.sync_state.last_success_at END`,
      [system, error],
    );
  }
}
