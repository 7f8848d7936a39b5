import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { byIdStub, calendarStub } from '../core/references';
import type { CooperationContext } from './cooperation.context';

/** How other subgraphs' references to entities here are resolved: batched per request. */
export const cooperationReferenceResolvers: GraphQLResolverMap<CooperationContext> = {
  Survey: {
    __resolveReference: (ref: { id: string }, ctx: CooperationContext) =>
      ctx.surveys.reference(ref.id),
  },
  Indicator: {
    __resolveReference: (ref: { id: string }, ctx: CooperationContext) =>
      ctx.indicators.reference(ref.id),
  },
  WorkingGroup: {
    __resolveReference: (ref: { id: string }, ctx: CooperationContext) =>
      ctx.workingGroups.reference(ref.id),
  },
  Guide: {
    // By id, or by slug where another subgraph links to a guide by name.
    __resolveReference: (ref: { id?: string; slug?: string }, ctx: CooperationContext) =>
      ref.id ? ctx.guides.reference(ref.id) : ctx.guides.referenceBySlug(ref.slug ?? ''),
  },
  Goal: {
    __resolveReference: (ref: { id: string }, ctx: CooperationContext) => ctx.goals.byId(ref.id),
  },
  // Any service area or association id is valid: one with no surveys has empty lists.
  ServiceArea: byIdStub,
  Association: byIdStub,
  Calendar: calendarStub,
};
