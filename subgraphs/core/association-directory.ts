import { NotFoundError, UpstreamUnavailableError } from './errors';
import type { OrganizationKind } from './types/organization-kind';

/**
 * Which associations exist. The associations subgraph owns them, so every other subgraph
 * asks it (through its federation `_entities` field) instead of reading its tables: a
 * token naming an association that does not exist must not write reservations,
 * enrolments or grant applications that point at nothing.
 */
export interface AssociationDirectory {
  /** Those of `ids` that name an existing association. */
  existing(ids: readonly string[]): Promise<ReadonlySet<string>>;
  /**
   * Where each existing one of `ids` is based and what kind of body it is, by lower-case id:
   * for figures another subgraph groups by the association's attributes (grant statistics
   * by municipality and kind).
   */
  profiles(ids: readonly string[]): Promise<ReadonlyMap<string, AssociationProfile>>;
}

export interface AssociationProfile {
  municipalityCode: string;
  kind: OrganizationKind;
}

/**
 * Refuses with NOT_FOUND naming the first id that does not exist. Called by services right
 * before they write, after the caller was found allowed to act for the ids.
 */
export async function requireAssociations(
  directory: AssociationDirectory,
  ids: readonly string[],
): Promise<void> {
  if (ids.length === 0) return;
  const existing = await directory.existing(ids);
  const missing = ids.find((id) => !existing.has(id.toLowerCase()));
  if (missing) throw new NotFoundError('Association', missing);
}

const ENTITIES_QUERY =
  'query AssociationsExist($representations: [_Any!]!) { _entities(representations: $representations) { ... on Association { id } } }';

const PROFILES_QUERY =
  'query AssociationProfiles($representations: [_Any!]!) { _entities(representations: $representations) { ... on Association { id municipalityCode kind } } }';

/** At most this many ids in one request: a large city's applicants over many years. */
const PROFILE_BATCH = 1_000;

/**
 * The directory over HTTP: one POST to the associations subgraph per check, time-boxed.
 * `url` is a function so that `npm start` can hand it over before that subgraph listens.
 */
export function httpAssociationDirectory(
  url: () => string,
  timeoutMs = 5_000,
): AssociationDirectory {
  const unavailable = (reason: string) =>
    new UpstreamUnavailableError('The associations service', reason);
  /** The `_entities` of the associations subgraph for `ids`, as it answered them. */
  const entities = async (
    query: string,
    ids: readonly string[],
  ): Promise<Array<Record<string, unknown> | null>> => {
    let body: { data?: { _entities?: Array<Record<string, unknown> | null> } };
    try {
      const response = await fetch(url(), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query,
          variables: { representations: ids.map((id) => ({ __typename: 'Association', id })) },
        }),
        signal: AbortSignal.timeout(timeoutMs),
      });
      if (!response.ok) throw new Error(`answered HTTP ${response.status}`);
      body = (await response.json()) as typeof body;
    } catch (error) {
      throw unavailable(error instanceof Error ? error.message : String(error));
    }
    const found = body.data?._entities;
    if (!Array.isArray(found)) throw unavailable('answered without _entities');
    return found;
  };
  return {
    async existing(ids) {
      const found = await entities(ENTITIES_QUERY, ids);
      return new Set(found.flatMap((e) => (typeof e?.id === 'string' ? [e.id.toLowerCase()] : [])));
    },
    async profiles(ids) {
      const profiles = new Map<string, AssociationProfile>();
      for (let i = 0; i < ids.length; i += PROFILE_BATCH) {
        for (const e of await entities(PROFILES_QUERY, ids.slice(i, i + PROFILE_BATCH))) {
          if (typeof e?.id === 'string' && typeof e.municipalityCode === 'string') {
            profiles.set(e.id.toLowerCase(), {
              municipalityCode: e.municipalityCode,
              kind: e.kind as OrganizationKind,
            });
          }
        }
      }
      return profiles;
    },
  };
}
