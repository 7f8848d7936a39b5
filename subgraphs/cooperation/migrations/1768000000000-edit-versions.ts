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
    await db.query(`ALTER TABLE cooperation.survey ADD COLUMN version integer NOT NULL DEFAULT 1`);
    await db.query(
      `ALTER TABLE cooperation.working_group ADD COLUMN version integer NOT NULL DEFAULT 1`,
    );
    await db.query(
      `ALTER TABLE cooperation.working_group_member ADD COLUMN version integer NOT NULL DEFAULT 1`,
    );
    await db.query(
      `ALTER TABLE cooperation.plan_item ADD COLUMN version integer NOT NULL DEFAULT 1`,
    );
    await db.query(`
      CREATE FUNCTION cooperation.raise_version() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.version := OLD.version + 1;
        RETURN NEW;
      END $$`);
    await db.query(
      `CREATE TRIGGER survey_version BEFORE UPDATE ON cooperation.survey FOR EACH ROW EXECUTE FUNCTION cooperation.raise_version()`,
    );
    await db.query(
      `CREATE TRIGGER working_group_version BEFORE UPDATE ON cooperation.working_group FOR EACH ROW EXECUTE FUNCTION cooperation.raise_version()`,
    );
    await db.query(
      `CREATE TRIGGER working_group_member_version BEFORE UPDATE ON cooperation.working_group_member FOR EACH ROW EXECUTE FUNCTION cooperation.raise_version()`,
    );
    await db.query(
      `CREATE TRIGGER plan_item_version BEFORE UPDATE ON cooperation.plan_item FOR EACH ROW EXECUTE FUNCTION cooperation.raise_version()`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TRIGGER survey_version ON cooperation.survey`);
    await db.query(`DROP TRIGGER working_group_version ON cooperation.working_group`);
    await db.query(`DROP TRIGGER working_group_member_version ON cooperation.working_group_member`);
    await db.query(`DROP TRIGGER plan_item_version ON cooperation.plan_item`);
    await db.query(`DROP FUNCTION cooperation.raise_version()`);
    await db.query(`ALTER TABLE cooperation.survey DROP COLUMN version`);
    await db.query(`ALTER TABLE cooperation.working_group DROP COLUMN version`);
    await db.query(`ALTER TABLE cooperation.working_group_member DROP COLUMN version`);
    await db.query(`ALTER TABLE cooperation.plan_item DROP COLUMN version`);
  }
}
