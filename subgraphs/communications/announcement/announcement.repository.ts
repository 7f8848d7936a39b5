import type { Connection } from '../../core/data';
import { returningRows } from '../../core/database';
import {
  type ConnectionResult,
  type KeysetOrder,
  type PageArgs,
  paginate,
} from '../../core/connection';
import { allWordsCondition } from '../../core/finnish/search-terms';
import { columnValues, insertSql } from '../../core/sql-writes';
import type { LocalizedText } from '../../core/types/localized-text.type';
import type { AudienceValues } from '../audience/audience';
import { Announcement } from './announcement.entity';
import type { AnnouncementStatus, AnnouncementLinkKind, Topic } from './announcement.enums';

/** Newest first: by when it was published, or made (drafts). */
export const ANNOUNCEMENTS_NEWEST_FIRST: KeysetOrder<Announcement> = {
  name: 'NEWEST',
  direction: 'DESC',
  keys: [
    {
      sql: 'coalesce(a.published_at, a.created_at)',
      select: 'sort_at',
      type: 'timestamp',
      value: (_a, raw) => raw.sort_at as Date,
    },
    { sql: 'a.id', type: 'uuid', value: (a) => a.id },
  ],
};

export interface AnnouncementListQuery {
  statuses: AnnouncementStatus[];
  /** The public list: unexpired only. */
  unexpiredAt?: Date;
  topics?: Topic[];
  serviceAreaIds?: string[];
  categoryIds?: string[];
  municipalityCodes?: string[];
  search?: string;
  /** Each search word's terms by the Finnish analyzer (its base forms). */
  searchTerms?: string[][];
}

export type AnnouncementValues = AudienceValues & {
  title: LocalizedText;
  body: LocalizedText;
  topic: Topic;
  url: string | null;
  linkKind: AnnouncementLinkKind | null;
  linkId: string | null;
  publishAt: Date | null;
  expiresAt: Date | null;
  createdBy: string;
  /** The Finnish analyzer's terms of title and body (core/finnish/search-terms), and its name. */
  searchTerms: string[];
  searchTermsBy: string;
};

const COLUMNS = {
  columns: {
    title: 'title',
    body: 'body',
    topic: 'topic',
    everyone: 'everyone',
    serviceAreaIds: 'service_area_ids',
    categoryIds: 'category_ids',
    municipalityCodes: 'municipality_codes',
    url: 'url',
    linkKind: 'link_kind',
    linkId: 'link_id',
    publishAt: 'publish_at',
    expiresAt: 'expires_at',
    createdBy: 'created_by',
    searchTerms: 'search_terms',
    searchTermsBy: 'search_terms_by',
  },
  json: new Set(['title', 'body']),
};

/**
 * Whether a subscription (alias s) wants an announcement (alias a): its topic, and an
 * audience that is everyone on either side or shares an area, category or municipality.
 */
export const WANTS = `s.confirmed_at IS NOT NULL AND s.ended_at IS NULL AND s.disabled_at IS NULL
  AND a.topic = ANY(s.topics)
  AND (a.everyone OR s.everyone
       OR s.service_area_ids && a.service_area_ids
       OR s.category_ids && a.category_ids
       OR s.municipality_codes && a.municipality_codes)`;

/** All SQL of announcements. */
export class AnnouncementRepository {
  constructor(private readonly db: Connection) {}

  byIds(ids: readonly string[]): Promise<Announcement[]> {
    return this.db
      .getRepository(Announcement)
      .createQueryBuilder('a')
      .where('a.id = ANY(:ids)', { ids })
      .getMany();
  }

  page(query: AnnouncementListQuery, args: PageArgs): Promise<ConnectionResult<Announcement>> {
    const q = this.db
      .getRepository(Announcement)
      .createQueryBuilder('a')
      .where('a.status = ANY(:statuses)', { statuses: query.statuses });
    if (query.unexpiredAt) {
      q.andWhere('(a.expires_at IS NULL OR a.expires_at > :at)', { at: query.unexpiredAt });
    }
    if (query.topics?.length) q.andWhere('a.topic = ANY(:topics)', { topics: query.topics });
    // An announcement for everyone is for every area, category and municipality.
    for (const [list, column] of [
      [query.serviceAreaIds, 'service_area_ids'],
      [query.categoryIds, 'category_ids'],
      [query.municipalityCodes, 'municipality_codes'],
    ] as const) {
      if (list?.length) {
        const cast = column === 'municipality_codes' ? 'text[]' : 'uuid[]';
        q.andWhere(`(a.everyone OR a.${column} && :${column}::${cast})`, { [column]: list });
      }
    }
    if (query.search) {
      // PostgreSQL's full text (quotes, `or`, `-`), or every word's Finnish base forms among
      // the analysed terms, as the directory searches: "avustus" finds "avustukset".
      const byWords = allWordsCondition('a.search_terms', query.searchTerms ?? [], 'terms');
      q.andWhere(
        `(a.search @@ (websearch_to_tsquery('finnish', :search) || websearch_to_tsquery('swedish', :search) || websearch_to_tsquery('english', :search))${
          query.searchTerms?.length ? ` OR (${byWords.sql})` : ''
        })`,
        { search: query.search, ...byWords.params },
      );
    }
    return paginate(q, ANNOUNCEMENTS_NEWEST_FIRST, args);
  }

  async insert(values: AnnouncementValues): Promise<string> {
    const rows: Array<{ id: string }> = await this.db.query(
      ...insertSql('communications.announcement', columnValues(values, COLUMNS)),
    );
    return rows[0].id;
  }

  /**
   * Changes an announcement that is still in one of `from` and, unless `expectedVersion` is
   * null (an overwrite), still at that version. 'MOVED_ON' when it was published meanwhile,
   * so a late edit never rewrites what subscribers already got; `stale` with the current
   * version when someone else edited it. The check and the write are one statement.
   */
  async updateUnpublished(
    id: string,
    from: readonly AnnouncementStatus[],
    values: Partial<AnnouncementValues>,
    expectedVersion: number | null,
  ): Promise<'UPDATED' | 'MOVED_ON' | { stale: number }> {
    const pairs = columnValues(values, COLUMNS);
    if (pairs.length > 0) {
      const sets = pairs.map(([column], i) => `${column} = $${i + 4}`);
      const rows: unknown[] = await this.db.query(
        returningRows(
          `UPDATE communications.announcement SET ${sets.join(', ')}, updated_at = now()
            WHERE id = $1 AND status = ANY($2) AND ($3::int IS NULL OR version = $3)
            RETURNING id`,
        ),
        [id, from, expectedVersion, ...pairs.map(([, value]) => value)],
      );
      if (rows.length > 0) return 'UPDATED';
    }
    const current: Array<{ status: AnnouncementStatus; version: number }> = await this.db.query(
      `SELECT status, version FROM communications.announcement WHERE id = $1`,
      [id],
    );
    if (current.length === 0 || !from.includes(current[0].status)) return 'MOVED_ON';
    if (expectedVersion !== null && current[0].version !== expectedVersion) {
      return { stale: current[0].version };
    }
    return 'UPDATED';
  }

  /** Moves an announcement between statuses; false when it was in none of `from` any more. */
  async transition(
    id: string,
    from: readonly AnnouncementStatus[],
    to: AnnouncementStatus,
    also: string[] = [],
  ): Promise<boolean> {
    const rows: unknown[] = await this.db.query(
      returningRows(
        `UPDATE communications.announcement SET status = $3, updated_at = now()${also.map((a) => `, ${a}`).join('')}
          WHERE id = $1 AND status = ANY($2) RETURNING id`,
      ),
      [id, from, to],
    );
    return rows.length > 0;
  }

  /**
   * A delivery for every subscription that wants the announcement, in one statement; the
   * (subscription, item) key makes a second run add none.
   */
  async fanOut(announcementId: string): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.db.query(
      `INSERT INTO communications.delivery (subscription_id, kind, item_key, announcement_id)
       SELECT s.id, 'ANNOUNCEMENT', a.id::text, a.id
         FROM communications.announcement a
         JOIN communications.subscription s ON ${WANTS}
        WHERE a.id = $1
       ON CONFLICT ON CONSTRAINT delivery_once DO NOTHING
       RETURNING id`,
      [announcementId],
    );
    return rows.map((r) => r.id);
  }
}
