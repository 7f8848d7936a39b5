import DataLoader from 'dataloader';
import { isUuid } from './ids';

/**
 * DataLoader shapes every subgraph uses. Loaders are made per request (in the context),
 * so batching spans one request and caching never crosses callers.
 */

/**
 * Loads rows by primary key in one query per batch; a missing id yields null. Ids that are
 * not UUIDs (say, from a hand-written `_entities` call) also yield null instead of failing
 * the whole batch in PostgreSQL.
 */
export function byIdLoader<T>(
  fetch: (ids: readonly string[]) => Promise<T[]>,
  idOf: (row: T) => string,
): DataLoader<string, T | null> {
  return new DataLoader(async (ids) => {
    const valid = ids.filter(isUuid);
    const rows = valid.length > 0 ? await fetch(valid) : [];
    const byId = new Map(rows.map((row) => [idOf(row), row]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}

/** Loads the many rows that belong to each key (one-to-many) in one query per batch. */
export function groupLoader<T>(
  fetch: (keys: readonly string[]) => Promise<T[]>,
  keyOf: (row: T) => string,
): DataLoader<string, T[]> {
  return new DataLoader(async (keys) => {
    const rows = await fetch(keys);
    const groups = new Map<string, T[]>();
    for (const row of rows) {
      const key = keyOf(row);
      const group = groups.get(key);
      if (group) group.push(row);
      else groups.set(key, [row]);
    }
    return keys.map((key) => groups.get(key) ?? []);
  });
}
