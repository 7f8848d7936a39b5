import type { BaseContext } from './core/context';
import type { SubgraphDefinition } from './core/subgraph';
import { associationsSubgraph } from './associations/associations.subgraph';
import { eventsSubgraph } from './events/events.subgraph';
import { facilitiesSubgraph } from './facilities/facilities.subgraph';
import { grantsSubgraph } from './grants/grants.subgraph';

/**
 * The four subgraphs, in migration and start order. For tooling that deals with all of
 * them (compose, `npm start`, tests); no subgraph imports this.
 */
export const ALL_SUBGRAPHS = [
  associationsSubgraph,
  facilitiesSubgraph,
  grantsSubgraph,
  eventsSubgraph,
] as unknown as readonly SubgraphDefinition<BaseContext>[];
