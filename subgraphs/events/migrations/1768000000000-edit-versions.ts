import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Edit versions (issue 28, item 12): every change raises a row's version by one, and an
 * update names the version its author read (core/versioning.ts). Existing rows start at 1.
 * A trigger raises it at every UPDATE of the row, whatever code path writes (a status change,
 * a decision, an import), so a version never stays while the row moves on. (No WHEN clause
 * comparing OLD and NEW: a BEFORE trigger cannot see generated columns, and the writers
 * already skip an UPDATE that would change nothing.)
 * Additive: a column with a default, no rewrite of the table.
 */
export class EditVersions1768000000000 implements MigrationInterface {
  name = 'EditVersions1768000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE events.event ADD COLUMN version integer NOT NULL DEFAULT 1`);
    await db.query(`ALTER TABLE events.milestone ADD COLUMN version integer NOT NULL DEFAULT 1`);
    await db.query(`
      CREATE FUNCTION events.raise_version() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.version := OLD.version + 1;
        RETURN NEW;
      END $$`);
    await db.query(
      `CREATE TRIGGER event_version BEFORE UPDATE ON events.event FOR EACH ROW EXECUTE FUNCTION events.raise_version()`,
    );
    await db.query(
      `CREATE TRIGGER milestone_version BEFORE UPDATE ON events.milestone FOR EACH ROW EXECUTE FUNCTION events.raise_version()`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TRIGGER event_version ON events.event`);
    await db.query(`DROP TRIGGER milestone_version ON events.milestone`);
    await db.query(`DROP FUNCTION events.raise_version()`);
    await db.query(`ALTER TABLE events.event DROP COLUMN version`);
    await db.query(`ALTER TABLE events.milestone DROP COLUMN version`);
  }
}
