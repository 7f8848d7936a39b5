import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Edit versions (issue 28, item 12): every change raises a row's version by one, and an
 * update names the version its author read (core/versioning.ts). Existing rows start at 1.
 * A trigger raises it at every UPDATE of the row, whatever code path writes (a status change,
 * a decision, an import), so a version never stays while the row moves on. (No WHEN clause
 * comparing OLD and NEW: a BEFORE trigger cannot see generated columns, and the writers
 * already skip an UPDATE that would change nothing.)
 * A space's trigger skips the booking sync's own stamp (last_synced_at), for the same reason.
 * Additive: a column with a default, no rewrite of the table.
 */
export class EditVersions1768000000000 implements MigrationInterface {
  name = 'EditVersions1768000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE facilities.facility ADD COLUMN version integer NOT NULL DEFAULT 1`);
    await db.query(`ALTER TABLE facilities.space ADD COLUMN version integer NOT NULL DEFAULT 1`);
    await db.query(`
      CREATE FUNCTION facilities.raise_version() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.version := OLD.version + 1;
        RETURN NEW;
      END $$`);
    await db.query(
      `CREATE TRIGGER facility_version BEFORE UPDATE ON facilities.facility FOR EACH ROW EXECUTE FUNCTION facilities.raise_version()`,
    );
    await db.query(
      `CREATE TRIGGER space_version BEFORE UPDATE ON facilities.space FOR EACH ROW WHEN (OLD.last_synced_at IS NOT DISTINCT FROM NEW.last_synced_at) EXECUTE FUNCTION facilities.raise_version()`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TRIGGER facility_version ON facilities.facility`);
    await db.query(`DROP TRIGGER space_version ON facilities.space`);
    await db.query(`DROP FUNCTION facilities.raise_version()`);
    await db.query(`ALTER TABLE facilities.facility DROP COLUMN version`);
    await db.query(`ALTER TABLE facilities.space DROP COLUMN version`);
  }
}
