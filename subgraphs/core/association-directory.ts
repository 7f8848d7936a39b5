import { NotFoundError, UpstreamUnavailableError } from './errors';

/**
 * Which associations exist. The associations subgraph owns them, so every other subgraph
 * asks it (through its federation `_entities` field) instead of reading its tables: a
 * token naming an association that does not exist must not write reservations,
 * enrolments or grant applications that point at nothing.
 */
export interface AssociationDirectory {
  /** Those of `ids` that name an existing association. */
  existing(ids: readonly string[]): Promise<ReadonlySet<string>>;
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
  return {
    async existing(ids) {
      let body: { data?: { _entities?: Array<{ id?: string } | null> } };
      try {
        const response = await fetch(url(), {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            query: ENTITIES_QUERY,
            variables: { representations: ids.map((id) => ({ __typename: 'Association', id })) },
          }),
          signal: AbortSignal.timeout(timeoutMs),
        });
        if (!response.ok) throw new Error(`answered HTTP ${response.status}`);
        body = (await response.json()) as typeof body;
      } catch (error) {
        throw unavailable(error instanceof Error ? error.message : String(error));
      }
      const entities = body.data?._entities;
      if (!Array.isArray(entities)) throw unavailable('answered without _entities');
      return new Set(
        entities.flatMap((e) => (typeof e?.id === 'string' ? [e.id.toLowerCase()] : [])),
      );
    },
  };
}
