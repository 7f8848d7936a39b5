import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { associationsSubgraph } from '../subgraphs/associations/associations.subgraph';
import { CONSUMERS } from '../subgraphs/core/domain-events';
import { recordedEvents } from '../tests/setup/recorded-events';
import { createTestDatabase, type TestDatabase } from '../tests/setup/test-database';

describe('npm run import:associations', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
  });

  afterAll(() => database.drop());

  it('runs with progress on stderr and the report on stdout', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'import-'));
    const file = join(dir, 'yhdistykset.csv');
    writeFileSync(
      file,
      'name_fi,municipality_code,register_number\nKomentorivin Kerho ry,398,400400\nRikki ry,12,400401\n',
    );
    const run = promisify(execFile);
    const result = await run(
      process.execPath,
      ['--require', '@swc-node/register', 'scripts/import-associations.ts', file],
      { env: { ...process.env, DATABASE_URL: database.url } },
    ).catch((error: { code: number; stdout: string; stderr: string }) => error);
    expect(result).toMatchObject({ code: 1 });
    expect((result as { stdout: string }).stdout).toBe(
      'line 3: skipped: municipalityCode: must be a three-digit municipality code, e.g. "398"\n' +
        '1 created, 0 updated, 0 unchanged, 1 skipped\n',
    );
    expect((result as { stderr: string }).stderr).toContain(`importing ${file}: 2/2 (100 %)`);
    // The one association created is told to the running hub's gateways.
    const db = await database.dataSource(associationsSubgraph);
    expect(await recordedEvents(db, CONSUMERS.cacheRetirement, 'data.imported')).toEqual([
      { source: 'associations-csv', changed: 1 },
    ]);
  });
});
