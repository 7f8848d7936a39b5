import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * All-day events: a date range with no clock times (a Linked Events record that gives only
 * dates, a festival weekend). Stored as Helsinki midnight to midnight with `all_day` set, so
 * every time-based filter keeps working; feeds write them as dates. Additive.
 */
export class AllDay1765100000000 implements MigrationInterface {
  name = 'AllDay1765100000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE events.event ADD COLUMN all_day boolean NOT NULL DEFAULT false`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE events.event DROP COLUMN all_day`);
  }
}
