import type { MigrationInterface, QueryRunner } from 'typeorm';
import {
  createPersonalDataLog,
  dropPersonalDataLog,
} from '../../core/personal-data/personal-data.migration';

/**
 * Personal data across the federation (issue 33, part 3): the log of GDPR requests, and
 * the grant applications a person wrote and the steps of handling they took, found by their token subject.
 */
export class PersonalData1769100000000 implements MigrationInterface {
  name = 'PersonalData1769100000000';

  async up(db: QueryRunner): Promise<void> {
    await createPersonalDataLog(db, 'grants');
    await db.query(
      `CREATE INDEX grant_application_created_by_idx ON grants.grant_application (created_by)`,
    );
    await db.query(
      `CREATE INDEX grant_application_history_actor_idx ON grants.grant_application_history (actor)`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX grants.grant_application_history_actor_idx`);
    await db.query(`DROP INDEX grants.grant_application_created_by_idx`);
    await dropPersonalDataLog(db, 'grants');
  }
}
