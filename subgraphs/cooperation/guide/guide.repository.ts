import type { Connection } from '../../core/data';
import { returningRows } from '../../core/database';
import { allWordsCondition } from '../../core/finnish/search-terms';
import { type ColumnSpec, columnValues, insertSql, updateSql } from '../../core/sql-writes';
import type { LocalizedText } from '../../core/types/localized-text.type';
import { Guide, GuideVersion } from './guide.entity';
import type { GuideAudience, GuideKind } from './guide.enums';

export type GuideValues = Partial<{
  slug: string;
  kind: GuideKind;
  audience: GuideAudience;
  title: LocalizedText;
  body: LocalizedText;
  position: number;
  working_group_id: string | null;
  /** The Finnish analyzer's terms of title and body (core/finnish/search-terms). */
  search_terms: string[];
  search_terms_by: string;
}>;

const GUIDE_COLUMNS: ColumnSpec = { json: new Set(['title', 'body']) };

/** All SQL of the handbook. */
export class GuideRepository {
  constructor(private readonly db: Connection) {}

  byIds(ids: readonly string[]): Promise<Guide[]> {
    return this.db
      .getRepository(Guide)
      .createQueryBuilder('g')
      .where('g.id = ANY(:ids)', { ids })
      .getMany();
  }

  bySlug(slug: string): Promise<Guide | null> {
    return this.db.getRepository(Guide).findOneBy({ slug });
  }

  bySlugs(slugs: readonly string[]): Promise<Guide[]> {
    return this.db
      .getRepository(Guide)
      .createQueryBuilder('g')
      .where('g.slug = ANY(:slugs)', { slugs })
      .getMany();
  }

  /** The guides many working groups keep, in table-of-contents order. */
  keptBy(groupIds: readonly string[]): Promise<Guide[]> {
    return this.db
      .getRepository(Guide)
      .createQueryBuilder('g')
      .where('g.working_group_id = ANY(:groupIds)', { groupIds })
      .orderBy('g.position')
      .addOrderBy('g.slug')
      .getMany();
  }

  /** In table-of-contents order; with `searchTerms`, those holding every word. */
  list(filter: {
    kinds?: GuideKind[];
    audiences?: GuideAudience[];
    searchTerms?: string[][];
  }): Promise<Guide[]> {
    const q = this.db.getRepository(Guide).createQueryBuilder('g').where('TRUE');
    if (filter.searchTerms?.length) {
      const words = allWordsCondition('g.search_terms', filter.searchTerms, 'terms');
      q.andWhere(words.sql, words.params);
    }
    if (filter.kinds?.length) q.andWhere('g.kind = ANY(:kinds)', { kinds: filter.kinds });
    if (filter.audiences?.length) {
      q.andWhere('g.audience = ANY(:audiences)', { audiences: filter.audiences });
    }
    return q.orderBy('g.position').addOrderBy('g.slug').getMany();
  }

  /** Every version of many guides, newest first. */
  versionsOf(guideIds: readonly string[]): Promise<GuideVersion[]> {
    return this.db
      .getRepository(GuideVersion)
      .createQueryBuilder('v')
      .where('v.guide_id = ANY(:guideIds)', { guideIds })
      .orderBy('v.guide_id')
      .addOrderBy('v.version', 'DESC')
      .getMany();
  }

  /** A new guide and its first version; a taken slug fails unique (23505). */
  async insert(values: GuideValues): Promise<string> {
    const rows: Array<{ id: string }> = await this.db.query(
      ...insertSql('cooperation.guide', columnValues(values, GUIDE_COLUMNS)),
    );
    await this.keepVersion(rows[0].id);
    return rows[0].id;
  }

  /** The guide's version, its row locked until the transaction ends; null when it is gone. */
  async lockedVersion(id: string): Promise<number | null> {
    const rows: Array<{ version: number }> = await this.db.query(
      `SELECT version FROM cooperation.guide WHERE id = $1 FOR UPDATE`,
      [id],
    );
    return rows[0]?.version ?? null;
  }

  /**
   * Changes a guide (call under `lockedVersion`). With `newVersion` the version grows by
   * one and the new text is kept as a version of its own.
   */
  async update(id: string, values: GuideValues, newVersion: boolean): Promise<void> {
    await this.db.query(
      ...updateSql('cooperation.guide', id, columnValues(values, GUIDE_COLUMNS), {
        also: ['updated_at = now()', ...(newVersion ? ['version = version + 1'] : [])],
      }),
    );
    if (newVersion) await this.keepVersion(id);
  }

  async remove(id: string): Promise<boolean> {
    const rows: unknown[] = await this.db.query(
      returningRows(`DELETE FROM cooperation.guide WHERE id = $1 RETURNING id`),
      [id],
    );
    return rows.length > 0;
  }

  private async keepVersion(guideId: string): Promise<void> {
    await this.db.query(
      `INSERT INTO cooperation.guide_version (guide_id, version, title, body)
       SELECT id, version, title, body FROM cooperation.guide WHERE id = $1`,
      [guideId],
    );
  }
}
