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

/** The table of the first list of objects in an answer's `data`, or null when it has none. */
export function resultsTable(answer: unknown): ResultsTable | null {
  const data = isObject(answer) ? answer.data : undefined;
  const search = (value: unknown, path: string): ResultsTable | null => {
    if (Array.isArray(value) && value.length > 0 && value.every(isObject)) {
      const rows = value.map((item) => {
        const row: Record<string, string | number | null> = {};
        flatten(item, '', row);
        return row;
      });
      const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
      return { path, columns, rows };
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
const KEY_COLUMN = /(^|\.)(year|month|code|id|weekday|period)$/i;

const numeric = (value: string | number | null) =>
  value !== null && value !== '' && Number.isFinite(Number(value));

/**
 * What to draw: the label columns (the groups' keys) and the figures that can be drawn
 * (numeric, not keys); a line when a label is a time (month, year, period), else bars.
 */
export function chartSpec(table: ResultsTable): {
  labels: string[];
  measures: string[];
  kind: 'bar' | 'line';
} {
  const isMeasure = (column: string) =>
    !KEY_COLUMN.test(column) && table.rows.every((r) => r[column] == null || numeric(r[column]));
  const measures = table.columns.filter(
    (c) => isMeasure(c) && table.rows.some((r) => r[c] != null),
  );
  const labels = table.columns.filter((c) => !measures.includes(c));
  const kind = labels.some((c) => /(^|\.)(month|year|period)$/i.test(c)) ? 'line' : 'bar';
  return { labels, measures, kind };
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
