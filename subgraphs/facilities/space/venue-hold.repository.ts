import type { Connection } from '../../core/data';

/** One event's time at a space, as a hold claims it. */
export interface HoldTime {
  eventId: string;
  startsAt: Date;
  endsAt: Date;
}

/**
 * The SQL of events' holds on spaces (busy times with source EVENT). A hold claims the
 * space's units under the reservations' exclusion constraint (migration 1768900000000), so
 * inserting one that overlaps another holder's claim fails with an exclusion violation:
 * callers run these inside a transaction and read that as "taken meanwhile".
 */
export class VenueHoldRepository {
  constructor(private readonly db: Connection) {}

  /** Pending holds this caller still has: a bound on what one account can keep held. */
  async pendingOf(heldBy: string, now: Date): Promise<number> {
    const rows: Array<{ n: number }> = await this.db.query(
      `SELECT count(*)::int AS n FROM facilities.blocked_time
        WHERE source = 'EVENT' AND held_by = $1 AND expires_at > $2`,
      [heldBy, now],
    );
    return rows[0].n;
  }

  /**
   * Removes pending holds that have lapsed on any unit of the space (their event was never
   * written), so that they stop claiming the time. Returns the spaces whose busy time changed.
   */
  async dropLapsed(spaceId: string, now: Date): Promise<string[]> {
    const rows: Array<{ space_id: string }> = await this.db.query(
      `DELETE FROM facilities.blocked_time b
        USING facilities.space_unit su, facilities.space_unit bu
        WHERE su.space_id = $1 AND bu.unit_id = su.unit_id AND b.space_id = bu.space_id
          AND b.expires_at <= $2
       RETURNING b.space_id`,
      [spaceId, now],
    );
    return [...new Set(rows.map((r) => r.space_id))];
  }

  /** Removes every pending hold that lapsed by `now`; returns the spaces they were on. */
  async dropAllLapsed(now: Date): Promise<string[]> {
    const rows: Array<{ space_id: string }> = await this.db.query(
      `DELETE FROM facilities.blocked_time WHERE expires_at <= $1 RETURNING space_id`,
      [now],
    );
    return [...new Set(rows.map((r) => r.space_id))];
  }

  /** Pending holds, one per event; they lapse at `expiresAt` unless made firm first. */
  async insertPending(
    spaceId: string,
    holds: readonly HoldTime[],
    reason: string,
    heldBy: string,
    expiresAt: Date,
  ): Promise<void> {
    await this.db.query(
      `INSERT INTO facilities.blocked_time
         (space_id, starts_at, ends_at, source, external_id, reason, event_id, expires_at, held_by)
       SELECT $1, h.starts_at, h.ends_at, 'EVENT', 'pending:' || gen_random_uuid(), $2, h.event_id, $3, $4
         FROM unnest($5::uuid[], $6::timestamptz[], $7::timestamptz[]) AS h (event_id, starts_at, ends_at)`,
      [
        spaceId,
        reason,
        expiresAt,
        heldBy,
        holds.map((h) => h.eventId),
        holds.map((h) => h.startsAt),
        holds.map((h) => h.endsAt),
      ],
    );
  }

  /** Removes an event's firm hold; returns the space it was on, if any. */
  async releaseFirm(eventId: string): Promise<string[]> {
    const rows: Array<{ space_id: string }> = await this.db.query(
      `DELETE FROM facilities.blocked_time
        WHERE event_id = $1 AND expires_at IS NULL RETURNING space_id`,
      [eventId],
    );
    return rows.map((r) => r.space_id);
  }

  /**
   * Makes the event's hold firm at the space and time it has now. The pending hold made for
   * exactly this goes (it is superseded), as do the event's lapsed ones; a pending hold for
   * another time stays until its own change arrives or it lapses. Returns the space, or
   * nothing when the space does not exist.
   */
  async holdFirm(
    spaceId: string,
    hold: HoldTime,
    reason: string | null,
    now: Date,
  ): Promise<string[]> {
    await this.db.query(
      `DELETE FROM facilities.blocked_time
        WHERE event_id = $1 AND expires_at IS NOT NULL
          AND (expires_at <= $5 OR (space_id = $2 AND starts_at = $3 AND ends_at = $4))`,
      [hold.eventId, spaceId, hold.startsAt, hold.endsAt, now],
    );
    const rows: Array<{ space_id: string }> = await this.db.query(
      `INSERT INTO facilities.blocked_time (space_id, starts_at, ends_at, source, external_id, reason, event_id)
       SELECT $1, $2, $3, 'EVENT', $4::text, $5, $4::uuid WHERE EXISTS (SELECT 1 FROM facilities.space WHERE id = $1)
       RETURNING space_id`,
      [spaceId, hold.startsAt, hold.endsAt, hold.eventId, reason],
    );
    return rows.map((r) => r.space_id);
  }
}
