import { Client } from 'pg';
import { ALL_SUBGRAPHS } from '../subgraphs/all';
import { connect, migrate } from '../subgraphs/core/database';
import { subgraphDataSource } from '../subgraphs/core/subgraph';
import { createTestDatabase, type TestDatabase } from '../tests/setup/test-database';
import { seedDemoData } from '../tests/setup/hub-process';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
type MigrationClass = Function;

/** Every subgraph's migrations in the order history applied them (the timestamp in the name). */
function migrationHistory() {
  const steps = ALL_SUBGRAPHS.flatMap((definition) =>
    (definition.migrations as MigrationClass[]).map((migration, index) => ({
      definition,
      index,
      name: migration.name,
      at: Number(/(\d{13})$/.exec(migration.name)?.[1]),
    })),
  );
  return steps.sort((a, b) => a.at - b.at || a.index - b.index);
}

/**
 * Tables no one writes: triggers keep them from others (which units a space is made of,
 * which units a reservation holds). Checked for loss like any other, but their number of
 * rows follows the order the test fills their sources in, not the demo's.
 */
const DERIVED: Record<string, string> = {
  '"facilities"."space_unit"': 'refresh_space_units() on facilities.space',
  '"facilities"."reservation_claim"': 'the claims trigger on facilities.reservation',
};

interface Table {
  name: string;
  columns: string[];
  insertable: string[];
  primaryKey: string[];
}

/** The subgraphs' tables (not the records of migrations and seeds, nor the job queue's schema). */
async function tables(db: Client): Promise<Table[]> {
  const schemas = ALL_SUBGRAPHS.map((d) => d.schema);
  const { rows } = await db.query<{
    table_schema: string;
    table_name: string;
    column_name: string;
    insertable: boolean;
    key: boolean;
  }>(
    `SELECT c.table_schema, c.table_name, c.column_name,
            c.is_generated = 'NEVER' AND c.identity_generation IS DISTINCT FROM 'ALWAYS' AS insertable,
            EXISTS (
              SELECT 1 FROM pg_index i
              JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)
              WHERE i.indisprimary AND i.indrelid = format('%I.%I', c.table_schema, c.table_name)::regclass
                AND a.attname = c.column_name) AS key
       FROM information_schema.columns c
       JOIN information_schema.tables t USING (table_schema, table_name)
      WHERE c.table_schema = ANY ($1) AND t.table_type = 'BASE TABLE'
        AND c.table_name NOT IN ('migrations', 'seed_history')
      ORDER BY c.table_schema, c.table_name, c.ordinal_position`,
    [schemas],
  );
  const byName = new Map<string, Table>();
  for (const row of rows) {
    const name = `"${row.table_schema}"."${row.table_name}"`;
    const table = byName.get(name) ?? { name, columns: [], insertable: [], primaryKey: [] };
    table.columns.push(row.column_name);
    if (row.insertable) table.insertable.push(row.column_name);
    if (row.key) table.primaryKey.push(row.column_name);
    byName.set(name, table);
  }
  return [...byName.values()];
}

/** Each table's rows as JSON values by column, and the columns that key them. */
interface TableRows {
  key: string[];
  rows: Array<Record<string, unknown>>;
}

async function snapshot(db: Client): Promise<Map<string, TableRows>> {
  const result = new Map<string, TableRows>();
  for (const table of await tables(db)) {
    const { rows } = await db.query<{ row: Record<string, unknown> }>(
      `SELECT to_jsonb(t) AS row FROM ${table.name} t`,
    );
    const key = table.primaryKey.length ? table.primaryKey : table.columns;
    result.set(table.name, { key, rows: rows.map(({ row }) => row) });
  }
  return result;
}

/**
 * Rows by the values of `key`. A migration may give a table a new primary key; its rows are
 * still found by the key they had before it, so a new key is not taken for lost rows.
 */
function byKey(rows: ReadonlyArray<Record<string, unknown>>, key: readonly string[]) {
  return new Map(rows.map((row) => [JSON.stringify(key.map((c) => row[c])), row]));
}

/**
 * Fills each of the migrating database's still empty tables from the demo database, with
 * the columns the table has at this point of history. A table whose rows refer to one not
 * filled yet is tried again after the others.
 */
async function fillEmptyTables(target: Client, source: Client): Promise<void> {
  const have = new Set((await tables(source)).map((t) => t.name));
  let pending = (await tables(target)).filter((t) => have.has(t.name) && !(t.name in DERIVED));
  for (let pass = 0; pending.length > 0 && pass < 10; pass++) {
    const left: Table[] = [];
    for (const table of pending) {
      const { rows } = await target.query(`SELECT EXISTS (SELECT 1 FROM ${table.name}) AS filled`);
      if (rows[0].filled) continue;
      const sourceColumns = new Set(
        (await tables(source)).find((t) => t.name === table.name)!.columns,
      );
      const columns = table.insertable.filter((c) => sourceColumns.has(c)).map((c) => `"${c}"`);
      const data = await source.query(
        `SELECT coalesce(json_agg(t), '[]') AS rows FROM ${table.name} t`,
      );
      await target.query('SAVEPOINT fill');
      try {
        await target.query(
          `INSERT INTO ${table.name} (${columns.join(', ')})
           SELECT ${columns.join(', ')} FROM json_populate_recordset(NULL::${table.name}, $1::json)`,
          [JSON.stringify(data.rows[0].rows)],
        );
        await target.query('RELEASE SAVEPOINT fill');
      } catch {
        await target.query('ROLLBACK TO SAVEPOINT fill');
        left.push(table);
      }
    }
    pending = left;
  }
}

/**
 * Every migration, applied in history's order to a database that already holds data of
 * every table that exists at that point (the demo data, as users would have entered it):
 * after each one, every row that was there is still there with every value it had.
 */
describe('migrations on a database that holds data', () => {
  let demo: TestDatabase;
  let migrating: TestDatabase;
  let source: Client;
  let target: Client;

  beforeAll(async () => {
    demo = await createTestDatabase();
    migrating = await createTestDatabase({ empty: true });
    // A leap day: the demo written as of an awkward day must migrate like any other.
    await seedDemoData(demo.url, new Date('2028-02-29T10:00:00Z'));
    source = new Client({ connectionString: demo.url });
    target = new Client({ connectionString: migrating.url });
    await source.connect();
    await target.connect();
  });

  afterAll(async () => {
    await source?.end();
    await target?.end();
    await demo?.drop();
    await migrating?.drop();
  });

  it('loses no row and changes no value a user entered, migration by migration', async () => {
    const lost: string[] = [];
    for (const step of migrationHistory()) {
      const before = await snapshot(target);
      const ds = await connect(
        subgraphDataSource(
          {
            ...step.definition,
            migrations: (step.definition.migrations as MigrationClass[]).slice(0, step.index + 1),
          },
          migrating.url,
          2,
        ),
      );
      try {
        expect(await migrate(ds)).toEqual([step.name]);
      } finally {
        await ds.destroy();
      }
      const after = await snapshot(target);
      for (const [table, { key: columns, rows: beforeRows }] of before) {
        const afterRows = after.get(table);
        if (!afterRows) {
          if (beforeRows.length) {
            lost.push(`${step.name}: dropped ${table} with ${beforeRows.length} rows`);
          }
          continue;
        }
        const rows = byKey(beforeRows, columns);
        const now = byKey(afterRows.rows, columns);
        for (const [key, row] of rows) {
          const kept = now.get(key);
          if (!kept) {
            lost.push(`${step.name}: ${table} lost row ${key}`);
            continue;
          }
          for (const [column, value] of Object.entries(row)) {
            if (column in kept && JSON.stringify(kept[column]) !== JSON.stringify(value))
              lost.push(`${step.name}: ${table} ${key} ${column} changed`);
          }
        }
      }
      await target.query('BEGIN');
      await fillEmptyTables(target, source);
      await target.query('COMMIT');
    }
    expect(lost).toEqual([]);

    // At the end the migrated database holds every row of the demo: each table was filled
    // at some point of history and kept through every later migration.
    const counts = async (db: Client) => {
      const result: Record<string, number> = {};
      for (const table of await tables(db)) {
        const { rows } = await db.query(`SELECT count(*)::int AS n FROM ${table.name}`);
        result[table.name] = rows[0].n;
      }
      return result;
    };
    const demoCounts = await counts(source);
    const migratedCounts = await counts(target);
    expect(Object.keys(migratedCounts).sort()).toEqual(Object.keys(demoCounts).sort());
    for (const [table, n] of Object.entries(demoCounts)) {
      if (table in DERIVED) expect([table, migratedCounts[table] > 0]).toEqual([table, n > 0]);
      else expect([table, migratedCounts[table]]).toEqual([table, n]);
    }
    expect(Object.values(demoCounts).filter((n) => n > 0).length).toBeGreaterThan(20);
  });
});
