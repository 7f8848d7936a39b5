import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { ensureDatabase, startEmbeddedPostgres } from '../../scripts/embedded-postgres';
import { ALL_SUBGRAPHS } from '../../subgraphs/all';
import { connect, migrate } from '../../subgraphs/core/database';
import { subgraphDataSource } from '../../subgraphs/core/subgraph';
import { buildGraphiQL } from '../../gateway/graphiql/graphiql.bundle';
import { setTemplateUrl, setTestGraphiqlDir, testDatabaseEnv } from './test-database.config';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts PostgreSQL once for the whole run (or uses TEST_DATABASE_URL) and builds a
 * template database with every subgraph's migrations; each test file clones it.
 */
export default async function globalSetup(): Promise<void> {
  const started = Date.now();
  let adminUrl = testDatabaseEnv().externalUrl;
  if (!adminUrl) {
    const dataDir = mkdtempSync(join(tmpdir(), 'hub-test-pg-'));
    const embedded = await startEmbeddedPostgres({
      dataDir,
      port: await freePort(),
      persistent: false,
    });
    adminUrl = embedded.adminUrl;
    (globalThis as Record<string, unknown>).__HUB_TEST_PG__ = async () => {
      await embedded.stop();
      rmSync(dataDir, { recursive: true, force: true });
    };
  }
  const templateName = `hub_template_${process.pid}_${Date.now()}`;
  const templateUrl = await ensureDatabase(adminUrl, templateName);
  for (const definition of ALL_SUBGRAPHS) {
    const ds = await connect(subgraphDataSource(definition, templateUrl, 2));
    try {
      await migrate(ds);
    } finally {
      await ds.destroy();
    }
  }
  setTemplateUrl(templateUrl);
  // GraphiQL's bundle, as `npm run build` makes it, for the gateways the tests start.
  const graphiqlDir = mkdtempSync(join(tmpdir(), 'hub-test-graphiql-'));
  await buildGraphiQL(graphiqlDir);
  setTestGraphiqlDir(graphiqlDir);
  (globalThis as Record<string, unknown>).__HUB_TEST_TEMPLATE__ = { adminUrl, templateName };
  process.stdout.write(
    `\ntest PostgreSQL ready with migrated template ${templateName} in ${Date.now() - started} ms\n`,
  );
}

export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
