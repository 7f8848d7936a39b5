import { nameBasedUuid } from '../subgraphs/core/ids';

/**
 * Demo records get ids derived from a name, so the four subgraphs' demo data refer to each
 * other without sharing tables, and a re-created demo database has the same ids.
 */
export function demoId(kind: string, key: string): string {
  return nameBasedUuid(`city-association-hub:${kind}:${key}`);
}
