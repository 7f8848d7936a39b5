import type { Connection } from '../../core/data';

/** A sign-up as the events subgraph last told of it. */
export interface SignUpFact {
  enrolmentId: string;
  eventId: string;
  associationId: string;
  /** ENROLLED, WAITLISTED or CANCELLED. */
  status: string;
  sequence: number;
}

/**
 * This subgraph's copy of who is signed up for which event (`enrolment.changed`), for
 * reminding an event's own people of it, and no one else.
 */
export class SignUpRepository {
  constructor(private readonly db: Connection) {}

  /** Keeps the fact unless a newer one of the same sign-up is already here. */
  async remember(fact: SignUpFact): Promise<void> {
    await this.db.query(
      `INSERT INTO communications.sign_up (enrolment_id, event_id, association_id, status, sequence)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (enrolment_id) DO UPDATE
         SET status = EXCLUDED.status, sequence = EXCLUDED.sequence, updated_at = now()
       WHERE communications.sign_up.sequence <= EXCLUDED.sequence`,
      [fact.enrolmentId, fact.eventId, fact.associationId, fact.status, fact.sequence],
    );
  }

  /** The associations with a place (not waiting, not cancelled) at each of the events. */
  async enrolledIn(eventIds: readonly string[]): Promise<Map<string, string[]>> {
    const rows: Array<{ event_id: string; association_id: string }> = await this.db.query(
      `SELECT event_id, association_id FROM communications.sign_up
        WHERE event_id = ANY($1) AND status = 'ENROLLED'`,
      [eventIds],
    );
    const result = new Map<string, string[]>();
    for (const r of rows)
      result.set(r.event_id, [...(result.get(r.event_id) ?? []), r.association_id]);
    return result;
  }
}
