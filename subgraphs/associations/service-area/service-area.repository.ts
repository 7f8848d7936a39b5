import type { DataSource, EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { CityLiaison } from './city-liaison.entity';
import { ServiceArea } from './service-area.entity';

/** All SQL about service areas and their city liaisons. */
export class ServiceAreaRepository {
  constructor(private readonly db: DataSource | EntityManager) {}

  all(): Promise<ServiceArea[]> {
    return this.db.getRepository(ServiceArea).find({ order: { sortOrder: 'ASC', id: 'ASC' } });
  }

  serviceAreasByIds(ids: readonly string[]): Promise<ServiceArea[]> {
    return this.db
      .getRepository(ServiceArea)
      .createQueryBuilder('s')
      .where('s.id = ANY(:ids)', { ids })
      .getMany();
  }

  /** Liaisons of the given areas; coordinators first, then by name. */
  liaisonsOf(serviceAreaIds: readonly string[]): Promise<CityLiaison[]> {
    return this.db
      .getRepository(CityLiaison)
      .createQueryBuilder('l')
      .where('l.service_area_id = ANY(:ids)', { ids: serviceAreaIds })
      .orderBy('l.is_coordinator', 'DESC')
      .addOrderBy('l.name', 'ASC')
      .getMany();
  }

  liaisons(serviceAreaId: string | null): Promise<CityLiaison[]> {
    const q = this.db.getRepository(CityLiaison).createQueryBuilder('l');
    if (serviceAreaId) q.where('l.service_area_id = :id', { id: serviceAreaId });
    return q.orderBy('l.is_coordinator', 'DESC').addOrderBy('l.name', 'ASC').getMany();
  }

  findLiaison(id: string): Promise<CityLiaison | null> {
    return this.db.getRepository(CityLiaison).findOne({ where: { id } });
  }

  async insertArea(values: QueryDeepPartialEntity<ServiceArea>): Promise<string> {
    const result = await this.db.getRepository(ServiceArea).insert(values);
    return (result.identifiers[0] as { id: string }).id;
  }

  async updateArea(id: string, values: QueryDeepPartialEntity<ServiceArea>): Promise<void> {
    if (Object.keys(values).length > 0) await this.db.getRepository(ServiceArea).update(id, values);
  }

  async insertLiaison(values: QueryDeepPartialEntity<CityLiaison>): Promise<string> {
    const result = await this.db.getRepository(CityLiaison).insert(values);
    return (result.identifiers[0] as { id: string }).id;
  }

  async updateLiaison(id: string, values: QueryDeepPartialEntity<CityLiaison>): Promise<void> {
    if (Object.keys(values).length > 0) await this.db.getRepository(CityLiaison).update(id, values);
  }

  async deleteLiaison(id: string): Promise<void> {
    await this.db.getRepository(CityLiaison).delete(id);
  }
}
