import type { DataSource } from 'typeorm';
import { byIdLoader, groupLoader } from '../../core/loaders';
import { FacilityRepository } from './facility.repository';

export function createFacilityLoaders(db: DataSource) {
  const repository = new FacilityRepository(db);
  return {
    facility: byIdLoader(
      (ids) => repository.facilitiesByIds(ids),
      (f) => f.id,
    ),
    space: byIdLoader(
      (ids) => repository.spacesByIds(ids),
      (s) => s.id,
    ),
    spacesOfFacility: groupLoader(
      (ids) => repository.spacesOfFacilities(ids),
      (s) => s.facilityId,
    ),
  };
}
export type FacilityLoaders = ReturnType<typeof createFacilityLoaders>;
