import type { SubgraphDefinition } from '../core/subgraph';
import { finnishAnalyzer } from '../core/finnish/finnish-terms';
import { AssociationSearchIndexer } from './association/association-search.indexer';

/** How long after a change its association's search terms are rebuilt (changes gather). */
const SEARCH_INDEX_DELAY_MS = 200;
import { Activity } from './activity/activity.entity';
import { ActivityResolver } from './activity/activity.resolver';
import { Association } from './association/association.entity';
import { AssociationResolver } from './association/association.resolver';
import { type AssociationsContext, createAssociationsContext } from './associations.context';
import { associationsReferenceResolvers } from './associations.reference';
import { Category } from './category/category.entity';
import { CategoryResolver } from './category/category.resolver';
import { ContactPerson } from './contact/contact-person.entity';
import { ContactPersonResolver } from './contact/contact-person.resolver';
import { Initial1763800000000 } from './migrations/1763800000000-initial';
import { Directory1763900000000 } from './migrations/1763900000000-directory';
import { ActivitySearch1766200000000 } from './migrations/1766200000000-activity-search';
import { SearchTerms1766300000000 } from './migrations/1766300000000-search-terms';
import { MunicipalityPages1766400000000 } from './migrations/1766400000000-municipality-pages';
import { EditVersions1768000000000 } from './migrations/1768000000000-edit-versions';
import { PersonalData1769100000000 } from './migrations/1769100000000-personal-data';
import { ContactDetailRead } from './privacy/contact-detail-read.entity';
import { AssociationsPersonalDataResolver, PrivacyResolver } from './privacy/privacy.resolver';
import {
  AssociationMunicipalityResolver,
  MunicipalityResolver,
} from './municipality/municipality.resolver';
import { CityLiaison } from './service-area/city-liaison.entity';
import { ServiceArea } from './service-area/service-area.entity';
import {
  CityLiaisonResolver,
  ServiceAreaFieldsResolver,
  ServiceAreaResolver,
} from './service-area/service-area.resolver';

/**
 * The association directory: associations with their categories, activities and contact
 * persons; service areas and the city's liaisons.
 */
export const associationsSubgraph: SubgraphDefinition<AssociationsContext> = {
  name: 'associations',
  schema: 'associations',
  entities: [
    Association,
    ServiceArea,
    CityLiaison,
    Category,
    Activity,
    ContactPerson,
    ContactDetailRead,
  ],
  migrations: [
    Initial1763800000000,
    Directory1763900000000,
    ActivitySearch1766200000000,
    SearchTerms1766300000000,
    MunicipalityPages1766400000000,
    EditVersions1768000000000,
    PersonalData1769100000000,
  ],
  resolvers: [
    AssociationResolver,
    CategoryResolver,
    ActivityResolver,
    ContactPersonResolver,
    ServiceAreaResolver,
    ServiceAreaFieldsResolver,
    CityLiaisonResolver,
    MunicipalityResolver,
    AssociationMunicipalityResolver,
    PrivacyResolver,
    AssociationsPersonalDataResolver,
  ],
  referenceResolvers: associationsReferenceResolvers,
  createContext: createAssociationsContext,
  // Search terms (Finnish base forms and compound parts) current before serving, then kept so.
  prepare: (dataSource, log) =>
    new AssociationSearchIndexer(dataSource, finnishAnalyzer()).prepare(log),
  startJobs: (dataSource, log) =>
    new AssociationSearchIndexer(dataSource, finnishAnalyzer()).start(SEARCH_INDEX_DELAY_MS, log),
};
