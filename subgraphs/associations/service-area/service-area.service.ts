import type { DataSource } from 'typeorm';
import { requireUuid } from '../../core/ids';
import type { AssociationLoaders } from '../association/association.loaders';
import type { CityLiaison } from './city-liaison.entity';
import type { ServiceArea } from './service-area.entity';
import { ServiceAreaRepository } from './service-area.repository';

/** Service areas and liaisons are public: being findable is the liaisons' job. */
export class ServiceAreaService {
  private readonly repository: ServiceAreaRepository;

  constructor(
    db: DataSource,
    private readonly loaders: AssociationLoaders,
  ) {
    this.repository = new ServiceAreaRepository(db);
  }

  all(): Promise<ServiceArea[]> {
    return this.repository.all();
  }

  liaisons(serviceAreaId: string | null | undefined): Promise<CityLiaison[]> {
    return this.repository.liaisons(
      serviceAreaId ? requireUuid('serviceAreaId', serviceAreaId) : null,
    );
  }

  liaisonsOf(serviceAreaId: string): Promise<CityLiaison[]> {
    return this.loaders.liaisonsOfServiceArea.load(serviceAreaId);
  }

  async ofAssociation(associationId: string): Promise<ServiceArea[]> {
    const links = await this.loaders.serviceAreaIdsOfAssociation.load(associationId);
    const areas = await this.loaders.serviceArea.loadMany(links.map((l) => l.serviceAreaId));
    return areas.filter((a): a is ServiceArea => a !== null && !(a instanceof Error));
  }

  async byId(id: string): Promise<ServiceArea | null> {
    return this.loaders.serviceArea.load(id);
  }
}
