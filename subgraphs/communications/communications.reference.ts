import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { byIdStub } from '../core/references';
import type { CommunicationsContext } from './communications.context';

/** How other subgraphs' references to entities here are resolved: batched per request. */
export const communicationsReferenceResolvers: GraphQLResolverMap<CommunicationsContext> = {
  Announcement: {
    __resolveReference: (ref: { id: string }, ctx: CommunicationsContext) =>
      ctx.announcements.reference(ref.id),
  },
  // Audiences point at service areas and categories; any id is a valid key here.
  ServiceArea: byIdStub,
  Category: byIdStub,
};
