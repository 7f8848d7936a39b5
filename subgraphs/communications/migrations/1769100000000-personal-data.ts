import type { MigrationInterface, QueryRunner } from 'typeorm';
import {
  createPersonalDataLog,
  dropPersonalDataLog,
} from '../../core/personal-data/personal-data.migration';

/**
 * Personal data across the federation (issue 33, part 3): the log of GDPR requests;
 * subscriptions found by the subject who made them (those to an address have an index
 * already); and those never confirmed, by age, for retention.
 */
export class PersonalData1769100000000 implements MigrationInterface {
  name = 'PersonalData1769100000000';

  async up(db: QueryRunner): Promise<void> {
    await createPersonalDataLog(db, 'communications');
    await db.query(
      `CREATE INDEX subscription_created_by_idx ON communications.subscription (created_by) WHERE created_by IS NOT NULL`,
    );
    // Retention finds the subscriptions never confirmed by the day they were asked for.
    await db.query(
      `CREATE INDEX subscription_unconfirmed_idx ON communications.subscription (created_at) WHERE confirmed_at IS NULL AND ended_at IS NULL`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX communications.subscription_unconfirmed_idx`);
    await db.query(`DROP INDEX communications.subscription_created_by_idx`);
    await dropPersonalDataLog(db, 'communications');
  }
}
