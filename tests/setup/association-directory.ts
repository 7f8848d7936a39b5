import type {
  AssociationDirectory,
  AssociationProfile,
} from '../../subgraphs/core/association-directory';
import { OrganizationKind } from '../../subgraphs/core/types/organization-kind';

/** What a made-up association is taken to be when a test does not say: one in Lahti. */
const DEFAULT_PROFILE: AssociationProfile = {
  municipalityCode: '398',
  kind: OrganizationKind.REGISTERED_ASSOCIATION,
};

/**
 * For a subgraph tested alone: there is no associations subgraph to ask, and its tests
 * write rows for made-up association ids. The existence check itself is tested with
 * `knownAssociations` and, end to end, through the gateway against the real subgraph.
 */
export const everyAssociationExists: AssociationDirectory = {
  existing: async (ids) => new Set(ids.map((id) => id.toLowerCase())),
  profiles: async (ids) => new Map(ids.map((id) => [id.toLowerCase(), DEFAULT_PROFILE])),
};

/** A directory that knows exactly these associations, with these profiles where given. */
export function knownAssociations(
  known: readonly string[],
  profiles: Readonly<Record<string, AssociationProfile>> = {},
): AssociationDirectory {
  const set = new Set(known.map((id) => id.toLowerCase()));
  return {
    existing: async (ids) => new Set(ids.filter((id) => set.has(id.toLowerCase()))),
    profiles: async (ids) =>
      new Map(
        ids
          .filter((id) => set.has(id.toLowerCase()))
          .map((id) => [id.toLowerCase(), profiles[id] ?? DEFAULT_PROFILE]),
      ),
  };
}
