import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Buildings and their bookable spaces. */
export class Initial1763800000000 implements MigrationInterface {
  name = 'Initial1763800000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE facilities.facility (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name jsonb NOT NULL CHECK (name ? 'fi'),
        name_sort text COLLATE "fi-FI-x-icu" GENERATED ALWAYS AS (name->>'fi') STORED,
        description jsonb,
        address jsonb NOT NULL,
        municipality_code text NOT NULL CHECK (municipality_code ~ '^[0-9]{3}$'),
        -- A reference into the associations subgraph: a plain id, no cross-schema key.
        service_area_id uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX facility_name_sort_idx ON facilities.facility (name_sort, id)`);
    await db.query(
      `CREATE INDEX facility_municipality_idx ON facilities.facility (municipality_code)`,
    );
    await db.query(`
      CREATE TABLE facilities.space (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        facility_id uuid NOT NULL REFERENCES facilities.facility (id),
        name jsonb NOT NULL CHECK (name ? 'fi'),
        name_sort text COLLATE "fi-FI-x-icu" GENERATED ALWAYS AS (name->>'fi') STORED,
        type text NOT NULL CHECK (type IN ('MEETING_ROOM','HALL','GYM','FIELD','KITCHEN','WORKSHOP','CLUB_ROOM','OTHER')),
        capacity int CHECK (capacity > 0),
        accessible boolean NOT NULL DEFAULT false
      )`);
    await db.query(`CREATE INDEX space_facility_idx ON facilities.space (facility_id)`);
    await db.query(`CREATE INDEX space_name_sort_idx ON facilities.space (name_sort, id)`);
    await db.query(`CREATE INDEX space_type_capacity_idx ON facilities.space (type, capacity)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE facilities.space`);
    await db.query(`DROP TABLE facilities.facility`);
  }
}
