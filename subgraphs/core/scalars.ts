import { GraphQLScalarType, Kind } from 'graphql';

/** ISO 8601 with an explicit offset or Z; a time without a zone is ambiguous in Helsinki. */
const ISO_WITH_OFFSET =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-](\d{2}):(\d{2}))$/;

const daysInMonth = (year: number, month: number) =>
  new Date(Date.UTC(year, month, 0)).getUTCDate();

/** Shown in error messages; cut so that a megabyte of garbage is not echoed back. */
const shown = (value: unknown) => JSON.stringify(value)?.slice(0, 80) ?? String(value);

/**
 * A DateTime argument as a Date. `Date` alone reads "2027-02-30" as 2 March and "24:00" as
 * the next day; an impossible date or time is refused instead of silently moved.
 */
export function parseDateTime(value: unknown): Date {
  const match = typeof value === 'string' ? ISO_WITH_OFFSET.exec(value) : null;
  if (!match) {
    throw new TypeError(
      `DateTime must be an ISO 8601 string with an offset, e.g. "2026-03-14T17:00:00+02:00"; got ${shown(value)}`,
    );
  }
  const [year, month, day, hour, minute, second, offsetHours, offsetMinutes] = match
    .slice(1)
    .map((part) => (part === undefined ? 0 : Number(part)));
  if (
    month < 1 ||
    month > 12 ||
    day < 1 ||
    day > daysInMonth(year, month) ||
    hour > 23 ||
    minute > 59 ||
    second > 59 ||
    offsetHours > 18 ||
    offsetMinutes > 59
  ) {
    throw new TypeError(`DateTime ${shown(value)} is not a real date and time`);
  }
  const date = new Date(value as string);
  if (Number.isNaN(date.getTime()))
    throw new TypeError(`DateTime ${shown(value)} is not a real moment`);
  return date;
}

export const DateTimeScalar = new GraphQLScalarType<Date, string>({
  name: 'DateTime',
  description:
    'A moment in time as ISO 8601 with an offset, e.g. "2026-03-14T15:00:00.000Z". Stored in UTC; shown to people in Europe/Helsinki.',
  serialize(value) {
    const date = value instanceof Date ? value : new Date(String(value));
    if (Number.isNaN(date.getTime()))
      throw new TypeError(`Cannot serialize ${String(value)} as DateTime`);
    return date.toISOString();
  },
  parseValue: parseDateTime,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw new TypeError('DateTime must be given as a string');
    return parseDateTime(ast.value);
  },
});

const DECIMAL = /^-?\d{1,12}(\.\d{1,2})?$/;

export function parseDecimal(value: unknown): string {
  if (typeof value !== 'string' || !DECIMAL.test(value)) {
    throw new TypeError(
      `Decimal must be a string with at most two decimals and a point, e.g. "1234.50"; got ${shown(value)}`,
    );
  }
  return value;
}

/**
 * Exact decimal numbers travel as strings: PostgreSQL `numeric` comes back from `pg` as a
 * string and stays one, so no euro amount is ever rounded through a float.
 */
export const DecimalScalar = new GraphQLScalarType<string, string>({
  name: 'Decimal',
  description: 'An exact decimal number as a string, e.g. "1234.50". Never a float.',
  serialize(value) {
    if (typeof value === 'string') return value;
    if (typeof value === 'number' && Number.isInteger(value)) return String(value);
    throw new TypeError(`Decimal values must be strings, got ${typeof value}`);
  },
  parseValue: parseDecimal,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING)
      throw new TypeError('Decimal must be given as a string, e.g. "1234.50"');
    return parseDecimal(ast.value);
  },
});
