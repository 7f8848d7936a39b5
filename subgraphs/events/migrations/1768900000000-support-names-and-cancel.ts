import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Support requests, finished (issue 29, item 3). A part keeps what its owner calls what was
 * asked for (the space, the item, the grant round), told with the owner's answer, so that the
 * summary mail and the request say "Juhlasali" and not only "a space"; and a request can be
 * cancelled as a whole (`cancelled_at`, who cancelled). Additive; null until then.
 */
export class SupportNamesAndCancel1768900000000 implements MigrationInterface {
  name = 'SupportNamesAndCancel1768900000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE events.support_part ADD COLUMN name jsonb`);
    await db.query(
      `ALTER TABLE events.support_request ADD COLUMN cancelled_at timestamptz, ADD COLUMN cancelled_by text`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(
      `ALTER TABLE events.support_request DROP COLUMN cancelled_by, DROP COLUMN cancelled_at`,
    );
    await db.query(`ALTER TABLE events.support_part DROP COLUMN name`);
  }
}
