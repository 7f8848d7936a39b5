import type { Connection } from '../../core/data';
import { columnValues, insertSql } from '../../core/sql-writes';
import { Feedback } from './feedback.entity';

/** All SQL about feedback answers. */
export class FeedbackRepository {
  constructor(private readonly db: Connection) {}

  /** One answer; a second one by the same person on the same event fails unique (23505). */
  async insert(values: {
    event_id: string;
    respondent: string | null;
    respondent_role: string;
    association_id: string | null;
    rating: number;
    comment: string | null;
  }): Promise<Feedback> {
    const rows: Array<{ id: string }> = await this.db.query(
      ...insertSql('events.feedback', columnValues(values)),
    );
    return this.db.getRepository(Feedback).findOneByOrFail({ id: rows[0].id });
  }

  /** Every answer on an event, oldest first. */
  ofEvent(eventId: string): Promise<Feedback[]> {
    return this.db
      .getRepository(Feedback)
      .find({ where: { eventId }, order: { createdAt: 'ASC' } });
  }
}
