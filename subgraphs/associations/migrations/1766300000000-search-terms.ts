import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Finnish search by base forms and compound parts (issue 20). Each association keeps the
 * terms of its names, description, activities and category names as Voikko analyses them
 * (`search_terms`, GIN-indexed; `search_name_terms`, its names' and categories' alone, for
 * ranking), and which analyzer built them (`search_terms_by`; NULL:
 * to be built). Triggers mark an association's terms stale whenever a text they come from
 * changes, whoever changes it (services, imports, plain SQL), and notify
 * `association_search_stale`; the associations subgraph's indexer listens and rebuilds stale
 * rows (core/finnish, association-search.indexer.ts).
 */
export class SearchTerms1766300000000 implements MigrationInterface {
  name = 'SearchTerms1766300000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE associations.association
        ADD COLUMN search_terms text[] NOT NULL DEFAULT '{}',
        ADD COLUMN search_name_terms text[] NOT NULL DEFAULT '{}',
        ADD COLUMN search_terms_by text`);
    await db.query(
      `CREATE INDEX association_search_terms_idx ON associations.association USING gin (search_terms)`,
    );
    await db.query(
      `CREATE INDEX association_search_stale_idx ON associations.association (id) WHERE search_terms_by IS NULL`,
    );
    // The association's own texts changed: its terms are stale.
    await db.query(`
      CREATE FUNCTION associations.association_texts_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.search_terms_by := NULL;
        PERFORM pg_notify('association_search_stale', '');
        RETURN NEW;
      END $$`);
    await db.query(`
      CREATE TRIGGER association_texts_changed BEFORE INSERT OR UPDATE OF name, description
        ON associations.association FOR EACH ROW EXECUTE FUNCTION associations.association_texts_changed()`);
    // An activity or a category link changed: the association it belongs to is stale.
    await db.query(`
      CREATE FUNCTION associations.association_part_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        ids uuid[] := '{}';
      BEGIN
        IF TG_OP IN ('INSERT', 'UPDATE') THEN ids := ids || NEW.association_id; END IF;
        IF TG_OP IN ('UPDATE', 'DELETE') THEN ids := ids || OLD.association_id; END IF;
        UPDATE associations.association SET search_terms_by = NULL
         WHERE id = ANY (ids) AND search_terms_by IS NOT NULL;
        PERFORM pg_notify('association_search_stale', '');
        RETURN NULL;
      END $$`);
    for (const table of ['activity', 'association_category']) {
      await db.query(`
        CREATE TRIGGER ${table}_search_terms AFTER INSERT OR UPDATE OR DELETE
          ON associations.${table} FOR EACH ROW EXECUTE FUNCTION associations.association_part_changed()`);
    }
    // A category renamed: every association in it is stale.
    await db.query(`
      CREATE FUNCTION associations.category_renamed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE associations.association SET search_terms_by = NULL
         WHERE id IN (SELECT association_id FROM associations.association_category WHERE category_id = NEW.id)
           AND search_terms_by IS NOT NULL;
        PERFORM pg_notify('association_search_stale', '');
        RETURN NULL;
      END $$`);
    await db.query(`
      CREATE TRIGGER category_search_terms AFTER UPDATE OF name
        ON associations.category FOR EACH ROW EXECUTE FUNCTION associations.category_renamed()`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TRIGGER category_search_terms ON associations.category`);
    await db.query(`DROP FUNCTION associations.category_renamed()`);
    for (const table of ['activity', 'association_category']) {
      await db.query(`DROP TRIGGER ${table}_search_terms ON associations.${table}`);
    }
    await db.query(`DROP FUNCTION associations.association_part_changed()`);
    await db.query(`DROP TRIGGER association_texts_changed ON associations.association`);
    await db.query(`DROP FUNCTION associations.association_texts_changed()`);
    await db.query(
      `ALTER TABLE associations.association DROP COLUMN search_terms_by, DROP COLUMN search_name_terms, DROP COLUMN search_terms`,
    );
  }
}
