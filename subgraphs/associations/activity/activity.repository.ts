import { lockVersion } from '../../core/versioning';
import type { DataSource, EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import {
  type ConnectionResult,
  type KeysetOrder,
  type PageArgs,
  paginate,
} from '../../core/connection';
import { Association } from '../association/association.entity';
import { Activity } from './activity.entity';

/** What the activities list is narrowed by, checked by the service. */
export interface ActivityQuery {
  /** Words, each matched against the activity's full-text document. */
  words: string[];
  targetGroups?: string[];
  languages?: string[];
  freeOnly?: boolean;
  associationIds?: string[];
  municipalityCodes?: string[];
}

const BY_NAME: KeysetOrder<Activity> = {
  name: 'NAME',
  direction: 'ASC',
  keys: [
    { sql: 'x.name_sort', type: 'text', value: (x) => x.name.fi ?? '' },
    { sql: 'x.id', type: 'uuid', value: (x) => x.id },
  ],
};

/** All SQL about associations' activities. */
export class ActivityRepository {
  constructor(private readonly db: DataSource | EntityManager) {}

  /** Activities of a batch of associations, by Finnish name within each. */
  ofAssociations(associationIds: readonly string[]): Promise<Activity[]> {
    return this.db
      .getRepository(Activity)
      .createQueryBuilder('x')
      .where('x.association_id = ANY(:ids)', { ids: associationIds })
      .orderBy(`x.name->>'fi' COLLATE "fi-FI-x-icu"`)
      .addOrderBy('x.id')
      .getMany();
  }

  /**
   * Activities across associations, by Finnish name, of associations that still exist
   * (not dissolved). Each filter has its index (migration ActivitySearch1766200000000).
   */
  page(query: ActivityQuery, args: PageArgs): Promise<ConnectionResult<Activity>> {
    const q = this.db
      .getRepository(Activity)
      .createQueryBuilder('x')
      .innerJoin(Association, 'a', 'a.id = x.association_id')
      .where(`a.status <> 'DISSOLVED'`);
    query.words.forEach((word, i) => {
      // Each word in any of the three languages' stemming; a short word as a prefix.
      const term = word.length >= 3 ? word : `${word}:*`;
      q.andWhere(
        `x.search_document @@ (to_tsquery('finnish', :w${i}) || to_tsquery('swedish', :w${i}) || to_tsquery('english', :w${i}))`,
        { [`w${i}`]: term },
      );
    });
    if (query.targetGroups?.length)
      q.andWhere('x.target_groups && :groups::text[]', { groups: query.targetGroups });
    if (query.languages?.length)
      q.andWhere('x.languages && :languages::text[]', { languages: query.languages });
    if (query.freeOnly) q.andWhere('x.is_free');
    if (query.associationIds?.length)
      q.andWhere('x.association_id = ANY(:associationIds)', {
        associationIds: query.associationIds,
      });
    if (query.municipalityCodes?.length)
      q.andWhere('a.municipality_code = ANY(:municipalityCodes)', {
        municipalityCodes: query.municipalityCodes,
      });
    return paginate(q, BY_NAME, args);
  }

  findById(id: string): Promise<Activity | null> {
    return this.db.getRepository(Activity).findOne({ where: { id } });
  }

  async insert(values: QueryDeepPartialEntity<Activity>): Promise<string> {
    const result = await this.db.getRepository(Activity).insert(values);
    return (result.identifiers[0] as { id: string }).id;
  }

  /** Locks the activity's row at the version its editor read (core/versioning.ts). */
  lockVersion(id: string, expected: number | null): Promise<void> {
    return lockVersion(this.db, 'associations.activity', 'Activity', id, expected);
  }

  async update(id: string, values: QueryDeepPartialEntity<Activity>): Promise<void> {
    if (Object.keys(values).length > 0) await this.db.getRepository(Activity).update(id, values);
  }

  async delete(id: string): Promise<void> {
    await this.db.getRepository(Activity).delete(id);
  }
}
