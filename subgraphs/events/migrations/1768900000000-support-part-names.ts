import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A support request's part keeps what its owner calls what was asked for (the space, the
 * item, the grant round), told with the owner's answer, so that the summary mail and the
 * request say "Juhlasali" and not only "a space". Additive; null until answered.
 */
export class SupportPartNames1768900000000 implements MigrationInterface {
  name = 'SupportPartNames1768900000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE events.support_part ADD COLUMN name jsonb`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE events.support_part DROP COLUMN name`);
  }
}
