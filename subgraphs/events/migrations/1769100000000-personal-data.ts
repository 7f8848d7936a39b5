import type { MigrationInterface, QueryRunner } from 'typeorm';
import {
  createPersonalDataLog,
  dropPersonalDataLog,
} from '../../core/personal-data/personal-data.migration';

/**
 * Personal data across the federation (issue 33, part 3): the log of GDPR requests, and the
 * person's enrolments, feedback and support requests found by their token subject.
 */
export class PersonalData1769100000000 implements MigrationInterface {
  name = 'PersonalData1769100000000';

  async up(db: QueryRunner): Promise<void> {
    await createPersonalDataLog(db, 'events');
    await db.query(`CREATE INDEX enrolment_enrolled_by_idx ON events.enrolment (enrolled_by)`);
    await db.query(`CREATE INDEX feedback_respondent_idx ON events.feedback (respondent)`);
    await db.query(
      `CREATE INDEX support_request_requested_by_idx ON events.support_request (requested_by)`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX events.support_request_requested_by_idx`);
    await db.query(`DROP INDEX events.feedback_respondent_idx`);
    await db.query(`DROP INDEX events.enrolment_enrolled_by_idx`);
    await dropPersonalDataLog(db, 'events');
  }
}
