import type { SubgraphDefinition } from '../core/subgraph';
import { Association } from './association/association.entity';
import { AssociationResolver } from './association/association.resolver';
import { type AssociationsContext, createAssociationsContext } from './associations.context';
import { associationsReferenceResolvers } from './associations.reference';
import { Initial1763800000000 } from './migrations/1763800000000-initial';
import { CityLiaison } from './service-area/city-liaison.entity';
import { ServiceArea } from './service-area/service-area.entity';
import {
  CityLiaisonResolver,
  ServiceAreaFieldsResolver,
  ServiceAreaResolver,
} from './service-area/service-area.resolver';

/** The association directory: associations, service areas and the city's liaisons. */
export const associationsSubgraph: SubgraphDefinition<AssociationsContext> = {
  name: 'associations',
  schema: 'associations',
  entities: [Association, ServiceArea, CityLiaison],
  migrations: [Initial1763800000000],
  resolvers: [
    AssociationResolver,
    ServiceAreaResolver,
    ServiceAreaFieldsResolver,
    CityLiaisonResolver,
  ],
  referenceResolvers: associationsReferenceResolvers,
  createContext: createAssociationsContext,
};
