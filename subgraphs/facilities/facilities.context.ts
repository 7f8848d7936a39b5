import type { DataSource } from 'typeorm';
import type { BaseContext } from '../core/context';
import type { Identity } from '../core/identity';
import { createFacilityLoaders, type FacilityLoaders } from './facility/facility.loaders';
import { FacilityService } from './facility/facility.service';

export interface FacilitiesContext extends BaseContext {
  loaders: FacilityLoaders;
  facilities: FacilityService;
}

export function createFacilitiesContext(db: DataSource, identity: Identity): FacilitiesContext {
  const loaders = createFacilityLoaders(db);
  return { identity, loaders, facilities: new FacilityService(db, loaders) };
}
