import { Client } from 'pg';
import { createTestDatabase, type TestDatabase } from '../tests/setup/test-database';
import { copyRows } from './scale/copy-rows';
import { seedScale } from './seed-scale';

describe('npm run seed:scale', () => {
  let database: TestDatabase;
  let db: Client;
  const lines: string[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    db = new Client({ connectionString: database.url });
    await db.connect();
  });

  afterAll(async () => {
    await db.end();
    await database.drop();
  });

  const count = async (table: string, where = 'TRUE') =>
    Number((await db.query(`SELECT count(*) AS n FROM ${table} WHERE ${where}`)).rows[0].n);

  it('loads every subgraph with COPY, on top of the demo data, and indexes search', async () => {
    const written = await seedScale({
      databaseUrl: database.url,
      associations: 300,
      seed: 'test',
      today: new Date('2026-12-02T00:00:00Z'),
      log: (line) => lines.push(line),
      progress: (label) => (done, total) => {
        if (done === total) lines.push(`${label} ${done}`);
      },
    });
    expect(lines).toContain('associations.association 300');
    // The demo data came first (the generated rows refer to its categories and rounds).
    expect(lines.some((l) => l.includes('wrote demo data'))).toBe(true);
    for (const [table, rows] of Object.entries(written)) {
      expect([table, rows > 0]).toEqual([table, true]);
    }
    expect(written['associations.association']).toBe(300);
    // Triggers that keep derived rows ran as for INSERT: reservations hold their units.
    expect(await count('facilities.reservation_claim')).toBeGreaterThan(0);
    expect(await count('facilities.space_unit')).toBeGreaterThan(0);
    // Search terms were built for every association (nothing left for the subgraph).
    expect(await count('associations.association', 'search_terms_by IS NULL')).toBe(0);
    expect(
      await count('associations.association', `search_terms @> ARRAY['kyläyhdistys']`),
    ).toBeGreaterThan(0);
  });

  it('refuses a second load into the same database, and writes nothing', async () => {
    const before = await count('associations.association');
    await expect(
      seedScale({
        databaseUrl: database.url,
        associations: 10,
        seed: 'again',
        today: new Date(),
        log: () => undefined,
        progress: () => () => undefined,
      }),
    ).rejects.toThrow(/already holds generated data/);
    expect(await count('associations.association')).toBe(before);
  });

  it('writes values PostgreSQL reads back unchanged: tabs, newlines, backslashes, quotes, NULL', async () => {
    await db.query(
      'CREATE TEMP TABLE copy_check (t text, j jsonb, a text[], b boolean, n numeric, d timestamptz)',
    );
    const tricky = 'tab\there\nnewline \\ backslash "quoted" ä\r\\N';
    const row = [
      tricky,
      { text: tricky, list: [1, 'x\ty'] },
      [tricky, 'b,c', '{}', ''],
      false,
      12.5,
      new Date('2026-01-02T03:04:05.678Z'),
    ];
    // COPY through a client of the temp table's own session.
    const client = Object.assign(db, { release: () => undefined }) as unknown as Parameters<
      typeof copyRows
    >[0];
    await copyRows(
      client,
      {
        table: 'copy_check',
        columns: ['t', 'j', 'a', 'b', 'n', 'd'],
        count: 2,
        rows: () => [row, [null, null, null, null, null, null]],
      },
      () => undefined,
    );
    const back = await db.query('SELECT * FROM copy_check');
    expect(back.rows[0]).toEqual({
      t: tricky,
      j: row[1],
      a: row[2],
      b: false,
      n: '12.5',
      d: row[5],
    });
    expect(back.rows[1]).toEqual({ t: null, j: null, a: null, b: null, n: null, d: null });
  });
});
