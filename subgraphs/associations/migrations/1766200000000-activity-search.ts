import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Activities on their own (issue 20): a site lists "what can I join" across associations,
 * by words, target group, language and price. A weighted full-text document in the three
 * languages (names above descriptions), a Finnish-collated name to page by, and an index for
 * every filter.
 */
export class ActivitySearch1766200000000 implements MigrationInterface {
  name = 'ActivitySearch1766200000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE associations.activity
        ADD COLUMN name_sort text COLLATE "fi-FI-x-icu" GENERATED ALWAYS AS (coalesce(name->>'fi', '')) STORED,
        ADD COLUMN search_document tsvector GENERATED ALWAYS AS (
          setweight(to_tsvector('finnish', coalesce(name->>'fi', '')), 'A') ||
          setweight(to_tsvector('swedish', coalesce(name->>'sv', '')), 'A') ||
          setweight(to_tsvector('english', coalesce(name->>'en', '')), 'A') ||
          setweight(to_tsvector('finnish', coalesce(description->>'fi', '')), 'C') ||
          setweight(to_tsvector('swedish', coalesce(description->>'sv', '')), 'C') ||
          setweight(to_tsvector('english', coalesce(description->>'en', '')), 'C')
        ) STORED`);
    await db.query(`CREATE INDEX activity_name_sort_idx ON associations.activity (name_sort, id)`);
    await db.query(
      `CREATE INDEX activity_search_idx ON associations.activity USING gin (search_document)`,
    );
    await db.query(
      `CREATE INDEX activity_target_groups_idx ON associations.activity USING gin (target_groups)`,
    );
    await db.query(
      `CREATE INDEX activity_languages_idx ON associations.activity USING gin (languages)`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX associations.activity_languages_idx`);
    await db.query(`DROP INDEX associations.activity_target_groups_idx`);
    await db.query(`DROP INDEX associations.activity_search_idx`);
    await db.query(`DROP INDEX associations.activity_name_sort_idx`);
    await db.query(
      `ALTER TABLE associations.activity DROP COLUMN search_document, DROP COLUMN name_sort`,
    );
  }
}
