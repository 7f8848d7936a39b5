import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Rounds can now be changed through the graph (updateApplicationRound): an iCalendar
 * SEQUENCE that grows with each change lets subscribed calendars replace a moved deadline.
 * Additive only.
 */
export class RoundSequence1764500000000 implements MigrationInterface {
  name = 'RoundSequence1764500000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `ALTER TABLE grants.application_round ADD COLUMN sequence int NOT NULL DEFAULT 0`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE grants.application_round DROP COLUMN sequence`);
  }
}
