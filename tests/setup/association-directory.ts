import type { AssociationDirectory } from '../../subgraphs/core/association-directory';

/**
 * For a subgraph tested alone: there is no associations subgraph to ask, and its tests
 * write rows for made-up association ids. The existence check itself is tested with
 * `knownAssociations` and, end to end, through the gateway against the real subgraph.
 */
export const everyAssociationExists: AssociationDirectory = {
  existing: async (ids) => new Set(ids.map((id) => id.toLowerCase())),
};

/** A directory that knows exactly these associations. */
export function knownAssociations(known: readonly string[]): AssociationDirectory {
  const set = new Set(known.map((id) => id.toLowerCase()));
  return { existing: async (ids) => new Set(ids.filter((id) => set.has(id.toLowerCase()))) };
}
