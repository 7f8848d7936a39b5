import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import type { SubgraphDefinition } from '../core/subgraph';
import { createFacilitiesContext, type FacilitiesContext } from './facilities.context';
import { Facility } from './facility/facility.entity';
import { FacilityResolver, SpaceResolver } from './facility/facility.resolver';
import { Initial1763800000000 } from './migrations/1763800000000-initial';
import { Space } from './space/space.entity';

const referenceResolvers: GraphQLResolverMap<FacilitiesContext> = {
  Facility: {
    __resolveReference: (ref: { id: string }, ctx: FacilitiesContext) =>
      ctx.loaders.facility.load(ref.id),
  },
  Space: {
    __resolveReference: (ref: { id: string }, ctx: FacilitiesContext) =>
      ctx.loaders.space.load(ref.id),
  },
};

/** Buildings and bookable spaces; later the bridge to the city's booking system. */
export const facilitiesSubgraph: SubgraphDefinition<FacilitiesContext> = {
  name: 'facilities',
  schema: 'facilities',
  entities: [Facility, Space],
  migrations: [Initial1763800000000],
  resolvers: [FacilityResolver, SpaceResolver],
  referenceResolvers,
  createContext: createFacilitiesContext,
};
