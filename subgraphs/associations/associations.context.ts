import type { DataSource } from 'typeorm';
import type { BaseContext } from '../core/context';
import type { Identity } from '../core/identity';
import { ActivityService } from './activity/activity.service';
import { AssociationService } from './association/association.service';
import { type AssociationLoaders, createAssociationLoaders } from './associations.loaders';
import { CategoryService } from './category/category.service';
import { ContactPersonService } from './contact/contact-person.service';
import { ServiceAreaService } from './service-area/service-area.service';

export interface AssociationsContext extends BaseContext {
  loaders: AssociationLoaders;
  associations: AssociationService;
  categories: CategoryService;
  activities: ActivityService;
  contacts: ContactPersonService;
  serviceAreas: ServiceAreaService;
}

export function createAssociationsContext(db: DataSource, identity: Identity): AssociationsContext {
  const loaders = createAssociationLoaders(db);
  const associations = new AssociationService(db, loaders, identity);
  return {
    identity,
    loaders,
    associations,
    categories: new CategoryService(db, loaders, identity, associations),
    activities: new ActivityService(db, loaders, associations),
    contacts: new ContactPersonService(db, loaders, identity, associations),
    serviceAreas: new ServiceAreaService(db, loaders, identity),
  };
}
