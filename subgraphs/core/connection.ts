import { type ClassType, Field, Int, ObjectType } from 'type-graphql';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { BadUserInputError } from './errors';
import { isUuid } from './ids';
import { unstorableTextReason } from './request-guard';
import { PageInfo } from './types/page-info.type';

/**
 * Relay connections with keyset pagination. A cursor is the ordering's key values of one
 * row, opaque to clients; the next page is "rows after these values", so a page costs
 * the same however deep it is and rows inserted meanwhile do not shift it.
 */
export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

export interface PageArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface ConnectionResult<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
  /** A getter, so the count query runs only when a client asks for totalCount. */
  readonly totalCount: Promise<number>;
  /**
   * Whether `totalCount` is an estimate; a getter that counts as `totalCount` does. Only
   * lists made with `estimatedCount` may say true.
   */
  readonly totalCountIsEstimate?: Promise<boolean>;
}

/** What a count gave: the number, and whether it is exact or PostgreSQL's estimate. */
export interface Counted {
  total: number;
  estimated: boolean;
}

/**
 * Creates the `<Name>Connection` and `<Name>Edge` object types for a node type. With
 * `estimatedCount` (when a count may be estimated, for the field's description) the
 * connection also has `totalCountIsEstimate`.
 */
export function createConnectionType<T extends object>(
  name: string,
  node: ClassType<T>,
  description: string,
  options: { estimatedCount?: string } = {},
) {
  @ObjectType(`${name}Edge`, { description: `One ${description} in a page, with its cursor.` })
  class EdgeType {
    @Field(() => String, {
      description: 'Opaque cursor of this item; pass it as `after` or `before`.',
    })
    cursor!: string;

    @Field(() => node, { description: `The ${description}.` })
    node!: T;
  }

  @ObjectType(`${name}Connection`, {
    description: `A page of ${description} items (Relay connection).`,
  })
  class ConnectionType {
    @Field(() => [EdgeType], { description: 'The items on this page, in order.' })
    edges!: EdgeType[];

    @Field(() => PageInfo, { description: 'Where this page sits in the whole list.' })
    pageInfo!: PageInfo;

    @Field(() => Int, {
      description: options.estimatedCount
        ? `How many items match the filter in all, across every page: exact, except ${options.estimatedCount} (then \`totalCountIsEstimate\` is true).`
        : 'How many items match the filter in all, across every page.',
    })
    totalCount!: number;
  }
  // A field only some connections have: the decorator applied by hand, as `@Field` would.
  if (options.estimatedCount) {
    Field(() => Boolean, {
      description: `True when \`totalCount\` is PostgreSQL's estimate rather than a count: ${options.estimatedCount}. False when it is exact.`,
    })(ConnectionType.prototype, 'totalCountIsEstimate');
  }
  return ConnectionType;
}

/** What a sort key's values are: a cursor's values are checked against it before any SQL. */
export type KeysetKeyType = 'timestamp' | 'uuid' | 'text' | 'number';

/** One sort key: an SQL expression (never null) and how to read its value off a row. */
export interface KeysetKey<Row> {
  sql: string;
  type: KeysetKeyType;
  /**
   * For a computed key (say, a search rank) that is no entity column: the alias it is
   * selected under; `value` then reads it from the raw row.
   */
  select?: string;
  value: (row: Row, raw: Record<string, unknown>) => string | number | Date;
}

/** One ordering a list supports: keys ending in a unique column. */
export interface KeysetOrder<Row> {
  /** Written into cursors so a cursor from one ordering is refused by another. */
  name: string;
  direction: 'ASC' | 'DESC';
  keys: ReadonlyArray<KeysetKey<Row>>;
  /**
   * Columns the filter holds to one value, ordered by first: the same order, but one an
   * index beginning with them can read as a range (not part of cursors).
   */
  leading?: readonly string[];
}

interface Cursor {
  o: string;
  v: Array<string | number>;
}

export function encodeCursor(order: string, values: ReadonlyArray<string | number | Date>): string {
  const cursor: Cursor = {
    o: order,
    v: values.map((v) => (v instanceof Date ? v.toISOString() : v)),
  };
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

export function decodeCursor(
  field: string,
  cursor: string,
  order: KeysetOrder<unknown>,
): Cursor['v'] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw BadUserInputError.single(field, 'CURSOR', 'is not a cursor this API gave out');
  }
  const c = parsed as Partial<Cursor> | null;
  if (!c || typeof c !== 'object' || !Array.isArray(c.v) || c.v.length !== order.keys.length) {
    throw BadUserInputError.single(field, 'CURSOR', 'is not a cursor this API gave out');
  }
  if (c.o !== order.name) {
    throw BadUserInputError.single(
      field,
      'CURSOR_ORDER',
      `was made for ordering ${String(c.o)}, but this request orders by ${order.name}`,
    );
  }
  // A forged cursor must not reach SQL: a value of the wrong type fails a cast there.
  if (!c.v.every((value, i) => fitsKey(value, order.keys[i].type))) {
    throw BadUserInputError.single(field, 'CURSOR', 'is not a cursor this API gave out');
  }
  return c.v;
}

/** An instant in UTC to the millisecond or, as PostgreSQL keeps it, to the microsecond. */
const ISO_INSTANT = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3})(\d{3})?Z$/;

function fitsKey(value: unknown, type: KeysetKeyType): boolean {
  switch (type) {
    case 'timestamp': {
      const match = typeof value === 'string' ? ISO_INSTANT.exec(value) : null;
      return match !== null && new Date(`${match[1]}Z`).toISOString() === `${match[1]}Z`;
    }
    case 'uuid':
      return typeof value === 'string' && isUuid(value);
    case 'text':
      return typeof value === 'string' && value.length <= 1000 && !unstorableTextReason(value);
    case 'number':
      return (
        (typeof value === 'number' && Number.isFinite(value)) ||
        (typeof value === 'string' &&
          value.length <= 40 &&
          Number.isFinite(Number(value)) &&
          value.trim() !== '')
      );
  }
}

/** SQL that writes a timestamptz as an ISO instant in UTC with all six fractional digits. */
function isoMicroseconds(sql: string): string {
  return `to_char((${sql}) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
}

/** Whole milliseconds written as JavaScript writes them, so a row's cursor is one string. */
function shortestInstant(iso: string): string {
  return iso.replace(/(\.\d{3})000Z$/, '$1Z');
}

export interface NormalizedPage {
  /** How many edges to return (the `first` or `last` asked, 20 by default). */
  size: number;
  /** True when the page is cut from the start of the cursors' range (`first`), false from its end (`last`). */
  forward: boolean;
  /** Both cursors apply together, as the Relay spec's ApplyCursorsToEdges does. */
  after: string | null;
  before: string | null;
}

/**
 * Applies the paging rules every connection shares, following the Relay cursor-connections
 * spec: `after` and `before` both narrow the range; `first` cuts from its start, `last` from
 * its end; 20 from the start when neither is given (from the end when `before` is given
 * without `first`).
 * `first` and `last` together, which the spec "strongly discourages", are refused.
 */
export function normalizePageArgs(args: PageArgs): NormalizedPage {
  const { first, last } = args;
  if (first != null && last != null) {
    throw BadUserInputError.single(
      'first',
      'EXCLUSIVE',
      'cannot be combined with last; page one way at a time',
    );
  }
  for (const [field, value] of [
    ['first', first],
    ['last', last],
  ] as const) {
    if (value != null && (value < 0 || value > MAX_PAGE_SIZE)) {
      throw BadUserInputError.single(
        field,
        'RANGE',
        `must be from 0 to ${MAX_PAGE_SIZE}, got ${value}`,
      );
    }
  }
  const after = args.after ?? null;
  const before = args.before ?? null;
  const forward = last == null && (first != null || before == null);
  return { size: (forward ? first : last) ?? DEFAULT_PAGE_SIZE, forward, after, before };
}

/**
 * The page info of the Relay spec's HasPreviousPage and HasNextPage, given whether rows
 * beyond the page's cut end exist (`hasMore`). The side that was not cut says true when its
 * cursor is given: the cursor's own row lies beyond it, which the spec allows a server to
 * say without a query.
 */
export function pageInfoOf(
  page: NormalizedPage,
  hasMore: boolean,
  edges: ReadonlyArray<{ cursor: string }>,
): PageInfo {
  return {
    hasNextPage: page.forward ? hasMore : page.before !== null,
    hasPreviousPage: page.forward ? page.after !== null : hasMore,
    startCursor: edges[0]?.cursor ?? null,
    endCursor: edges[edges.length - 1]?.cursor ?? null,
  };
}

/**
 * Runs one page of `query` in the given order. `query` carries the filters only; this adds
 * the cursor condition, ordering and limit, and counts the filtered rows on demand: exactly,
 * unless `count` says how (it gets the filtered query).
 */
export async function paginate<Row extends ObjectLiteral>(
  query: SelectQueryBuilder<Row>,
  order: KeysetOrder<Row>,
  args: PageArgs,
  count: (filtered: SelectQueryBuilder<Row>) => Promise<Counted> = async (filtered) => ({
    total: await filtered.getCount(),
    estimated: false,
  }),
): Promise<ConnectionResult<Row>> {
  const page = normalizePageArgs(args);
  const countQuery = query.clone();
  const pageQuery = query.clone();
  const columns = order.keys.map((k) => k.sql);
  const rowKey = `(${columns.join(', ')})`;
  // Each cursor bounds the range in the ordering's own direction, whichever way we page.
  for (const [field, after] of [
    ['after', true],
    ['before', false],
  ] as const) {
    const cursor = page[field];
    if (cursor === null) continue;
    const values = decodeCursor(field, cursor, order as KeysetOrder<unknown>);
    const params = Object.fromEntries(values.map((v, i) => [`${field}${i}`, v]));
    const placeholders = values.map((_, i) => `:${field}${i}`);
    const greater = (order.direction === 'ASC') === after;
    pageQuery.andWhere(`${rowKey} ${greater ? '>' : '<'} (${placeholders.join(', ')})`, params);
  }
  // Walking backwards is walking forwards in the opposite direction, then reversing.
  const ascending = (order.direction === 'ASC') === page.forward;
  // A computed key is ordered by its alias: the same expression written again would be
  // computed again for every row (a search's rank: 15 % of the statement at 100,000 rows).
  const sortKeys = order.keys.map((k) => (k.select ? `"${k.select}"` : k.sql));
  [...(order.leading ?? []), ...sortKeys].forEach((column, i) => {
    const direction = ascending ? 'ASC' : 'DESC';
    if (i === 0) pageQuery.orderBy(column, direction);
    else pageQuery.addOrderBy(column, direction);
  });
  // One row more than the page says whether more follow, even for `first: 0`.
  pageQuery.limit(page.size + 1);
  // A timestamp's cursor value is read as text to the microsecond: a JavaScript Date keeps
  // milliseconds only, and a row stamped by now() would then sort after its own cursor.
  const exact = (i: number) => `cursor_key_${i}`;
  order.keys.forEach((key, i) => {
    if (key.select) pageQuery.addSelect(key.sql, key.select);
    if (key.type === 'timestamp') pageQuery.addSelect(isoMicroseconds(key.sql), exact(i));
  });

  // Without joins, raw rows and entities come back one to one and in the same order.
  const { entities, raw } = await pageQuery.getRawAndEntities();
  const rows = entities.map((node, i) => ({ node, raw: raw[i] as Record<string, unknown> }));
  const hasMore = rows.length > page.size;
  const pageRows = rows.slice(0, page.size);
  if (!page.forward) pageRows.reverse();

  const edges = pageRows.map(({ node, raw }) => ({
    node,
    cursor: encodeCursor(
      order.name,
      order.keys.map((k, i) =>
        k.type === 'timestamp' ? shortestInstant(raw[exact(i)] as string) : k.value(node, raw),
      ),
    ),
  }));
  let counted: Promise<Counted> | undefined;
  const counting = () => (counted ??= count(countQuery));
  return {
    edges,
    pageInfo: pageInfoOf(page, hasMore, edges),
    get totalCount() {
      return counting().then((c) => c.total);
    },
    get totalCountIsEstimate() {
      return counting().then((c) => c.estimated);
    },
  };
}
