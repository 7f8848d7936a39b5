import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Grant programs. */
export class Initial1763800000000 implements MigrationInterface {
  name = 'Initial1763800000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE grants.grant_program (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name jsonb NOT NULL CHECK (name ? 'fi'),
        name_sort text COLLATE "fi-FI-x-icu" GENERATED ALWAYS AS (name->>'fi') STORED,
        description jsonb,
        kind text NOT NULL CHECK (kind IN ('OPERATING','PROJECT','RECURRING','EVENT','SMALL')),
        -- A reference into the associations subgraph: a plain id, no cross-schema key.
        service_area_id uuid,
        rules_url text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX grant_program_kind_idx ON grants.grant_program (kind)`);
    await db.query(
      `CREATE INDEX grant_program_service_area_idx ON grants.grant_program (service_area_id)`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE grants.grant_program`);
  }
}
