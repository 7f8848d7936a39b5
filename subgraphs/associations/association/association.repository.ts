import type { Address } from '../../core/types/address.type';
import type { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { type ColumnSpec, columnValues, insertSql, updateSql } from '../../core/sql-writes';
import {
  type ConnectionResult,
  type Counted,
  type KeysetOrder,
  type PageArgs,
  paginate,
} from '../../core/connection';
import { returningRows } from '../../core/database';
import { Association } from './association.entity';
import { AssociationOrder } from './association.enums';
import type { AssociationFilter } from './association.inputs';
import { applySearch, EXACT_SEARCH_COUNT, searchWords } from './association.search';
import { finnishAnalyzer } from '../../core/finnish/finnish-terms';
import type { AssociationChanges } from './association.validation';

const BY_NAME: KeysetOrder<Association> = {
  name: AssociationOrder.NAME,
  direction: 'ASC',
  keys: [
    { sql: 'a.name_sort', type: 'text', value: (a) => a.name.fi ?? '' },
    { sql: 'a.id', type: 'uuid', value: (a) => a.id },
  ],
};

const BY_UPDATE: KeysetOrder<Association> = {
  name: AssociationOrder.UPDATED_AT,
  direction: 'DESC',
  keys: [
    { sql: 'a.updated_at', type: 'timestamp', value: (a) => a.updatedAt },
    { sql: 'a.id', type: 'uuid', value: (a) => a.id },
  ],
};

function byRelevance(rank: string): KeysetOrder<Association> {
  return {
    name: AssociationOrder.RELEVANCE,
    direction: 'DESC',
    keys: [
      {
        sql: rank,
        select: 'search_rank',
        type: 'number',
        value: (_a, raw) => String(raw.search_rank),
      },
      { sql: 'a.id', type: 'uuid', value: (a) => a.id },
    ],
  };
}

/** Columns of the association table by entity field, for writes. */
const COLUMNS: Partial<Record<keyof AssociationChanges, string>> = {
  name: 'name',
  description: 'description',
  kind: 'kind',
  status: 'status',
  municipalityCode: 'municipality_code',
  businessId: 'business_id',
  registerNumber: 'register_number',
  foundedYear: 'founded_year',
  memberCount: 'member_count',
  languages: 'languages',
  website: 'website',
  email: 'email',
  phone: 'phone',
  address: 'address',
};
const ASSOCIATION_COLUMNS: ColumnSpec = {
  columns: COLUMNS as Record<string, string>,
  json: new Set(['name', 'description', 'address']),
};

/** All SQL about associations and their links to categories and service areas. */
export class AssociationRepository {
  constructor(private readonly db: DataSource | EntityManager) {}

  associationsByIds(ids: readonly string[]): Promise<Association[]> {
    return this.db
      .getRepository(Association)
      .createQueryBuilder('a')
      .where('a.id = ANY(:ids)', { ids })
      .getMany();
  }

  findByBusinessId(businessId: string): Promise<Association | null> {
    return this.db.getRepository(Association).findOne({ where: { businessId } });
  }

  findByRegisterNumber(registerNumber: string): Promise<Association | null> {
    return this.db.getRepository(Association).findOne({ where: { registerNumber } });
  }

  page(
    filter: AssociationFilter,
    order: AssociationOrder,
    args: PageArgs,
    exactCountUpTo = EXACT_SEARCH_COUNT,
  ): Promise<ConnectionResult<Association>> {
    const { query, rank } = this.filtered(filter);
    // One municipality: its rows by name are one range of the municipality-name index
    // (walking the name index could pass every other municipality's rows first).
    const oneMunicipality = filter.municipalityCodes?.length === 1;
    const orders = {
      [AssociationOrder.NAME]: oneMunicipality
        ? { ...BY_NAME, leading: ['a.municipality_code'] }
        : BY_NAME,
      [AssociationOrder.UPDATED_AT]: BY_UPDATE,
      // The service refuses RELEVANCE without search words, so `rank` is there when asked for.
      [AssociationOrder.RELEVANCE]: rank ? byRelevance(rank) : BY_NAME,
    };
    // A search's matches are counted exactly up to a bound, then estimated: counting every
    // match of a common word costs more than finding the page (issue 31).
    const count = rank ? (q: typeof query) => this.boundedCount(q, exactCountUpTo) : undefined;
    return paginate(query, orders[order], args, count);
  }

  /**
   * How many rows `filtered` matches: exactly up to `bound`, and beyond it PostgreSQL's own
   * estimate for the same statement (never below the bound it passed).
   */
  private async boundedCount(
    filtered: SelectQueryBuilder<Association>,
    bound: number,
  ): Promise<Counted> {
    const [matching, params] = filtered.clone().select('a.id').getQueryAndParameters();
    const rows: Array<{ total: string }> = await this.db.query(
      `SELECT count(*) AS total FROM (${matching} LIMIT ${bound + 1}) m`,
      params,
    );
    const total = Number(rows[0].total);
    if (total <= bound) return { total, estimated: false };
    const plan: Array<{ 'QUERY PLAN': Array<{ Plan: { 'Plan Rows': number } }> }> =
      await this.db.query(`EXPLAIN (FORMAT JSON) ${matching}`, params);
    const estimate = Math.round(plan[0]['QUERY PLAN'][0].Plan['Plan Rows']);
    return { total: Math.max(estimate, total), estimated: true };
  }

  /** How many associations match `filter`, per category: facets for a directory site. */
  async countByCategory(filter: AssociationFilter): Promise<Map<string, number>> {
    const [matching, params] = this.filtered(filter).query.select('a.id').getQueryAndParameters();
    const rows: Array<{ category_id: string; count: string }> = await this.db.query(
      `SELECT ac.category_id, count(*) AS count
         FROM associations.association_category ac
        WHERE ac.association_id IN (${matching})
        GROUP BY ac.category_id`,
      params,
    );
    return new Map(rows.map((r) => [r.category_id, Number(r.count)]));
  }

  /** Service area ids per association, for a batch of associations. */
  async serviceAreaIds(
    associationIds: readonly string[],
  ): Promise<Array<{ associationId: string; serviceAreaId: string }>> {
    const rows: Array<{ association_id: string; service_area_id: string }> = await this.db.query(
      `SELECT association_id, service_area_id FROM associations.association_service_area WHERE association_id = ANY($1)`,
      [associationIds],
    );
    return rows.map((r) => ({ associationId: r.association_id, serviceAreaId: r.service_area_id }));
  }

  /** Category ids per association, for a batch of associations. */
  async categoryIds(
    associationIds: readonly string[],
  ): Promise<Array<{ associationId: string; categoryId: string }>> {
    const rows: Array<{ association_id: string; category_id: string }> = await this.db.query(
      `SELECT association_id, category_id FROM associations.association_category WHERE association_id = ANY($1)`,
      [associationIds],
    );
    return rows.map((r) => ({ associationId: r.association_id, categoryId: r.category_id }));
  }

  /** Inserts a checked association with its links; returns the new id. */
  async insert(changes: AssociationChanges): Promise<string> {
    const rows: Array<{ id: string }> = await this.db.query(
      ...insertSql('associations.association', columnValues(changes, ASSOCIATION_COLUMNS)),
    );
    const id = rows[0].id;
    await this.replaceLinks(id, changes);
    return id;
  }

  /**
   * Writes the given fields under a row lock (call inside a transaction). With an expected
   * `updatedAt` or `version`, writes nothing when the row changed since then (`stale`, with
   * the current version). A change raises the version. `updated_at` moves
   * only when a value really changes, so a repeated import or a no-op save does not wake
   * every incremental sync.
   */
  async update(
    id: string,
    changes: AssociationChanges,
    expected: { updatedAt?: Date | null; version?: number | null } = {},
  ): Promise<'UPDATED' | 'UNCHANGED' | 'NOT_FOUND' | { stale: number }> {
    const locked: Array<{ unchanged: boolean; version: number }> = await this.db.query(
      `SELECT date_trunc('milliseconds', updated_at) = date_trunc('milliseconds', $2::timestamptz) AS unchanged,
              version
         FROM associations.association WHERE id = $1 FOR UPDATE`,
      [id, expected.updatedAt ?? null],
    );
    if (locked.length === 0) return 'NOT_FOUND';
    const { version } = locked[0];
    if (expected.updatedAt && !locked[0].unchanged) return { stale: version };
    if (expected.version != null && expected.version !== version) return { stale: version };

    const values = columnValues(changes, ASSOCIATION_COLUMNS);
    let changed = false;
    if (values.length > 0) {
      const [text, params] = updateSql('associations.association', id, values, {
        also: ['updated_at = now()', 'version = version + 1'],
        onlyIfDifferent: true,
      });
      const updated: unknown[] = await this.db.query(returningRows(text), params);
      changed = updated.length > 0;
    }
    const linksMoved = await this.replaceLinks(id, changes);
    if (linksMoved && !changed) await this.touch(id);
    return changed || linksMoved ? 'UPDATED' : 'UNCHANGED';
  }

  /** How many associations have a business ID: the size of a registry check. */
  async countWithBusinessId(): Promise<number> {
    const rows: Array<{ total: string }> = await this.db.query(
      'SELECT count(*) AS total FROM associations.association WHERE business_id IS NOT NULL',
    );
    return Number(rows[0].total);
  }

  /** The next batch of associations with a business ID, in id order after `after`. */
  withBusinessIdAfter(
    after: string,
    limit: number,
  ): Promise<
    Array<{ id: string; name: { fi: string }; business_id: string; address: Address | null }>
  > {
    return this.db.query(
      `SELECT id, name, business_id, address FROM associations.association
        WHERE business_id IS NOT NULL AND id > $1 ORDER BY id LIMIT $2`,
      [after, limit],
    );
  }

  /** Marks the association changed: its categories, activities or contacts moved. */
  async touch(id: string): Promise<void> {
    await this.db.query(
      `UPDATE associations.association SET updated_at = now(), version = version + 1 WHERE id = $1`,
      [id],
    );
  }

  /** Ids among `ids` that exist in `table` (category or service_area). */
  async existing(table: 'category' | 'service_area', ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows: Array<{ id: string }> = await this.db.query(
      `SELECT id FROM associations.${table} WHERE id = ANY($1)`,
      [ids],
    );
    return new Set(rows.map((r) => r.id));
  }

  /** Replaces category and service area links that `changes` lists; true when any moved. */
  private async replaceLinks(id: string, changes: AssociationChanges): Promise<boolean> {
    let moved = false;
    const links = [
      ['association_category', 'category_id', changes.categoryIds],
      ['association_service_area', 'service_area_id', changes.serviceAreaIds],
    ] as const;
    for (const [table, column, ids] of links) {
      if (ids === undefined) continue;
      const removed: unknown[] = await this.db.query(
        returningRows(
          `DELETE FROM associations.${table} WHERE association_id = $1 AND NOT (${column} = ANY($2)) RETURNING ${column}`,
        ),
        [id, ids],
      );
      const added: unknown[] = await this.db.query(
        `INSERT INTO associations.${table} (association_id, ${column})
         SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING RETURNING ${column}`,
        [id, ids],
      );
      moved ||= removed.length > 0 || added.length > 0;
    }
    return moved;
  }

  /** The filter as SQL, with the search's rank expression when there are search words. */
  private filtered(filter: AssociationFilter): {
    query: SelectQueryBuilder<Association>;
    rank: string | null;
  } {
    const q = this.db.getRepository(Association).createQueryBuilder('a').where('TRUE');
    const words = filter.search ? searchWords(filter.search) : [];
    const analyzer = finnishAnalyzer();
    const rankTerms = analyzer.rankTerms;
    const rank =
      words.length > 0
        ? applySearch(
            q,
            words,
            words.map((word) => analyzer.queryTerms(word)),
            rankTerms ? words.map((word) => rankTerms(word)) : undefined,
          ).rank
        : null;
    if (filter.municipalityCodes?.length === 1)
      q.andWhere('a.municipality_code = :code', { code: filter.municipalityCodes[0] });
    else if (filter.municipalityCodes?.length)
      q.andWhere('a.municipality_code = ANY(:codes)', { codes: filter.municipalityCodes });
    if (filter.statuses?.length)
      q.andWhere('a.status = ANY(:statuses)', { statuses: filter.statuses });
    if (filter.kinds?.length) q.andWhere('a.kind = ANY(:kinds)', { kinds: filter.kinds });
    if (filter.languages?.length)
      q.andWhere('a.languages && :languages::text[]', { languages: filter.languages });
    if (filter.updatedSince) q.andWhere('a.updated_at >= :since', { since: filter.updatedSince });
    if (filter.serviceAreaIds?.length) {
      q.andWhere(
        'EXISTS (SELECT 1 FROM associations.association_service_area s WHERE s.association_id = a.id AND s.service_area_id = ANY(:areas))',
        { areas: filter.serviceAreaIds },
      );
    }
    if (filter.categoryIds?.length) {
      q.andWhere(
        'EXISTS (SELECT 1 FROM associations.association_category c WHERE c.association_id = a.id AND c.category_id = ANY(:categories))',
        { categories: filter.categoryIds },
      );
    }
    return { query: q, rank };
  }
}
