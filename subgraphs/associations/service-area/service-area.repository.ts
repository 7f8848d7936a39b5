import type { DataSource } from 'typeorm';
import { CityLiaison } from './city-liaison.entity';
import { ServiceArea } from './service-area.entity';

/** All SQL about service areas and their city liaisons. */
export class ServiceAreaRepository {
  constructor(private readonly db: DataSource) {}

  all(): Promise<ServiceArea[]> {
    return this.db.getRepository(ServiceArea).find({ order: { sortOrder: 'ASC', id: 'ASC' } });
  }

  findByIds(ids: readonly string[]): Promise<ServiceArea[]> {
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
}
