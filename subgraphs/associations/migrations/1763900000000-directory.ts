import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The full directory: categories, activities, contact persons, and search. Search has two
 * halves: a weighted full-text document (Finnish, Swedish and English stemming, so inflected
 * words match) and a lower-cased name string with a trigram index (so prefixes, parts of
 * compound words and small typos match too).
 */
export class Directory1763900000000 implements MigrationInterface {
  name = 'Directory1763900000000';

  async up(db: QueryRunner): Promise<void> {
    // Extensions belong to the whole database; the migration lock keeps replicas from racing.
    await db.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public`);

    await db.query(`
      CREATE TABLE associations.category (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
        name jsonb NOT NULL CHECK (name ? 'fi'),
        description jsonb,
        sort_order int NOT NULL DEFAULT 0
      )`);
    await db.query(`
      CREATE TABLE associations.association_category (
        association_id uuid NOT NULL REFERENCES associations.association (id) ON DELETE CASCADE,
        category_id uuid NOT NULL REFERENCES associations.category (id),
        PRIMARY KEY (association_id, category_id)
      )`);
    await db.query(
      `CREATE INDEX association_category_category_idx ON associations.association_category (category_id, association_id)`,
    );

    await db.query(`
      CREATE TABLE associations.activity (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        association_id uuid NOT NULL REFERENCES associations.association (id) ON DELETE CASCADE,
        name jsonb NOT NULL CHECK (name ? 'fi'),
        description jsonb,
        target_groups text[] NOT NULL DEFAULT '{}',
        languages text[] NOT NULL DEFAULT '{}',
        is_free boolean NOT NULL DEFAULT true,
        location text,
        schedule text,
        url text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(
      `CREATE INDEX activity_association_idx ON associations.activity (association_id, created_at, id)`,
    );

    await db.query(`
      CREATE TABLE associations.contact_person (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        association_id uuid NOT NULL REFERENCES associations.association (id) ON DELETE CASCADE,
        name text NOT NULL,
        role text NOT NULL,
        title text,
        email text,
        phone text,
        is_public boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(
      `CREATE INDEX contact_person_association_idx ON associations.contact_person (association_id, created_at, id)`,
    );

    await db.query(`
      ALTER TABLE associations.association
        ADD COLUMN search_document tsvector GENERATED ALWAYS AS (
          setweight(to_tsvector('finnish', coalesce(name->>'fi', '')), 'A') ||
          setweight(to_tsvector('swedish', coalesce(name->>'sv', '')), 'A') ||
          setweight(to_tsvector('english', coalesce(name->>'en', '')), 'A') ||
          setweight(to_tsvector('finnish', coalesce(description->>'fi', '')), 'C') ||
          setweight(to_tsvector('swedish', coalesce(description->>'sv', '')), 'C') ||
          setweight(to_tsvector('english', coalesce(description->>'en', '')), 'C')
        ) STORED,
        ADD COLUMN search_names text GENERATED ALWAYS AS (
          lower(coalesce(name->>'fi', '') || ' ' || coalesce(name->>'sv', '') || ' ' || coalesce(name->>'en', ''))
        ) STORED`);
    await db.query(
      `CREATE INDEX association_search_document_idx ON associations.association USING gin (search_document)`,
    );
    await db.query(
      `CREATE INDEX association_search_names_idx ON associations.association USING gin (search_names public.gin_trgm_ops)`,
    );
    await db.query(`CREATE INDEX association_kind_idx ON associations.association (kind)`);
    await db.query(
      `CREATE UNIQUE INDEX association_register_number_key ON associations.association (register_number) WHERE register_number IS NOT NULL`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX associations.association_register_number_key`);
    await db.query(`DROP INDEX associations.association_kind_idx`);
    await db.query(
      `ALTER TABLE associations.association DROP COLUMN search_names, DROP COLUMN search_document`,
    );
    await db.query(`DROP TABLE associations.contact_person`);
    await db.query(`DROP TABLE associations.activity`);
    await db.query(`DROP TABLE associations.association_category`);
    await db.query(`DROP TABLE associations.category`);
  }
}
