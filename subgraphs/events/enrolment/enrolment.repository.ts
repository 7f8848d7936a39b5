import type { DataSource, EntityManager } from 'typeorm';
import { Enrolment } from './enrolment.entity';
import { EnrolmentStatus } from './enrolment.enums';

/** All SQL about enrolments. Callers hold the event's row lock while they change them. */
export class EnrolmentRepository {
  constructor(private readonly db: DataSource | EntityManager) {}

  findById(id: string): Promise<Enrolment | null> {
    return this.db.getRepository(Enrolment).findOneBy({ id });
  }

  /** Locks the event: sign-ups and cancellations of one event happen one at a time. */
  async lockEvent(eventId: string): Promise<{ capacity: number | null } | null> {
    const rows: Array<{ capacity: number | null }> = await this.db.query(
      'SELECT capacity FROM events.event WHERE id = $1 FOR UPDATE',
      [eventId],
    );
    return rows[0] ?? null;
  }

  async active(eventId: string): Promise<Enrolment[]> {
    return this.db
      .getRepository(Enrolment)
      .createQueryBuilder('n')
      .where('n.event_id = :eventId', { eventId })
      .andWhere(`n.status <> 'CANCELLED'`)
      .orderBy('n.created_at')
      .addOrderBy('n.id')
      .getMany();
  }

  async insert(values: {
    eventId: string;
    associationId: string;
    enrolledBy: string;
    people: number;
    status: EnrolmentStatus;
  }): Promise<string> {
    const rows: Array<{ id: string }> = await this.db.query(
      `INSERT INTO events.enrolment (event_id, association_id, enrolled_by, people, status)
       VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [values.eventId, values.associationId, values.enrolledBy, values.people, values.status],
    );
    return rows[0].id;
  }

  async setStatus(ids: readonly string[], status: EnrolmentStatus): Promise<void> {
    if (ids.length === 0) return;
    await this.db.query(
      `UPDATE events.enrolment SET status = $2, updated_at = now() WHERE id = ANY($1)`,
      [ids, status],
    );
  }

  /** The sign-ups of many events, enrolled and waiting first, each in sign-up order. */
  ofEvents(eventIds: readonly string[]): Promise<Enrolment[]> {
    return this.db
      .getRepository(Enrolment)
      .createQueryBuilder('n')
      .where('n.event_id = ANY(:eventIds)', { eventIds })
      .orderBy(`n.status = 'CANCELLED'`)
      .addOrderBy('n.created_at')
      .addOrderBy('n.id')
      .getMany();
  }

  ofAssociations(associationIds: readonly string[]): Promise<Enrolment[]> {
    return this.db
      .getRepository(Enrolment)
      .createQueryBuilder('n')
      .where('n.association_id = ANY(:ids)', { ids: associationIds })
      .orderBy('n.created_at', 'DESC')
      .getMany();
  }
}
