import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { byIdStub } from '../core/references';
import type { EventsContext } from './events.context';

/** How other subgraphs' references to entities here are resolved: batched per request. */
export const eventsReferenceResolvers: GraphQLResolverMap<EventsContext> = {
  Event: {
    __resolveReference: (ref: { id: string }, ctx: EventsContext) => ctx.events.reference(ref.id),
  },
  // Any association id is a valid key here: one with no events simply has an empty page.
  Association: byIdStub,
  // Any space id is valid: a space with no events has an empty list.
  Space: byIdStub,
  // Any working group id is valid: a group with no meetings has an empty list.
  WorkingGroup: byIdStub,
  Calendar: {
    __resolveReference: (
      ref: { year: number; serviceAreaId?: string | null },
      ctx: EventsContext,
    ) => ctx.calendar.calendar(ref.year, ref.serviceAreaId ?? null),
  },
};
