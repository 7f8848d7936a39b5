import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import {
  LinkedEventsTestServer,
  linkedEvent,
} from '../integrations/linked-events/linked-events-test-server';
import { eventsSubgraph } from '../subgraphs/events/events.subgraph';
import { CONSUMERS } from '../subgraphs/core/domain-events';
import { recordedEvents } from '../tests/setup/recorded-events';
import { createTestDatabase, type TestDatabase } from '../tests/setup/test-database';

const run = (env: Record<string, string>, args: string[] = []) =>
  promisify(execFile)(
    process.execPath,
    ['--require', '@swc-node/register', 'scripts/import-linked-events.ts', ...args],
    {
      env: { ...process.env, ...env },
    },
  );

describe('npm run import:linked-events', () => {
  let database: TestDatabase;
  let server: LinkedEventsTestServer;

  beforeAll(async () => {
    database = await createTestDatabase();
    server = await new LinkedEventsTestServer().start();
    for (let n = 1; n <= 3; n++) server.events.push(linkedEvent(n));
  });

  afterAll(async () => {
    await server.stop();
    await database.drop();
  });

  /** What the imports told the gateways' cache retirement, oldest first. */
  const told = async () =>
    recordedEvents(
      await database.dataSource(eventsSubgraph),
      CONSUMERS.cacheRetirement,
      'data.imported',
    );

  it('imports, reports on stdout with progress on stderr, and the second run imports only changes', async () => {
    const env = { DATABASE_URL: database.url, LINKED_EVENTS_URL: server.baseUrl };
    const first = await run(env);
    expect(first.stdout).toBe('3 created, 0 updated, 0 unchanged\n');
    expect(first.stderr).toContain('importing events: 3/3 (100 %)');
    // The running hub's gateways are told, so no cached answer hides the new events.
    expect(await told()).toEqual([{ source: 'linked-events', changed: 3 }]);
    const second = await run(env);
    expect(second.stdout).toMatch(
      /^0 created, 0 updated, 1 unchanged \(changes since 2026-10-01T00:03:00.000Z\)\n$/,
    );
    // Nothing changed, nothing told.
    expect(await told()).toHaveLength(1);
  });

  it('exits 1 naming the page it stopped at', async () => {
    server.brokenPage = 1;
    await expect(
      run({ DATABASE_URL: database.url, LINKED_EVENTS_URL: server.baseUrl }, ['--full']),
    ).rejects.toMatchObject({
      code: 1,
      stdout: expect.stringContaining('stopped at'),
    });
    server.brokenPage = null;
  });
});
