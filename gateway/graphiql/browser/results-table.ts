import { type CsvDialect, RFC_4180, toCsvText } from '../../../subgraphs/core/csv';

/**
 * A GraphQL answer as a table: the first list of objects in `data` (depth first), each
 * object flattened to its leaf fields ("serviceArea.name.fi"). Statistics answers
 * (`groups`, lists of rows with keys and figures) read naturally this way.
 */
export interface ResultsTable {
  /** Where the list is in the answer, e.g. "grantStatistics.groups". */
  path: string;
  columns: string[];
  rows: Array<Record<string, string | number | null>>;
  /** The inner list each row came from, when the list's items held one (e.g. "values"). */
  child?: string;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function flatten(
  value: Record<string, unknown>,
  prefix: string,
  into: Record<string, string | number | null>,
): void {
  for (const [key, inner] of Object.entries(value)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (isObject(inner)) flatten(inner, name, into);
    else if (Array.isArray(inner)) into[name] = inner.map((v) => JSON.stringify(v)).join(', ');
    else if (inner === null || inner === undefined) into[name] = null;
    else into[name] = typeof inner === 'number' ? inner : String(inner);
  }
}

/** Where in an object lists of objects sit (dotted paths), not looking inside those lists. */
function nestedLists(value: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(value).flatMap(([key, inner]) => {
    const name = prefix ? `${prefix}.${key}` : key;
    if (Array.isArray(inner)) return inner.length > 0 && inner.every(isObject) ? [name] : [];
    return isObject(inner) ? nestedLists(inner, name) : [];
  });
}

function at(value: Record<string, unknown>, path: string): unknown {
  return path.split('.').reduce<unknown>((v, key) => (isObject(v) ? v[key] : undefined), value);
}

function without(value: Record<string, unknown>, path: string): Record<string, unknown> {
  const [head, ...rest] = path.split('.');
  if (rest.length === 0) {
    return Object.fromEntries(Object.entries(value).filter(([key]) => key !== head));
  }
  const inner = value[head];
  return isObject(inner) ? { ...value, [head]: without(inner, rest.join('.')) } : value;
}

/**
 * The table of the first list of objects in an answer's `data`, or null when it has none.
 * When its items hold one list of objects each (an indicator's `values`, a survey's
 * questions), the table has a row per inner item with its item's fields beside it (`child`
 * names that list): a series becomes a table of periods and values.
 */
export function resultsTable(answer: unknown): ResultsTable | null {
  const data = isObject(answer) ? answer.data : undefined;
  const search = (value: unknown, path: string): ResultsTable | null => {
    if (Array.isArray(value) && value.length > 0 && value.every(isObject)) {
      const lists = [...new Set(value.flatMap((item) => nestedLists(item)))];
      const child = lists.length === 1 ? lists[0] : undefined;
      const rows = value.flatMap((item) => {
        const own: Record<string, string | number | null> = {};
        flatten(child ? without(item, child) : item, '', own);
        const inner = child ? at(item, child) : undefined;
        if (!Array.isArray(inner) || inner.length === 0) return [own];
        return inner.map((innerItem) => {
          const row = { ...own };
          flatten(innerItem as Record<string, unknown>, child!, row);
          return row;
        });
      });
      const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
      return { path, columns, rows, ...(child ? { child } : {}) };
    }
    if (isObject(value)) {
      for (const [key, inner] of Object.entries(value)) {
        const found = search(inner, path ? `${path}.${key}` : key);
        if (found) return found;
      }
    }
    return null;
  };
  return search(data, '');
}

/** Grouping keys are shown as labels even when numeric (a year, a month, a code). */
const KEY_COLUMN = /(^|\.)(year|month|code|id|weekday|period|position)$/i;
/** A key that is a time: figures along it are a series. */
const TIME_COLUMN = /(^|\.)(month|year|period)$/i;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const numeric = (value: string | number | null) =>
  value !== null && value !== '' && Number.isFinite(Number(value));

export interface ChartSpec {
  /** The columns that name a row: its keys, ids left out where a name is there. */
  labels: string[];
  /** Figures that can be drawn. */
  measures: string[];
  /**
   * `line`: one group over time. `grouped`: bars in clusters by `cluster` (the time, or the
   * inner list's key), one bar per `series` (the other keys) in each, with a legend. `bar`:
   * one bar per row.
   */
  kind: 'bar' | 'line' | 'grouped';
  cluster?: string;
  series?: string[];
}

/**
 * What to draw. A line joins points only over time within one group: grouped figures (two
 * keys, e.g. service area and year) are grouped bars, never a line from one group into
 * another. A row is named by its names, not its UUID.
 */
export function chartSpec(table: ResultsTable): ChartSpec {
  const isMeasure = (column: string) =>
    !KEY_COLUMN.test(column) && table.rows.every((r) => r[column] == null || numeric(r[column]));
  const measures = table.columns.filter(
    (c) => isMeasure(c) && table.rows.some((r) => r[c] != null),
  );
  const keys = table.columns.filter(
    (c) => !measures.includes(c) && table.rows.some((r) => r[c] != null),
  );
  const isId = (c: string) =>
    /(^|\.)id$/i.test(c) || table.rows.every((r) => r[c] == null || UUID.test(String(r[c])));
  const named = keys.filter((c) => !isId(c));
  const labels = named.length > 0 ? named : keys;
  const varies = (c: string) => new Set(table.rows.map((r) => r[c] ?? null)).size > 1;
  const time = labels.find((c) => TIME_COLUMN.test(c));
  const inner = table.child ? labels.find((c) => c.startsWith(`${table.child}.`)) : undefined;
  const cluster = time ?? inner;
  const series = labels.filter(
    (c) => c !== cluster && varies(c) && !(table.child && c.startsWith(`${table.child}.`)),
  );
  if (time && series.length === 0) return { labels, measures, kind: 'line' };
  if (cluster && series.length > 0) return { labels, measures, kind: 'grouped', cluster, series };
  return { labels, measures, kind: 'bar' };
}

/** A row's label: its key columns' values joined. */
export function rowLabel(row: ResultsTable['rows'][number], labels: readonly string[]): string {
  return labels.map((c) => row[c] ?? '–').join(' · ') || '(total)';
}

/**
 * The table as CSV (formulas neutralised), as the hub's exports write it: RFC 4180, or for a
 * spreadsheet in a Finnish locale (a byte order mark and `;`).
 */
export function tableCsv(table: ResultsTable, dialect: CsvDialect = RFC_4180): string {
  return toCsvText(
    table.columns,
    table.rows.map((r) => table.columns.map((c) => r[c] ?? '')),
    dialect,
  );
}
