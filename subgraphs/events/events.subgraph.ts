import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import type { SubgraphDefinition } from '../core/subgraph';
import { Event } from './event/event.entity';
import { AssociationEventsResolver, EventResolver } from './event/event.resolver';
import { createEventsContext, type EventsContext } from './events.context';
import { Initial1763800000000 } from './migrations/1763800000000-initial';

const referenceResolvers: GraphQLResolverMap<EventsContext> = {
  Event: {
    __resolveReference: (ref: { id: string }, ctx: EventsContext) => ctx.events.reference(ref.id),
  },
  // Any association id is a valid key here: one with no events simply has an empty page.
  Association: { __resolveReference: (ref: { id: string }) => ({ id: ref.id }) },
};

/** Events of the cooperation; later enrolment, feedback and the calendar. */
export const eventsSubgraph: SubgraphDefinition<EventsContext> = {
  name: 'events',
  schema: 'events',
  entities: [Event],
  migrations: [Initial1763800000000],
  resolvers: [EventResolver, AssociationEventsResolver],
  referenceResolvers,
  createContext: createEventsContext,
};
