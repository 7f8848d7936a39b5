import type { Connection } from '../../core/data';
import { returningRows } from '../../core/database';
import { ERASED_SUBJECT_PREFIX } from '../../core/personal-data/subject-records';

/** At most this many rows in one statement: a first run over years of data stays short. */
const BATCH = 5_000;
const ERASED = `'${ERASED_SUBJECT_PREFIX}' || t.id::text`;

/**
 * Enrolments and feedback of events that ended before a cutoff, anonymised as an erasure
 * does (events/privacy/personal-data.records.ts): who made them goes; the association, the
 * head count, attendance and the rating stay.
 */
export class EventsRetentionRepository {
  constructor(private readonly db: Connection) {}

  anonymiseEnrolments(endedBefore: Date): Promise<number> {
    return this.inBatches(
      'events.enrolment',
      'enrolled_by',
      `enrolled_by = ${ERASED}`,
      endedBefore,
    );
  }

  anonymiseFeedback(endedBefore: Date): Promise<number> {
    return this.inBatches(
      'events.feedback',
      'respondent',
      `respondent = ${ERASED}, comment = NULL`,
      endedBefore,
    );
  }

  /** Rows of `table` whose event ended before the cutoff and that still name someone. */
  private async inBatches(
    table: string,
    subjectColumn: string,
    set: string,
    endedBefore: Date,
  ): Promise<number> {
    let total = 0;
    for (;;) {
      const rows = (await this.db.query(
        returningRows(
          `UPDATE ${table} t SET ${set}
            WHERE t.id IN (
              SELECT r.id FROM ${table} r JOIN events.event e ON e.id = r.event_id
               WHERE e.ends_at < $1 AND r.${subjectColumn} NOT LIKE '${ERASED_SUBJECT_PREFIX}%'
               LIMIT ${BATCH})
            RETURNING t.id`,
        ),
        [endedBefore],
      )) as unknown[];
      total += rows.length;
      if (rows.length < BATCH) return total;
    }
  }
}
