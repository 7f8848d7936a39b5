import type { MigrationInterface, QueryRunner } from 'typeorm';
import {
  createPersonalDataLog,
  dropPersonalDataLog,
} from '../../core/personal-data/personal-data.migration';

/**
 * Personal data across the federation (issue 33, part 3): the log of GDPR requests, and
 * the reservations, season applications and equipment loans a person asked for, found by their token subject.
 */
export class PersonalData1769100000000 implements MigrationInterface {
  name = 'PersonalData1769100000000';

  async up(db: QueryRunner): Promise<void> {
    await createPersonalDataLog(db, 'facilities');
    await db.query(
      `CREATE INDEX reservation_requested_by_idx ON facilities.reservation (requested_by)`,
    );
    await db.query(
      `CREATE INDEX reservation_decided_by_idx ON facilities.reservation (decided_by) WHERE decided_by IS NOT NULL`,
    );
    await db.query(
      `CREATE INDEX season_application_applied_by_idx ON facilities.season_application (applied_by)`,
    );
    await db.query(
      `CREATE INDEX equipment_reservation_requested_by_idx ON facilities.equipment_reservation (requested_by)`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX facilities.equipment_reservation_requested_by_idx`);
    await db.query(`DROP INDEX facilities.season_application_applied_by_idx`);
    await db.query(`DROP INDEX facilities.reservation_decided_by_idx`);
    await db.query(`DROP INDEX facilities.reservation_requested_by_idx`);
    await dropPersonalDataLog(db, 'facilities');
  }
}
