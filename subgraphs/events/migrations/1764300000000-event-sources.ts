import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Events imported from elsewhere (Linked Events) are matched by their source id. Additive. */
export class EventSources1764300000000 implements MigrationInterface {
  name = 'EventSources1764300000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE events.event
        ADD COLUMN source text,
        ADD COLUMN source_id text,
        ADD COLUMN source_modified_at timestamptz`);
    await db.query(
      `CREATE UNIQUE INDEX event_source_idx ON events.event (source, source_id) WHERE source_id IS NOT NULL`,
    );
    await db.query(`
      CREATE TABLE events.import_state (
        source text PRIMARY KEY,
        modified_since timestamptz,
        last_run_at timestamptz,
        last_error text
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE events.import_state`);
    await db.query(`DROP INDEX events.event_source_idx`);
    await db.query(
      `ALTER TABLE events.event DROP COLUMN source, DROP COLUMN source_id, DROP COLUMN source_modified_at`,
    );
  }
}
