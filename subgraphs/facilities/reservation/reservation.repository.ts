import type { DataSource, EntityManager } from 'typeorm';
import { PgErrorCode, pgErrorCode } from '../../core/database';
import {
  type ConnectionResult,
  type KeysetOrder,
  type PageArgs,
  paginate,
} from '../../core/connection';
import { returningRows } from '../../core/database';
import type { Interval } from '../space/availability';
import { Reservation } from './reservation.entity';
import { ReservationOrder, ReservationStatus } from './reservation.enums';

export const RESERVATION_ORDERS: Record<ReservationOrder, KeysetOrder<Reservation>> = {
  [ReservationOrder.STARTS_AT]: {
    name: 'STARTS_AT',
    direction: 'ASC',
    keys: [
      { sql: 'r.starts_at', type: 'timestamp', value: (r) => r.startsAt },
      { sql: 'r.id', type: 'uuid', value: (r) => r.id },
    ],
  },
  [ReservationOrder.STARTS_AT_DESC]: {
    name: 'STARTS_AT_DESC',
    direction: 'DESC',
    keys: [
      { sql: 'r.starts_at', type: 'timestamp', value: (r) => r.startsAt },
      { sql: 'r.id', type: 'uuid', value: (r) => r.id },
    ],
  },
};

export interface ReservationQuery {
  associationIds?: string[];
  spaceIds?: string[];
  serviceAreaIds?: string[];
  statuses?: ReservationStatus[];
  from?: Date | null;
  to?: Date | null;
  awaitingEntryInBookingSystem?: boolean | null;
}

export interface NewReservation {
  spaceId: string;
  associationId: string;
  requestedBy: string;
  startsAt: Date;
  endsAt: Date;
  purpose: string;
  attendees: number | null;
  seasonApplicationId?: string | null;
  /** REQUESTED unless given: a seasonal allocation by staff is CONFIRMED at once. */
  status?: ReservationStatus;
  /** The event whose support request this serves: it may overlap that event's own hold. */
  forEventId?: string | null;
}

/** A time that blocks a request: another reservation's or a booking system's busy time. */
export interface Clash {
  spaceId: string;
  startsAt: Date;
  endsAt: Date;
  kind: 'RESERVATION' | 'BLOCKED';
}

/** All SQL about reservations and the times they hold. */
export class ReservationRepository {
  constructor(private readonly db: DataSource | EntityManager) {}

  reservationsByIds(ids: readonly string[]): Promise<Reservation[]> {
    return this.db
      .getRepository(Reservation)
      .createQueryBuilder('r')
      .where('r.id = ANY(:ids)', { ids })
      .getMany();
  }

  /**
   * Inserts inside a savepoint (call inside a transaction): when the double-booking
   * constraint says no, that insert alone is undone and the transaction goes on; false then.
   */
  async insertUnlessDoubleBooked(values: NewReservation): Promise<boolean> {
    await this.db.query('SAVEPOINT reservation_insert');
    try {
      await this.insert(values);
      await this.db.query('RELEASE SAVEPOINT reservation_insert');
      return true;
    } catch (error) {
      await this.db.query('ROLLBACK TO SAVEPOINT reservation_insert');
      if (pgErrorCode(error) === PgErrorCode.EXCLUSION_VIOLATION) return false;
      throw error;
    }
  }

  async insert(values: NewReservation): Promise<string> {
    const rows: Array<{ id: string }> = await this.db.query(
      `INSERT INTO facilities.reservation
         (space_id, association_id, requested_by, starts_at, ends_at, purpose, attendees, season_application_id, status, for_event_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, COALESCE($9, 'REQUESTED'), $10) RETURNING id`,
      [
        values.spaceId,
        values.associationId,
        values.requestedBy,
        values.startsAt,
        values.endsAt,
        values.purpose,
        values.attendees,
        values.seasonApplicationId ?? null,
        values.status ?? null,
        values.forEventId ?? null,
      ],
    );
    return rows[0].id;
  }

  /**
   * Moves a reservation to a new status only if it is still in one of `from`: two staff
   * deciding at once cannot both win. Returns false when the status had moved on.
   */
  async transition(
    id: string,
    from: readonly ReservationStatus[],
    to: ReservationStatus,
    values: {
      decisionNote?: string | null;
      decidedBy?: string;
      cancelledBy?: string;
      externalId?: string | null;
    },
  ): Promise<boolean> {
    const rows: unknown[] = await this.db.query(
      returningRows(`
        UPDATE facilities.reservation SET
          status = $3,
          decision_note = CASE WHEN $4::boolean THEN $5 ELSE decision_note END,
          decided_by = COALESCE($6, decided_by),
          decided_at = CASE WHEN $6::text IS NULL THEN decided_at ELSE now() END,
          cancelled_by = COALESCE($7, cancelled_by),
          cancelled_at = CASE WHEN $7::text IS NULL THEN cancelled_at ELSE now() END,
          external_id = COALESCE($8, external_id),
          updated_at = now()
        WHERE id = $1 AND status = ANY($2) RETURNING id`),
      [
        id,
        from,
        to,
        values.decisionNote !== undefined,
        values.decisionNote ?? null,
        values.decidedBy ?? null,
        values.cancelledBy ?? null,
        values.externalId ?? null,
      ],
    );
    return rows.length > 0;
  }

  async setExternal(id: string, externalId: string, status: ReservationStatus): Promise<void> {
    await this.db.query(
      `UPDATE facilities.reservation SET external_id = $2, status = $3, updated_at = now() WHERE id = $1`,
      [id, externalId, status],
    );
  }

  /**
   * What holds any unit of the space during [start, end): reservations and blocked times,
   * but for one reservation (when it moves) or one event's hold (its own support request).
   */
  async clashes(
    spaceId: string,
    start: Date,
    end: Date,
    except: { reservationId?: string; eventId?: string } = {},
  ): Promise<Clash[]> {
    const rows: Array<{ space_id: string; starts_at: Date; ends_at: Date; kind: Clash['kind'] }> =
      await this.db.query(
        `SELECT r.space_id, r.starts_at, r.ends_at, 'RESERVATION' AS kind
           FROM facilities.space_unit su
           JOIN facilities.reservation_claim c ON c.unit_id = su.unit_id
           JOIN facilities.reservation r ON r.id = c.reservation_id
          WHERE su.space_id = $1 AND c.during && tstzrange($2, $3) AND r.id IS DISTINCT FROM $4::uuid
         UNION
         SELECT b.space_id, b.starts_at, b.ends_at, 'BLOCKED'
           FROM facilities.space_unit su
           JOIN facilities.space_unit bu ON bu.unit_id = su.unit_id
           JOIN facilities.blocked_time b ON b.space_id = bu.space_id
          WHERE su.space_id = $1 AND b.during && tstzrange($2, $3)
            AND ($5::uuid IS NULL OR b.event_id IS DISTINCT FROM $5::uuid)
         ORDER BY starts_at`,
        [spaceId, start, end, except.reservationId ?? null, except.eventId ?? null],
      );
    return rows.map((r) => ({
      spaceId: r.space_id,
      startsAt: r.starts_at,
      endsAt: r.ends_at,
      kind: r.kind,
    }));
  }

  /**
   * Busy intervals of many spaces in one statement: reservations holding any of a space's
   * units, and blocked times of any space sharing a unit with it (its parts and wholes).
   */
  async busyOfSpaces(
    spaceIds: readonly string[],
    from: Date,
    to: Date,
  ): Promise<Array<Interval & { spaceId: string }>> {
    const rows: Array<{ space_id: string; s: Date; e: Date }> = await this.db.query(
      `SELECT su.space_id, lower(c.during) AS s, upper(c.during) AS e
         FROM facilities.space_unit su
         JOIN facilities.reservation_claim c ON c.unit_id = su.unit_id
        WHERE su.space_id = ANY($1) AND c.during && tstzrange($2, $3)
       UNION
       SELECT su.space_id, b.starts_at, b.ends_at
         FROM facilities.space_unit su
         JOIN facilities.space_unit bu ON bu.unit_id = su.unit_id
         JOIN facilities.blocked_time b ON b.space_id = bu.space_id
        WHERE su.space_id = ANY($1) AND b.during && tstzrange($2, $3)`,
      [spaceIds, from, to],
    );
    return rows.map((r) => ({ spaceId: r.space_id, start: r.s.getTime(), end: r.e.getTime() }));
  }

  /**
   * Busy intervals of one space during [from, to) with whose they are: a claim's holder (a
   * reservation, or the event a hold or a support reservation is for), an event hold's
   * event, or null for a booking system's busy time. An event is kept from a time only by
   * what another holder has (its own hold, old or pending, is no clash); pending holds that
   * lapsed by `now` count for nothing.
   */
  async busyWithHolders(
    spaceId: string,
    from: Date,
    to: Date,
    now: Date,
  ): Promise<Array<Interval & { holder: string | null }>> {
    const rows: Array<{ s: Date; e: Date; holder: string | null }> = await this.db.query(
      `SELECT lower(c.during) AS s, upper(c.during) AS e, c.holder
         FROM facilities.space_unit su
         JOIN facilities.reservation_claim c ON c.unit_id = su.unit_id
         LEFT JOIN facilities.blocked_time h ON h.id = c.hold_id
        WHERE su.space_id = $1 AND c.during && tstzrange($2, $3)
          AND (h.expires_at IS NULL OR h.expires_at > $4)
       UNION
       SELECT b.starts_at, b.ends_at, b.event_id
         FROM facilities.space_unit su
         JOIN facilities.space_unit bu ON bu.unit_id = su.unit_id
         JOIN facilities.blocked_time b ON b.space_id = bu.space_id
        WHERE su.space_id = $1 AND b.during && tstzrange($2, $3)
          AND (b.expires_at IS NULL OR b.expires_at > $4)`,
      [spaceId, from, to, now],
    );
    return rows.map((r) => ({ start: r.s.getTime(), end: r.e.getTime(), holder: r.holder }));
  }

  page(
    query: ReservationQuery,
    order: ReservationOrder,
    args: PageArgs,
  ): Promise<ConnectionResult<Reservation>> {
    const q = this.db.getRepository(Reservation).createQueryBuilder('r').where('TRUE');
    if (query.associationIds)
      q.andWhere('r.association_id = ANY(:associations)', { associations: query.associationIds });
    if (query.spaceIds?.length) q.andWhere('r.space_id = ANY(:spaces)', { spaces: query.spaceIds });
    if (query.statuses?.length)
      q.andWhere('r.status = ANY(:statuses)', { statuses: query.statuses });
    if (query.from) q.andWhere('r.ends_at > :from', { from: query.from });
    if (query.to) q.andWhere('r.starts_at < :to', { to: query.to });
    if (query.serviceAreaIds?.length) {
      q.andWhere(
        `r.space_id IN (SELECT s.id FROM facilities.space s JOIN facilities.facility f ON f.id = s.facility_id
                         WHERE f.service_area_id = ANY(:areas))`,
        { areas: query.serviceAreaIds },
      );
    }
    if (query.awaitingEntryInBookingSystem != null) {
      q.andWhere(
        `(r.status IN ('REQUESTED', 'CONFIRMED') AND r.external_id IS NULL AND EXISTS (
            SELECT 1 FROM facilities.space s WHERE s.id = r.space_id AND s.booking_system = 'TIMMI')) = :awaiting`,
        { awaiting: query.awaitingEntryInBookingSystem },
      );
    }
    return paginate(q, RESERVATION_ORDERS[order], args);
  }
}
