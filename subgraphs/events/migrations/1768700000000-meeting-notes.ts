import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Working groups that work (issue 32, item 5): a working group's meeting keeps its notes
 * (muistio), in Markdown and the three languages, beside the event. Additive.
 */
export class MeetingNotes1768700000000 implements MigrationInterface {
  name = 'MeetingNotes1768700000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE events.event ADD COLUMN notes jsonb`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE events.event DROP COLUMN notes`);
  }
}
