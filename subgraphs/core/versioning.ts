import { returningRows } from './database';
import { ConflictError, NotFoundError } from './errors';
import { type ColumnValue, updateSql, type UpdateOptions } from './sql-writes';
import type { Validator } from './validation';

/**
 * Optimistic concurrency for everything staff and representatives edit (issue 28, item 12).
 * Two people editing one announcement draft both got 200 and the first edit vanished. Now
 * each editable row has a `version` that every change raises by one, and an update names the
 * version its author last saw: a stale one writes nothing and is CONFLICT naming the current
 * version. A client that really means "whatever is there now" says `overwrite: true`, so
 * losing someone's edit is always a decision, never an accident.
 */
export const VERSION_DESCRIPTION =
  'Raised by one at every change: send it back as `expectedVersion` when updating, so that nobody overwrites an edit they have not seen.';
export const EXPECTED_VERSION_DESCRIPTION =
  'The `version` you last read. When it changed since, nothing is written and the answer is CONFLICT naming the current version. Required unless `overwrite` is true.';
export const OVERWRITE_DESCRIPTION =
  'True to write whatever the current version is (replacing edits you have not seen), instead of naming `expectedVersion`.';

/** What an update input carries for this. */
export interface VersionedInput {
  expectedVersion?: number | null;
  overwrite?: boolean | null;
}

/** The version an update expects, or null for an explicit overwrite; problems into `v`. */
export function expectedVersionOf(v: Validator, input: VersionedInput): number | null {
  const expected = input.expectedVersion ?? null;
  if (input.overwrite === true) {
    if (expected !== null) {
      v.problem('input.overwrite', 'ONE_OF', 'give expectedVersion or overwrite: true, not both');
    }
    return null;
  }
  if (expected === null) {
    v.problem(
      'input.expectedVersion',
      'REQUIRED',
      'name the version you last read (its `version` field), or set overwrite: true to replace whatever is there',
    );
    return null;
  }
  if (!Number.isSafeInteger(expected) || expected < 1) {
    v.problem('input.expectedVersion', 'MIN', 'must be a version: a whole number from 1');
  }
  return expected;
}

/** An explicit overwrite, for the hub's own single-purpose changes (cancel, close). */
export const OVERWRITE: VersionedInput = Object.freeze({ overwrite: true });

interface Queryable {
  query(text: string, parameters?: unknown[]): Promise<unknown>;
}

/**
 * `UPDATE table SET …, version = version + 1 WHERE id = $1 AND version = <expected>`, and
 * when no row was written: NOT_FOUND when the row is gone, CONFLICT naming the current
 * version when it moved on. With `onlyIfDifferent`, a save that changes nothing writes
 * nothing and keeps the version. The check and the write are one statement, so two
 * authors racing cannot both pass it.
 */
export async function versionedUpdate(
  db: Queryable,
  table: string,
  entity: string,
  id: string,
  values: readonly ColumnValue[],
  expected: number | null,
  options: UpdateOptions & {
    /** Write (and raise the version) with no values too: a change kept in another table. */
    evenWithoutValues?: boolean;
  } = {},
): Promise<'UPDATED' | 'UNCHANGED'> {
  if (values.length > 0 || options.evenWithoutValues) {
    const [text, parameters] = updateSql(table, id, values, {
      onlyIfDifferent: options.onlyIfDifferent,
      also: [...(options.also ?? []), 'version = version + 1'],
      expectedVersion: expected,
    });
    const written = (await db.query(returningRows(text), parameters)) as unknown[];
    if (written.length > 0) return 'UPDATED';
  }
  const rows = (await db.query(`SELECT version FROM ${table} WHERE id = $1`, [id])) as Array<{
    version: number;
  }>;
  if (rows.length === 0) throw new NotFoundError(entity, id);
  if (expected !== null && rows[0].version !== expected)
    throw staleVersion(entity, id, expected, rows[0].version);
  return 'UNCHANGED';
}

/**
 * Inside a transaction: locks the row and checks that it is still at `expected` (null: an
 * overwrite, only the lock), so that the writes that follow apply to the version the author
 * read. The row's trigger raises the version when they change it.
 */
export async function lockVersion(
  db: Queryable,
  table: string,
  entity: string,
  id: string,
  expected: number | null,
): Promise<void> {
  const rows = (await db.query(`SELECT version FROM ${table} WHERE id = $1 FOR UPDATE`, [
    id,
  ])) as Array<{ version: number }>;
  if (rows.length === 0) throw new NotFoundError(entity, id);
  if (expected !== null && rows[0].version !== expected) {
    throw staleVersion(entity, id, expected, rows[0].version);
  }
}

export function staleVersion(
  entity: string,
  id: string,
  expected: number,
  current: number,
): ConflictError {
  return new ConflictError(
    `${entity} ${id} is at version ${current}, not ${expected}: someone changed it after you read it. Read it again and apply your change to version ${current}, or send overwrite: true to replace it`,
    { field: 'input.expectedVersion', currentVersion: current },
  );
}
