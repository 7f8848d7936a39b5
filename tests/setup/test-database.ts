import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { connect } from '../../subgraphs/core/database';
import { type SubgraphDefinition, subgraphDataSource } from '../../subgraphs/core/subgraph';
import { testDatabaseEnv } from './test-database.config';

export interface TestDatabase {
  url: string;
  /** A DataSource of one subgraph on this database, closed by drop(). */
  dataSource(
    definition: Pick<SubgraphDefinition, 'schema' | 'entities' | 'migrations'>,
  ): Promise<DataSource>;
  drop(): Promise<void>;
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/**
 * A fresh database for one test file, cloned from the migrated template: every file starts
 * from the same empty, fully migrated state, and files never see each other's rows
 * (`empty`: a database without any subgraph's schema).
 */
export async function createTestDatabase(options: { empty?: boolean } = {}): Promise<TestDatabase> {
  const { templateUrl } = testDatabaseEnv();
  if (!templateUrl)
    throw new Error('No test template database: is jest running with tests/setup/global-setup.ts?');
  const template = new URL(templateUrl).pathname.slice(1);
  const name = `hub_test_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
  const admin = new Client({ connectionString: withDatabase(templateUrl, 'postgres') });
  await admin.connect();
  try {
    // Empty: no subgraph schema at all, for tests of migrating itself.
    await admin.query(
      options.empty
        ? `CREATE DATABASE "${name}"`
        : `CREATE DATABASE "${name}" TEMPLATE "${template}"`,
    );
  } finally {
    await admin.end();
  }
  const url = withDatabase(templateUrl, name);
  const opened: DataSource[] = [];
  return {
    url,
    async dataSource(definition) {
      const ds = await connect(subgraphDataSource(definition, url, 4));
      opened.push(ds);
      return ds;
    },
    async drop() {
      await Promise.all(opened.map((ds) => ds.destroy()));
      const client = new Client({ connectionString: withDatabase(templateUrl, 'postgres') });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}
