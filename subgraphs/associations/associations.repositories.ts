import type { Connection, Data } from '../core/data';
import { ActivityRepository } from './activity/activity.repository';
import { AssociationRepository } from './association/association.repository';
import { CategoryRepository } from './category/category.repository';
import { ContactPersonRepository } from './contact/contact-person.repository';
import { PrivacyRepository } from './privacy/privacy.repository';
import { ServiceAreaRepository } from './service-area/service-area.repository';

/** Every repository of the associations subgraph, on one connection (the pool or a transaction). */
export function createAssociationsRepositories(connection: Connection) {
  return {
    associations: new AssociationRepository(connection),
    categories: new CategoryRepository(connection),
    activities: new ActivityRepository(connection),
    contacts: new ContactPersonRepository(connection),
    serviceAreas: new ServiceAreaRepository(connection),
    privacy: new PrivacyRepository(connection),
  };
}

export type AssociationsRepositories = ReturnType<typeof createAssociationsRepositories>;
export type AssociationsData = Data<AssociationsRepositories>;
