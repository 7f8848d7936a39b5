import type { Connection } from '../../core/data';

/** One event's attendance figures, summed from its enrolments and its head count. */
export interface AttendanceRow {
  eventId: string;
  /** People of the enrolled (not waiting, not cancelled) sign-ups. */
  signedUp: number;
  /** People of marked sign-ups who came. */
  came: number;
  /** People of marked sign-ups who did not come. */
  noShows: number;
  /** Enrolled sign-ups not marked yet. */
  unmarked: number;
}

/** All SQL of attendance. Writers hold the event's row lock (EnrolmentRepository.lockEvent). */
export class AttendanceRepository {
  constructor(private readonly db: Connection) {}

  /** Attendance of many events in one statement. */
  async ofEvents(eventIds: readonly string[]): Promise<AttendanceRow[]> {
    const rows: Array<{
      event_id: string;
      signed_up: number;
      came: number;
      no_shows: number;
      unmarked: number;
    }> = await this.db.query(
      `SELECT event_id,
              sum(people)::int AS signed_up,
              coalesce(sum(attended_people), 0)::int AS came,
              coalesce(sum(people - attended_people), 0)::int AS no_shows,
              count(*) FILTER (WHERE attended_people IS NULL)::int AS unmarked
         FROM events.enrolment
        WHERE event_id = ANY($1) AND status = 'ENROLLED'
        GROUP BY event_id`,
      [eventIds],
    );
    return rows.map((r) => ({
      eventId: r.event_id,
      signedUp: r.signed_up,
      came: r.came,
      noShows: r.no_shows,
      unmarked: r.unmarked,
    }));
  }

  /**
   * Marks who came: each listed sign-up's people who came, and the head count (null keeps
   * the one recorded). In the caller's transaction, under the event's row lock.
   */
  async record(
    eventId: string,
    marks: ReadonlyArray<{ enrolmentId: string; came: number }>,
    headCount: number | null,
    by: string,
    at: Date,
  ): Promise<void> {
    if (marks.length > 0) {
      await this.db.query(
        `UPDATE events.enrolment n SET attended_people = m.came, updated_at = now()
           FROM unnest($2::uuid[], $3::int[]) AS m(id, came)
          WHERE n.id = m.id AND n.event_id = $1`,
        [eventId, marks.map((m) => m.enrolmentId), marks.map((m) => m.came)],
      );
    }
    await this.db.query(
      `UPDATE events.event
          SET head_count = coalesce($2, head_count), attendance_recorded_at = $3,
              attendance_recorded_by = $4, updated_at = now()
        WHERE id = $1`,
      [eventId, headCount, at, by],
    );
  }

  /** Whether an association's sign-up to an event is marked as having come. */
  async came(eventId: string, associationId: string): Promise<boolean> {
    const rows: unknown[] = await this.db.query(
      `SELECT 1 FROM events.enrolment
        WHERE event_id = $1 AND association_id = $2 AND status = 'ENROLLED' AND attended_people > 0`,
      [eventId, associationId],
    );
    return rows.length > 0;
  }
}
