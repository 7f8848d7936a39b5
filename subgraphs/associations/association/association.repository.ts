import type { DataSource, SelectQueryBuilder } from 'typeorm';
import {
  type ConnectionResult,
  type KeysetOrder,
  type PageArgs,
  paginate,
} from '../../core/connection';
import { Association } from './association.entity';
import { AssociationOrder } from './association.enums';
import type { AssociationFilter } from './association.inputs';

const ORDERS: Record<AssociationOrder, KeysetOrder<Association>> = {
  [AssociationOrder.NAME]: {
    name: AssociationOrder.NAME,
    direction: 'ASC',
    keys: [
      { sql: 'a.name_sort', value: (a) => a.name.fi ?? '' },
      { sql: 'a.id', value: (a) => a.id },
    ],
  },
  [AssociationOrder.UPDATED_AT]: {
    name: AssociationOrder.UPDATED_AT,
    direction: 'DESC',
    keys: [
      { sql: 'a.updated_at', value: (a) => a.updatedAt },
      { sql: 'a.id', value: (a) => a.id },
    ],
  },
};

/** Escapes LIKE wildcards so a user's "%" or "_" is matched literally. */
function likePrefix(word: string): string {
  return `${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** All SQL about associations. */
export class AssociationRepository {
  constructor(private readonly db: DataSource) {}

  findByIds(ids: readonly string[]): Promise<Association[]> {
    return this.db
      .getRepository(Association)
      .createQueryBuilder('a')
      .where('a.id = ANY(:ids)', { ids })
      .getMany();
  }

  findByBusinessId(businessId: string): Promise<Association | null> {
    return this.db.getRepository(Association).findOne({ where: { businessId } });
  }

  page(
    filter: AssociationFilter,
    order: AssociationOrder,
    args: PageArgs,
  ): Promise<ConnectionResult<Association>> {
    return paginate(this.filtered(filter), ORDERS[order], args);
  }

  /** service area ids per association, for a batch of associations. */
  async serviceAreaIds(
    associationIds: readonly string[],
  ): Promise<Array<{ associationId: string; serviceAreaId: string }>> {
    const rows: Array<{ association_id: string; service_area_id: string }> = await this.db.query(
      `SELECT association_id, service_area_id FROM associations.association_service_area WHERE association_id = ANY($1)`,
      [associationIds],
    );
    return rows.map((r) => ({ associationId: r.association_id, serviceAreaId: r.service_area_id }));
  }

  private filtered(filter: AssociationFilter): SelectQueryBuilder<Association> {
    const q = this.db.getRepository(Association).createQueryBuilder('a').where('TRUE');
    if (filter.search) {
      // Every word must prefix-match a word of the name in some language.
      filter.search
        .trim()
        .split(/\s+/)
        .forEach((word, i) => {
          q.andWhere(
            `EXISTS (SELECT 1 FROM jsonb_each_text(a.name) AS n(lang, text), regexp_split_to_table(n.text, '[^[:alnum:]]+') AS w(word) WHERE lower(w.word) LIKE lower(:word${i}))`,
            { [`word${i}`]: likePrefix(word) },
          );
        });
    }
    if (filter.municipalityCodes?.length)
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
    return q;
  }
}
