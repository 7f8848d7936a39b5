import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The directory's first tables: associations, service areas and their liaisons. */
export class Initial1763800000000 implements MigrationInterface {
  name = 'Initial1763800000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE associations.service_area (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name jsonb NOT NULL CHECK (name ? 'fi'),
        sort_order int NOT NULL DEFAULT 0
      )`);
    await db.query(`
      CREATE TABLE associations.city_liaison (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        service_area_id uuid NOT NULL REFERENCES associations.service_area (id),
        name text NOT NULL,
        title text,
        email text,
        phone text,
        is_coordinator boolean NOT NULL DEFAULT false,
        responsibilities jsonb
      )`);
    await db.query(
      `CREATE INDEX city_liaison_service_area_idx ON associations.city_liaison (service_area_id)`,
    );
    await db.query(`
      CREATE TABLE associations.association (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name jsonb NOT NULL CHECK (name ? 'fi'),
        -- Sorting key in Finnish alphabetical order (å, ä, ö after z).
        name_sort text COLLATE "fi-FI-x-icu" GENERATED ALWAYS AS (name->>'fi') STORED,
        description jsonb,
        kind text NOT NULL CHECK (kind IN ('REGISTERED_ASSOCIATION','INFORMAL_GROUP','FOUNDATION','STATUTORY_COUNCIL','OTHER')),
        status text NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE','DORMANT','DISSOLVED')),
        register_number text,
        business_id text,
        municipality_code text NOT NULL CHECK (municipality_code ~ '^[0-9]{3}$'),
        founded_year int,
        member_count int CHECK (member_count >= 0),
        languages text[] NOT NULL DEFAULT '{}',
        website text,
        email text,
        phone text,
        address jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(
      `CREATE UNIQUE INDEX association_business_id_key ON associations.association (business_id) WHERE business_id IS NOT NULL`,
    );
    await db.query(
      `CREATE INDEX association_name_sort_idx ON associations.association (name_sort, id)`,
    );
    await db.query(
      `CREATE INDEX association_updated_idx ON associations.association (updated_at, id)`,
    );
    await db.query(
      `CREATE INDEX association_municipality_idx ON associations.association (municipality_code)`,
    );
    await db.query(
      `CREATE INDEX association_status_kind_idx ON associations.association (status, kind)`,
    );
    await db.query(
      `CREATE INDEX association_languages_idx ON associations.association USING gin (languages)`,
    );
    await db.query(`
      CREATE TABLE associations.association_service_area (
        association_id uuid NOT NULL REFERENCES associations.association (id) ON DELETE CASCADE,
        service_area_id uuid NOT NULL REFERENCES associations.service_area (id),
        PRIMARY KEY (association_id, service_area_id)
      )`);
    await db.query(
      `CREATE INDEX association_service_area_area_idx ON associations.association_service_area (service_area_id, association_id)`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE associations.association_service_area`);
    await db.query(`DROP TABLE associations.association`);
    await db.query(`DROP TABLE associations.city_liaison`);
    await db.query(`DROP TABLE associations.service_area`);
  }
}
