import type { DataSource } from 'typeorm';
import type { BaseContext } from '../core/context';
import type { Identity } from '../core/identity';
import {
  type AssociationLoaders,
  createAssociationLoaders,
} from './association/association.loaders';
import { AssociationService } from './association/association.service';
import { ServiceAreaService } from './service-area/service-area.service';

export interface AssociationsContext extends BaseContext {
  loaders: AssociationLoaders;
  associations: AssociationService;
  serviceAreas: ServiceAreaService;
}

export function createAssociationsContext(db: DataSource, identity: Identity): AssociationsContext {
  const loaders = createAssociationLoaders(db);
  return {
    identity,
    loaders,
    associations: new AssociationService(db, loaders),
    serviceAreas: new ServiceAreaService(db, loaders),
  };
}
