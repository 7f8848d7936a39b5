import type { DomainEventBus } from './domain-events';
import type { AssociationDirectory } from './association-directory';
import type { Identity } from './identity';
import type { PublicGraph } from './public-graph';

/**
 * What every resolver receives. Each subgraph extends it with its per-request DataLoaders
 * and services; everything in a context lives for one request only, so a loader's cache
 * can never serve one caller's data to another.
 */
export interface BaseContext {
  identity: Identity;
}

/** What a subgraph is given from outside its own database, the same for every request. */
/**
 * What of the caller's HTTP request a subgraph may pass on: its bearer token, so that a
 * write another subgraph owns (an event's hold on a space) is asked with the caller's own
 * rights, never with more.
 */
export interface CallerRequest {
  authorization?: string;
}

export interface SharedServices {
  /** Asks the associations subgraph which associations exist. */
  associations: AssociationDirectory;
  /** The hub's public graph, for figures another subgraph owns. */
  graph: PublicGraph;
  /** Domain events: what this subgraph records for the others, and what it consumes. */
  events: DomainEventBus;
}
