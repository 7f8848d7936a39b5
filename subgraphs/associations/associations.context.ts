import type { SharedServices } from '../core/context';
import type { DataSource } from 'typeorm';
import type { BaseContext } from '../core/context';
import { Data } from '../core/data';
import { createAssociationsRepositories } from './associations.repositories';
import type { Identity } from '../core/identity';
import { ActivityService } from './activity/activity.service';
import { AssociationService } from './association/association.service';
import { type AssociationLoaders, createAssociationLoaders } from './associations.loaders';
import { CategoryService } from './category/category.service';
import { ContactPersonService } from './contact/contact-person.service';
import { ServiceAreaService } from './service-area/service-area.service';
import { MunicipalityService } from './municipality/municipality.service';
import { PersonalDataLog, PersonalDataService } from '../core/personal-data/personal-data.service';
import { AssociationsPersonalData } from './privacy/personal-data.source';
import { ContactDetailReads, PrivacyService } from './privacy/privacy.service';

export interface AssociationsContext extends BaseContext {
  loaders: AssociationLoaders;
  associations: AssociationService;
  categories: CategoryService;
  activities: ActivityService;
  contacts: ContactPersonService;
  serviceAreas: ServiceAreaService;
  municipalities: MunicipalityService;
  privacy: PrivacyService;
  personalData: PersonalDataService;
}

export function createAssociationsContext(
  db: DataSource,
  identity: Identity,
  shared: SharedServices,
): AssociationsContext {
  const data = new Data(db, createAssociationsRepositories);
  const loaders = createAssociationLoaders(data.repositories);
  const associations = new AssociationService(data, loaders, identity, shared.events);
  return {
    identity,
    loaders,
    associations,
    categories: new CategoryService(data, loaders, identity, associations),
    activities: new ActivityService(data, loaders, associations),
    contacts: new ContactPersonService(
      data,
      loaders,
      identity,
      associations,
      new ContactDetailReads(data, identity, () => new Date()),
    ),
    serviceAreas: new ServiceAreaService(data, loaders, identity),
    municipalities: new MunicipalityService(),
    privacy: new PrivacyService(data, identity),
    personalData: new PersonalDataService(
      'associations',
      identity,
      new AssociationsPersonalData(data, associations),
      new PersonalDataLog(db, 'associations'),
    ),
  };
}
