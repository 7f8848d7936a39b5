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
