import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { byIdStub, calendarStub } from '../core/references';
import type { GrantsContext } from './grants.context';

/** How other subgraphs' references to entities here are resolved: batched per request. */
export const grantsReferenceResolvers: GraphQLResolverMap<GrantsContext> = {
  GrantProgram: {
    __resolveReference: (ref: { id: string }, ctx: GrantsContext) =>
      ctx.loaders.program.load(ref.id),
  },
  ApplicationRound: {
    __resolveReference: (ref: { id: string }, ctx: GrantsContext) => ctx.loaders.round.load(ref.id),
  },
  // Private: null for a caller who may not see it (an event's support part names it).
  GrantApplication: {
    __resolveReference: (ref: { id: string }, ctx: GrantsContext) =>
      ctx.applications.visible(ref.id),
  },
  // Any id is a valid key here: one with no grants has empty lists and a zero total.
  Association: byIdStub,
  // The total needs what the facilities subgraph gave in kind: the gateway brings it along.
  AssociationSupport: {
    __resolveReference: (
      ref: { id: string; spaceSubsidy?: { amount?: string }; equipmentLent?: { amount?: string } },
      ctx: GrantsContext,
    ) => ctx.support.byReference(ref),
  },
  ServiceArea: byIdStub,
  Calendar: calendarStub,
};
