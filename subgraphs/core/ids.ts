import { createHash } from 'node:crypto';
import { BadUserInputError } from './errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** Ids are UUIDs; anything else is the caller's mistake, named as such, not a database error. */
export function requireUuid(field: string, value: string): string {
  if (!isUuid(value))
    throw BadUserInputError.single(field, 'UUID', `must be an id (UUID), got "${value}"`);
  return value.toLowerCase();
}

export function requireUuids(
  field: string,
  values: readonly string[] | null | undefined,
): string[] | undefined {
  return values?.map((value, i) => requireUuid(`${field}[${i}]`, value));
}

/**
 * A UUID made from a name, shaped as version 5 (name-based, SHA-1): the same name gives the
 * same id on every run, so records derived from others keep their ids (demo data, the
 * directory's HSDS records).
 */
export function nameBasedUuid(name: string): string {
  const hex = createHash('sha1').update(name).digest('hex');
  return [
    hex.slice(0, 8),
    hex.slice(8, 12),
    `5${hex.slice(13, 16)}`,
    ((parseInt(hex.slice(16, 18), 16) & 0x3f) | 0x80).toString(16) + hex.slice(18, 20),
    hex.slice(20, 32),
  ].join('-');
}
