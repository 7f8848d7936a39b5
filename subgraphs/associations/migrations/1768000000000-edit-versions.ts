import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Edit versions (issue 28, item 12): every change raises a row's version by one, and an
 * update names the version its author read (core/versioning.ts). Existing rows start at 1.
 * A trigger raises it at every UPDATE of the row, whatever code path writes (a status change,
 * a decision, an import), so a version never stays while the row moves on. (No WHEN clause
 * comparing OLD and NEW: a BEFORE trigger cannot see generated columns, and the writers
 * already skip an UPDATE that would change nothing.)
 * The association is raised by its own writes instead of a trigger: the search indexer
 * rewrites its rows in the background, which is no edit and must not make an editor's
 * version stale.
 * Additive: a column with a default, no rewrite of the table.
 */
export class EditVersions1768000000000 implements MigrationInterface {
  name = 'EditVersions1768000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `ALTER TABLE associations.association ADD COLUMN version integer NOT NULL DEFAULT 1`,
    );
    await db.query(
      `ALTER TABLE associations.contact_person ADD COLUMN version integer NOT NULL DEFAULT 1`,
    );
    await db.query(
      `ALTER TABLE associations.activity ADD COLUMN version integer NOT NULL DEFAULT 1`,
    );
    await db.query(
      `ALTER TABLE associations.category ADD COLUMN version integer NOT NULL DEFAULT 1`,
    );
    await db.query(
      `ALTER TABLE associations.service_area ADD COLUMN version integer NOT NULL DEFAULT 1`,
    );
    await db.query(
      `ALTER TABLE associations.city_liaison ADD COLUMN version integer NOT NULL DEFAULT 1`,
    );
    await db.query(`
      CREATE FUNCTION associations.raise_version() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.version := OLD.version + 1;
        RETURN NEW;
      END $$`);
    await db.query(
      `CREATE TRIGGER contact_person_version BEFORE UPDATE ON associations.contact_person FOR EACH ROW EXECUTE FUNCTION associations.raise_version()`,
    );
    await db.query(
      `CREATE TRIGGER activity_version BEFORE UPDATE ON associations.activity FOR EACH ROW EXECUTE FUNCTION associations.raise_version()`,
    );
    await db.query(
      `CREATE TRIGGER category_version BEFORE UPDATE ON associations.category FOR EACH ROW EXECUTE FUNCTION associations.raise_version()`,
    );
    await db.query(
      `CREATE TRIGGER service_area_version BEFORE UPDATE ON associations.service_area FOR EACH ROW EXECUTE FUNCTION associations.raise_version()`,
    );
    await db.query(
      `CREATE TRIGGER city_liaison_version BEFORE UPDATE ON associations.city_liaison FOR EACH ROW EXECUTE FUNCTION associations.raise_version()`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TRIGGER contact_person_version ON associations.contact_person`);
    await db.query(`DROP TRIGGER activity_version ON associations.activity`);
    await db.query(`DROP TRIGGER category_version ON associations.category`);
    await db.query(`DROP TRIGGER service_area_version ON associations.service_area`);
    await db.query(`DROP TRIGGER city_liaison_version ON associations.city_liaison`);
    await db.query(`DROP FUNCTION associations.raise_version()`);
    await db.query(`ALTER TABLE associations.association DROP COLUMN version`);
    await db.query(`ALTER TABLE associations.contact_person DROP COLUMN version`);
    await db.query(`ALTER TABLE associations.activity DROP COLUMN version`);
    await db.query(`ALTER TABLE associations.category DROP COLUMN version`);
    await db.query(`ALTER TABLE associations.service_area DROP COLUMN version`);
    await db.query(`ALTER TABLE associations.city_liaison DROP COLUMN version`);
  }
}
