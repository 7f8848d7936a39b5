/**
 * The one way repositories write a row from checked values: which columns a change sets,
 * how JSON columns are encoded, and the INSERT/UPDATE text with `$n` placeholders. Column
 * names come from code (a map or the keys of a typed object), never from a client; values
 * always travel as parameters.
 */
export type ColumnValue = [column: string, parameter: unknown];

export interface ColumnSpec {
  /** Field name → column; when given, only these fields are written. Else keys are columns. */
  columns?: Readonly<Record<string, string>>;
  /** Fields (keys of the values) stored as jsonb: encoded unless null. */
  json?: ReadonlySet<string>;
}

/** The given values as [column, parameter] pairs; undefined means "not given" and is left out. */
export function columnValues(values: object, spec: ColumnSpec = {}): ColumnValue[] {
  const pairs: ColumnValue[] = [];
  for (const [field, value] of Object.entries(values)) {
    if (value === undefined) continue;
    const column = spec.columns ? spec.columns[field] : field;
    if (!column) continue;
    const encoded = value !== null && spec.json?.has(field) ? JSON.stringify(value) : value;
    pairs.push([column, encoded]);
  }
  return pairs;
}

/** `INSERT INTO table (…) VALUES ($1, …) RETURNING id`. */
export function insertSql(table: string, values: readonly ColumnValue[]): [string, unknown[]] {
  return [
    `INSERT INTO ${table} (${values.map(([c]) => c).join(', ')})
     VALUES (${values.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING id`,
    values.map(([, v]) => v),
  ];
}

export interface UpdateOptions {
  /** More assignments written as SQL, e.g. `updated_at = now()`. */
  also?: readonly string[];
  /** Write only when a value really differs, so a no-op save changes nothing. */
  onlyIfDifferent?: boolean;
  /** Write only while the row's version is this one (core/versioning.ts). */
  expectedVersion?: number | null;
}

/** `UPDATE table SET … WHERE id = $1 RETURNING id`; the id is the first parameter. */
export function updateSql(
  table: string,
  id: string,
  values: readonly ColumnValue[],
  options: UpdateOptions = {},
): [string, unknown[]] {
  const sets = [...values.map(([c], i) => `${c} = $${i + 2}`), ...(options.also ?? [])];
  const differs = values.map(([c], i) => `${c} IS DISTINCT FROM $${i + 2}`).join(' OR ');
  const parameters: unknown[] = [id, ...values.map(([, v]) => v)];
  const where = ['id = $1'];
  if (options.onlyIfDifferent && values.length) where.push(`(${differs})`);
  if (options.expectedVersion != null) {
    parameters.push(options.expectedVersion);
    where.push(`version = $${parameters.length}`);
  }
  return [
    `UPDATE ${table} SET ${sets.join(', ')} WHERE ${where.join(' AND ')} RETURNING id`,
    parameters,
  ];
}
