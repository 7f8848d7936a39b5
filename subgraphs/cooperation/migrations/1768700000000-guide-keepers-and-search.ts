import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The handbook, complete (issue 32, item 1): each guide names the working group that keeps
 * it (whose members are its contacts), and is found with the same Finnish search as the
 * directory: the analyzer's terms of its title and body in every language, stamped with
 * the analyzer's name (rows from before, or by another analyzer, are analysed at start).
 * Working groups' plan items are on the cooperation calendar by their due dates (item 5).
 */
export class GuideKeepersAndSearch1768700000000 implements MigrationInterface {
  name = 'GuideKeepersAndSearch1768700000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE cooperation.guide
      ADD COLUMN working_group_id uuid REFERENCES cooperation.working_group (id) ON DELETE SET NULL,
      ADD COLUMN search_terms text[] NOT NULL DEFAULT '{}',
      ADD COLUMN search_terms_by text`);
    await db.query(
      `CREATE INDEX guide_search_terms_idx ON cooperation.guide USING gin (search_terms)`,
    );
    await db.query(
      `CREATE INDEX guide_working_group_idx ON cooperation.guide (working_group_id) WHERE working_group_id IS NOT NULL`,
    );
    await db.query(
      `CREATE INDEX plan_item_due_idx ON cooperation.plan_item (due_on) WHERE due_on IS NOT NULL`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX cooperation.plan_item_due_idx`);
    await db.query(`ALTER TABLE cooperation.guide
      DROP COLUMN working_group_id, DROP COLUMN search_terms, DROP COLUMN search_terms_by`);
  }
}
