import type { DataSource, EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { Activity } from './activity.entity';

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

  findById(id: string): Promise<Activity | null> {
    return this.db.getRepository(Activity).findOne({ where: { id } });
  }

  async insert(values: QueryDeepPartialEntity<Activity>): Promise<string> {
    const result = await this.db.getRepository(Activity).insert(values);
    return (result.identifiers[0] as { id: string }).id;
  }

  async update(id: string, values: QueryDeepPartialEntity<Activity>): Promise<void> {
    if (Object.keys(values).length > 0) await this.db.getRepository(Activity).update(id, values);
  }

  async delete(id: string): Promise<void> {
    await this.db.getRepository(Activity).delete(id);
  }
}
