import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import type { SubgraphDefinition } from '../core/subgraph';
import { createGrantsContext, type GrantsContext } from './grants.context';
import { Initial1763800000000 } from './migrations/1763800000000-initial';
import { GrantProgram } from './program/program.entity';
import { GrantProgramResolver } from './program/program.resolver';

const referenceResolvers: GraphQLResolverMap<GrantsContext> = {
  GrantProgram: {
    __resolveReference: (ref: { id: string }, ctx: GrantsContext) =>
      ctx.loaders.program.load(ref.id),
  },
};

/** Grant programs; later rounds, applications, decisions and open data. */
export const grantsSubgraph: SubgraphDefinition<GrantsContext> = {
  name: 'grants',
  schema: 'grants',
  entities: [GrantProgram],
  migrations: [Initial1763800000000],
  resolvers: [GrantProgramResolver],
  referenceResolvers,
  createContext: createGrantsContext,
};
