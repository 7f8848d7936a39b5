import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Announcements found as the directory finds associations (issue 30, item 10): each keeps
 * the Finnish analyzer's terms of its title and body (base forms and compound parts, so
 * "avustus" finds "avustukset"), and which analyzer made them. Rows written before, or by
 * another analyzer, are analysed when the subgraph starts (`search_terms_by` differs).
 * That restamp is no edit: the version trigger now skips an UPDATE that changes the
 * analyzer's stamp and leaves `updated_at` (every edit and status change sets it).
 */
export class AnnouncementSearchTerms1768500000000 implements MigrationInterface {
  name = 'AnnouncementSearchTerms1768500000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE communications.announcement
      ADD COLUMN search_terms text[] NOT NULL DEFAULT '{}',
      ADD COLUMN search_terms_by text`);
    await db.query(
      `CREATE INDEX announcement_search_terms_idx ON communications.announcement USING gin (search_terms)`,
    );
    await db.query(`DROP TRIGGER announcement_version ON communications.announcement`);
    await db.query(`CREATE TRIGGER announcement_version BEFORE UPDATE ON communications.announcement
      FOR EACH ROW
      WHEN (NEW.search_terms_by IS NOT DISTINCT FROM OLD.search_terms_by
            OR NEW.updated_at IS DISTINCT FROM OLD.updated_at)
      EXECUTE FUNCTION communications.raise_version()`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TRIGGER announcement_version ON communications.announcement`);
    await db.query(`CREATE TRIGGER announcement_version BEFORE UPDATE ON communications.announcement
      FOR EACH ROW EXECUTE FUNCTION communications.raise_version()`);
    await db.query(`ALTER TABLE communications.announcement
      DROP COLUMN search_terms, DROP COLUMN search_terms_by`);
  }
}
