import type { MigrationInterface, QueryRunner } from 'typeorm';
import {
  createPersonalDataLog,
  dropPersonalDataLog,
} from '../../core/personal-data/personal-data.migration';

/**
 * Personal data across the federation (issue 33, part 3): the log of GDPR requests, and
 * a staff member's survey answers, by token subject, and working-group members, by address.
 */
export class PersonalData1769100000000 implements MigrationInterface {
  name = 'PersonalData1769100000000';

  async up(db: QueryRunner): Promise<void> {
    await createPersonalDataLog(db, 'cooperation');
    await db.query(
      `CREATE INDEX survey_response_respondent_idx ON cooperation.survey_response (respondent_key)`,
    );
    await db.query(
      `CREATE INDEX working_group_member_email_idx ON cooperation.working_group_member (lower(email)) WHERE email IS NOT NULL`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX cooperation.working_group_member_email_idx`);
    await db.query(`DROP INDEX cooperation.survey_response_respondent_idx`);
    await dropPersonalDataLog(db, 'cooperation');
  }
}
