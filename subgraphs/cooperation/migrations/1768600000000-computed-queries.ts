import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A computed indicator value keeps the public graph query and variables that gave it
 * (issue 32, item 2), so the figure can be checked and run again in GraphiQL, and stays
 * explained even after the metric's code changes. Null for values recorded by hand.
 */
export class ComputedQueries1768600000000 implements MigrationInterface {
  name = 'ComputedQueries1768600000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE cooperation.indicator_value
      ADD COLUMN computed_query text, ADD COLUMN computed_variables jsonb`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE cooperation.indicator_value
      DROP COLUMN computed_query, DROP COLUMN computed_variables`);
  }
}
