import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import type { AssociationsContext } from './associations.context';

/** How other subgraphs' references to our entities are resolved: batched per request. */
export const associationsReferenceResolvers: GraphQLResolverMap<AssociationsContext> = {
  Association: {
    __resolveReference: (ref: { id: string }, ctx: AssociationsContext) =>
      ctx.loaders.association.load(ref.id),
  },
  Category: {
    __resolveReference: (ref: { id: string }, ctx: AssociationsContext) =>
      ctx.loaders.category.load(ref.id),
  },
  Municipality: {
    __resolveReference: (ref: { code: string }, ctx: AssociationsContext) =>
      ctx.municipalities.byCode(ref.code),
  },
  ServiceArea: {
    __resolveReference: (ref: { id: string }, ctx: AssociationsContext) =>
      ctx.loaders.serviceArea.load(ref.id),
  },
};
