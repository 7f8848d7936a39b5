import { createHash } from 'node:crypto';

/**
 * Demo records get ids derived from a name, so the four subgraphs' demo data refer to each
 * other without sharing tables, and a re-created demo database has the same ids.
 */
export function demoId(kind: string, key: string): string {
  const hex = createHash('sha1').update(`city-association-hub:${kind}:${key}`).digest('hex');
  // Shaped as a version 5 UUID (name-based, SHA-1).
  return [
    hex.slice(0, 8),
    hex.slice(8, 12),
    `5${hex.slice(13, 16)}`,
    ((parseInt(hex.slice(16, 18), 16) & 0x3f) | 0x80).toString(16) + hex.slice(18, 20),
    hex.slice(20, 32),
  ].join('-');
}
