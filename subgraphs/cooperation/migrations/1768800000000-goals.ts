import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Strategy work as data (issue 32, item 3): goals with sub-goals, each with a weight, the
 * working group responsible, milestones, and a target on an indicator (its value at the
 * start and the value aimed at). Progress is computed from the indicators and rolled up
 * from sub-goals by weight, as Decidim's accountability results do. Edits raise `version`
 * (the schema's raise_version trigger, as every edited table).
 */
export class Goals1768800000000 implements MigrationInterface {
  name = 'Goals1768800000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE cooperation.goal (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        parent_id uuid REFERENCES cooperation.goal (id) ON DELETE CASCADE,
        name jsonb NOT NULL,
        description jsonb,
        working_group_id uuid REFERENCES cooperation.working_group (id) ON DELETE SET NULL,
        indicator_id uuid REFERENCES cooperation.indicator (id) ON DELETE SET NULL,
        baseline numeric,
        target numeric,
        weight numeric NOT NULL DEFAULT 1 CHECK (weight > 0),
        milestones jsonb NOT NULL DEFAULT '[]',
        position int NOT NULL DEFAULT 0,
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (parent_id IS DISTINCT FROM id)
      )`);
    await db.query(`CREATE INDEX goal_parent_idx ON cooperation.goal (parent_id, position)`);
    await db.query(
      `CREATE TRIGGER goal_version BEFORE UPDATE ON cooperation.goal FOR EACH ROW EXECUTE FUNCTION cooperation.raise_version()`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE cooperation.goal`);
  }
}
