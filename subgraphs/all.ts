import type { BaseContext } from './core/context';
import type { SubgraphDefinition } from './core/subgraph';
import { associationsSubgraph } from './associations/associations.subgraph';
import {
  type CommunicationsConfig,
  readCommunicationsConfig,
} from './communications/communications.config';
import { EnvReader } from './core/env';
import { createCommunicationsSubgraph } from './communications/communications.subgraph';
import { cooperationSubgraph } from './cooperation/cooperation.subgraph';
import { createEventsSubgraph } from './events/events.subgraph';
import { DEFAULT_RETENTION, type RetentionConfig } from './core/personal-data/retention';
import { BookingBridge } from './facilities/booking/booking-bridge';
import { createFacilitiesSubgraph } from './facilities/facilities.subgraph';
import { grantsSubgraph } from './grants/grants.subgraph';

/** What the subgraphs are made from: the outside systems a deployment connects. */
export interface SubgraphDependencies {
  /** The booking systems facilities bridges, and how often it syncs with them. */
  booking: { bridge: BookingBridge; sync: { intervalMs: number; daysAhead: number } };
  /** Mail, links, reminders and the job queue of the communications subgraph. */
  communications: CommunicationsConfig;
  /** When enrolments and feedback are anonymised (the communications config has its own copy). */
  retention: RetentionConfig;
}

const NO_DEPENDENCIES: SubgraphDependencies = {
  booking: { bridge: BookingBridge.none(), sync: { intervalMs: 0, daysAhead: 180 } },
  communications: readCommunicationsConfig(new EnvReader('compose', {}), false),
  retention: DEFAULT_RETENTION,
};

/**
 * The subgraphs, in migration and start order, made from their dependencies, so that
 * `npm start` treats none of them specially. For tooling that deals with all of them
 * (compose, `npm start`, tests); no subgraph imports this.
 */
export function createSubgraphs(
  deps: SubgraphDependencies = NO_DEPENDENCIES,
): readonly SubgraphDefinition<BaseContext>[] {
  return [
    associationsSubgraph,
    createFacilitiesSubgraph(deps.booking.bridge, deps.booking.sync),
    grantsSubgraph,
    createEventsSubgraph(deps.retention),
    cooperationSubgraph,
    createCommunicationsSubgraph(deps.communications),
  ] as unknown as readonly SubgraphDefinition<BaseContext>[];
}

/** The subgraphs without outside systems: what compose and the schema tests read. */
export const ALL_SUBGRAPHS = createSubgraphs();
