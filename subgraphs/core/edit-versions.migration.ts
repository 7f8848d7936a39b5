import type { QueryRunner } from 'typeorm';

/**
 * The edit versions every subgraph's migration EditVersions1768000000000 adds (issue 28,
 * item 12; core/versioning.ts): a `version` column starting at 1 on each table, and in the
 * schema a trigger function that raises it at every UPDATE of a row, whatever code path
 * writes (a status change, a decision, an import), so a version never stays while the row
 * moves on. No WHEN clause comparing OLD and NEW: a BEFORE trigger cannot see generated
 * columns, and the writers already skip an UPDATE that would change nothing.
 *
 * Shared by those six migrations, which have run: change what they do only by a new
 * migration, never here.
 */
export interface EditVersionTable {
  table: string;
  /** false: the subgraph raises the version in its own writes (no trigger). */
  trigger?: boolean;
  /** A WHEN condition, for a table a background job stamps without an edit. */
  when?: string;
}

export async function addEditVersions(
  db: QueryRunner,
  schema: string,
  tables: readonly EditVersionTable[],
): Promise<void> {
  for (const { table } of tables) {
    await db.query(`ALTER TABLE ${schema}.${table} ADD COLUMN version integer NOT NULL DEFAULT 1`);
  }
  await db.query(`
    CREATE FUNCTION ${schema}.raise_version() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      NEW.version := OLD.version + 1;
      RETURN NEW;
    END $$`);
  for (const { table, trigger, when } of tables) {
    if (trigger === false) continue;
    await db.query(
      `CREATE TRIGGER ${table}_version BEFORE UPDATE ON ${schema}.${table} FOR EACH ROW
         ${when ? `WHEN (${when}) ` : ''}EXECUTE FUNCTION ${schema}.raise_version()`,
    );
  }
}

export async function dropEditVersions(
  db: QueryRunner,
  schema: string,
  tables: readonly EditVersionTable[],
): Promise<void> {
  for (const { table, trigger } of tables) {
    if (trigger !== false) await db.query(`DROP TRIGGER ${table}_version ON ${schema}.${table}`);
  }
  await db.query(`DROP FUNCTION ${schema}.raise_version()`);
  for (const { table } of tables) {
    await db.query(`ALTER TABLE ${schema}.${table} DROP COLUMN version`);
  }
}
