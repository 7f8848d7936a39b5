import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { YtjOpenDataTestServer, ytjAssociation } from '../integrations/ytj/ytj-test-server';
import { associationsSubgraph } from '../subgraphs/associations/associations.subgraph';
import { makeAssociation, testBusinessId } from '../tests/factories/associations.factory';
import { CONSUMERS } from '../subgraphs/core/domain-events';
import { recordedEvents } from '../tests/setup/recorded-events';
import { createTestDatabase, type TestDatabase } from '../tests/setup/test-database';

describe('npm run ytj:verify', () => {
  let database: TestDatabase;
  let ytj: YtjOpenDataTestServer;
  const known = testBusinessId();
  const unknown = testBusinessId();

  beforeAll(async () => {
    database = await createTestDatabase();
    const db = await database.dataSource(associationsSubgraph);
    await makeAssociation(db, { name: { fi: 'Lahden Soutajat ry' }, businessId: known });
    await makeAssociation(db, { name: { fi: 'Tuntematon ry' }, businessId: unknown });
    ytj = await new YtjOpenDataTestServer().start();
    ytj.add(ytjAssociation(known, 'Lahden Soutajat ry'));
  });

  afterAll(async () => {
    await ytj.stop();
    await database.drop();
  });

  it('asks YTJ_BASE_URL, prints the report on stdout and progress on stderr', async () => {
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      ['--require', '@swc-node/register', 'scripts/ytj-verify.ts', '--dry-run'],
      { env: { ...process.env, DATABASE_URL: database.url, YTJ_BASE_URL: ytj.baseUrl } },
    );
    expect(stdout).toBe(
      [
        '2 checked, 1 matching YTJ',
        `would fill address: ${known}`,
        `not in YTJ: ${unknown} "Tuntematon ry"`,
        '',
      ].join('\n'),
    );
    expect(stderr).toContain('checking against YTJ: 2/2 (100 %)');
    expect(ytj.requests).toHaveLength(2);
    // A dry run changes nothing, so it tells the running hub nothing.
    expect(await told()).toEqual([]);
  });

  it('tells the running hub when it filled something in', async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--require', '@swc-node/register', 'scripts/ytj-verify.ts'],
      { env: { ...process.env, DATABASE_URL: database.url, YTJ_BASE_URL: ytj.baseUrl } },
    );
    expect(stdout).toContain(`filled address: ${known}`);
    expect(await told()).toEqual([{ source: 'ytj', changed: 1 }]);
  });

  const told = async () =>
    recordedEvents(
      await database.dataSource(associationsSubgraph),
      CONSUMERS.cacheRetirement,
      'data.imported',
    );
});
