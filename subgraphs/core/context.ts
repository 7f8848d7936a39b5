import type { Identity } from './identity';

/**
 * What every resolver receives. Each subgraph extends it with its per-request DataLoaders
 * and services; everything in a context lives for one request only, so a loader's cache
 * can never serve one caller's data to another.
 */
export interface BaseContext {
  identity: Identity;
}
