import type { DataSource } from 'typeorm';
import { byIdLoader, groupLoader } from '../../core/loaders';
import { ServiceAreaRepository } from '../service-area/service-area.repository';
import { AssociationRepository } from './association.repository';

export function createAssociationLoaders(db: DataSource) {
  const associations = new AssociationRepository(db);
  const serviceAreas = new ServiceAreaRepository(db);
  return {
    association: byIdLoader(
      (ids) => associations.findByIds(ids),
      (a) => a.id,
    ),
    serviceAreaIdsOfAssociation: groupLoader(
      (ids) => associations.serviceAreaIds(ids),
      (row) => row.associationId,
    ),
    serviceArea: byIdLoader(
      (ids) => serviceAreas.findByIds(ids),
      (s) => s.id,
    ),
    liaisonsOfServiceArea: groupLoader(
      (ids) => serviceAreas.liaisonsOf(ids),
      (l) => l.serviceAreaId,
    ),
  };
}
export type AssociationLoaders = ReturnType<typeof createAssociationLoaders>;
