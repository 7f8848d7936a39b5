import { EnvReader } from '../subgraphs/core/env';
import { connect } from '../subgraphs/core/database';
import { createAuthenticator, readAuthConfig } from '../subgraphs/core/identity';
import { startSubgraph, subgraphDataSource } from '../subgraphs/core/subgraph';
import { SUBGRAPH_NAMES } from '../subgraphs/core/subgraph.config';
import { ALL_SUBGRAPHS } from '../subgraphs/all';
import { everyAssociationExists } from '../tests/setup/association-directory';
import { createTestDatabase, type TestDatabase } from '../tests/setup/test-database';
import { runMigrate } from './migrate';

describe('npm run migrate', () => {
  let database: TestDatabase;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    database = await createTestDatabase({ empty: true });
    env = { DATABASE_URL: database.url };
  });
  afterAll(() => database.drop());

  const run = async (...args: string[]) => {
    const lines: string[] = [];
    const code = await runMigrate(env, args, (line) => lines.push(line));
    return { code, lines };
  };

  it('lists what is pending, migrates the subgraphs named, and is safe to run twice at once', async () => {
    const before = await run('--status');
    expect(before.code).toBe(1);
    expect(before.lines).toHaveLength(SUBGRAPH_NAMES.length);
    expect(before.lines.every((l) => /: 0 applied, [1-9]\d* pending \(/.test(l))).toBe(true);

    // Named and counted from the subgraphs, so a new migration does not break this test of
    // the tool.
    const migrationsOf = (name: string) =>
      ALL_SUBGRAPHS.find((d) => d.name === name)!.migrations.map(
        (m) => (m as unknown as { name: string }).name,
      );
    const cooperation = migrationsOf('cooperation');
    expect(cooperation.length).toBeGreaterThan(1);
    expect((await run('cooperation')).lines).toEqual([
      `cooperation: applied ${cooperation.join(', ')}`,
    ]);
    const partly = await run('--status', 'cooperation', 'events');
    const events = migrationsOf('events').length;
    expect(partly.lines[0]).toMatch(new RegExp(`^events: 0 applied, ${events} pending`));
    expect(partly.lines[1]).toBe(`cooperation: ${cooperation.length} applied, 0 pending`);

    // Two deployments' migration jobs at once: the advisory lock lets each migration run once.
    const [a, b] = await Promise.all([run(), run()]);
    expect([a.code, b.code]).toEqual([0, 0]);
    const done = await run('--status');
    expect(done.code).toBe(0);
    expect(done.lines.every((l) => / 0 pending$/.test(l))).toBe(true);
    expect((await run()).lines.every((l) => l.endsWith(': up to date'))).toBe(true);
  });

  it('names the subgraphs there are when asked for one that is not', async () => {
    await expect(run('evnets')).rejects.toThrow(
      `No such subgraph: evnets. The subgraphs are ${SUBGRAPH_NAMES.join(', ')}.`,
    );
  });

  it.each(ALL_SUBGRAPHS.map((d) => [d.name, d] as const))(
    'starts %s without its migrations, not ready until they are applied',
    async (name, definition) => {
      const fresh = await createTestDatabase({ empty: true });
      const dataSource = await connect(subgraphDataSource(definition, fresh.url, 4));
      const running = await startSubgraph(definition, {
        host: '127.0.0.1',
        port: 0,
        dataSource,
        authenticate: createAuthenticator(readAuthConfig(new EnvReader('test', {}), false)),
        associations: everyAssociationExists,
      });
      try {
        const notYet = await fetch(`${running.url}/ready`);
        expect(notYet.status).toBe(503);
        expect(await notYet.json()).toMatchObject({ status: 'migrations pending', subgraph: name });
        expect((await fetch(`${running.url}/health`)).status).toBe(200);
        await runMigrate({ DATABASE_URL: fresh.url }, [name], () => undefined);
        const ready = await fetch(`${running.url}/ready`);
        expect(ready.status).toBe(200);
        expect(await ready.json()).toEqual({ status: 'ready', subgraph: name });
      } finally {
        await running.stop();
        await dataSource.destroy();
        await fresh.drop();
      }
    },
    30_000,
  );
});
