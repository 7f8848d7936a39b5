import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Working group meetings: a WORKING_GROUP event may name the working group (owned by the
 * cooperation subgraph, so a plain id) whose meeting it is. Additive.
 */
export class WorkingGroupMeetings1766000000000 implements MigrationInterface {
  name = 'WorkingGroupMeetings1766000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE events.event ADD COLUMN working_group_id uuid`);
    await db.query(
      `CREATE INDEX event_working_group_idx ON events.event (working_group_id, starts_at, id) WHERE working_group_id IS NOT NULL`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE events.event DROP COLUMN working_group_id`);
  }
}
