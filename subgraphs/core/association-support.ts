import { BadUserInputError } from './errors';
import { isUuid } from './ids';

/**
 * An association's support of one year is one entity across subgraphs (issue 33): the
 * grants subgraph answers its grants and total, the facilities subgraph its support in
 * kind. Its key is the association's id and the year, as "<uuid>:<year>".
 */
export const FIRST_SUPPORT_YEAR = 1900;
export const LAST_SUPPORT_YEAR = 2199;

export function supportId(associationId: string, year: number): string {
  return `${associationId.toLowerCase()}:${year}`;
}

/** The association and year a support key names; null for a key this hub never gave out. */
export function parseSupportId(id: string): { associationId: string; year: number } | null {
  const match = /^([0-9a-fA-F-]{36}):(\d{4})$/.exec(id);
  if (!match || !isUuid(match[1])) return null;
  const year = Number(match[2]);
  if (year < FIRST_SUPPORT_YEAR || year > LAST_SUPPORT_YEAR) return null;
  return { associationId: match[1].toLowerCase(), year };
}

/** Refuses a year outside the calendar the hub keeps, naming the field. */
export function requireSupportYear(field: string, year: number): number {
  if (!Number.isInteger(year) || year < FIRST_SUPPORT_YEAR || year > LAST_SUPPORT_YEAR) {
    throw BadUserInputError.single(
      field,
      'RANGE',
      `must be a year from ${FIRST_SUPPORT_YEAR} to ${LAST_SUPPORT_YEAR}, got ${year}`,
    );
  }
  return year;
}

/** The description of the entity, the same in every subgraph that adds to it. */
export const ASSOCIATION_SUPPORT_DESCRIPTION =
  "What the city gave one association in one year, in money and in kind: grants awarded and paid (the grants service), the space subsidy and equipment lent at its value (the facilities service), and the total. Amounts are exact euros. A year is Helsinki's calendar year: a grant counts in its round's year, a reservation or loan in the year it starts.";
