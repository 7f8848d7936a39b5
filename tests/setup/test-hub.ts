import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GraphQLClient } from 'graphql-request';
import { Client } from 'pg';
import { startHub, type RunningHub } from '../../scripts/hub';
import { loadHubConfig } from '../../scripts/hub.config';
import { signDevToken, type DevTokenClaims } from '../../subgraphs/core/identity';
import { projectRoot } from '../../subgraphs/core/paths';
import { createTestDatabase, type TestDatabase } from './test-database';
import { testGraphiqlDir } from './test-database.config';
import { EPHEMERAL_PORTS } from './hub-process';

export interface TestHub {
  hub: RunningHub;
  database: TestDatabase;
  /** A client of the gateway, anonymous unless a token is given. */
  client(token?: string): GraphQLClient;
  token(claims: DevTokenClaims): Promise<string>;
  stop(): Promise<void>;
}

/** The same database, in sessions that refuse writes (as a hot standby's do). */
export function readOnlyUrl(url: string): string {
  const options = encodeURIComponent('-c default_transaction_read_only=on');
  return `${url}${url.includes('?') ? '&' : '?'}options=${options}`;
}

/** The whole hub on ephemeral ports over a fresh database with the demo data; `env` adds settings. */
export async function startTestHub(env: Record<string, string> = {}): Promise<TestHub> {
  const database = await createTestDatabase();
  const config = loadHubConfig(
    {
      DATABASE_URL: database.url,
      ...EPHEMERAL_PORTS,
      // The outbox (mails without SMTP_URL) of a test hub is its own, never the project's.
      HUB_DATA_DIR: mkdtempSync(join(tmpdir(), 'hub-test-data-')),
      // No reminder run in the background: tests that count statements must see only theirs.
      REMINDERS_AUTOMATIC: 'false',
      // Nor a retention run: the tests of retention run it at the moment they choose.
      RETENTION_AUTOMATIC: 'false',
      SUBGRAPH_TIMEOUT_MS: '3000',
      // Subgraphs work on a request until just before the gateway gives up, not 80 % of it:
      // a slow answer on a busy machine is the gateway's timeout to report, as before.
      SUBGRAPH_REQUEST_TIMEOUT_MS: String(Number(env.SUBGRAPH_TIMEOUT_MS ?? 3000) - 100),
      // Every test of a file calls from one address: the tests of these limits turn them on.
      GATEWAY_COST_BUDGET: '0',
      GATEWAY_MAIL_REQUESTS_PER_HOUR: '0',
      // Queries read through the replica route, here the same database in read-only
      // sessions: a query that tried to write would fail in every test that makes it.
      DATABASE_REPLICA_URLS: readOnlyUrl(database.url),
      // Request lines would bury jest's output; the logging test captures its own.
      LOG_LEVEL: 'silent',
      ...(testGraphiqlDir() ? { GRAPHIQL_ASSETS_DIR: testGraphiqlDir()! } : {}),
      ...env,
    },
    projectRoot(),
  );
  const hub = await startHub(config, () => undefined);
  return {
    hub,
    database,
    client: (token) =>
      new GraphQLClient(hub.gateway.graphqlUrl, {
        headers: token ? { authorization: `Bearer ${token}` } : {},
      }),
    token: (claims) => signDevToken(config.auth, claims),
    async stop() {
      await hub.stop();
      await database.drop();
    },
  };
}

/** POSTs a query and returns the raw HTTP answer, errors and all. */
export async function postGraphQL(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<{
  status: number;
  body: { data?: Record<string, unknown> | null; errors?: Array<Record<string, unknown>> };
}> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: (await response.json()) as never };
}

/** `<NAME>_URL` of every subgraph of a running hub: for a second gateway in front of it. */
export function subgraphUrlEnv(hub: RunningHub): Record<string, string> {
  return Object.fromEntries(
    Object.values(hub.subgraphs).map((s) => [`${s.name.toUpperCase()}_URL`, s.graphqlUrl]),
  );
}

/**
 * A hub as `npm start` runs it (NODE_ENV=development, where Apollo would show stack traces),
 * with rate limits out of the way and a database client, for the tests of hostile requests.
 * Call in beforeAll; `stop()` in afterAll puts NODE_ENV back.
 */
export async function startDevelopmentHub(): Promise<{
  t: TestHub;
  db: Client;
  stop(): Promise<void>;
}> {
  const previousNodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'development';
  const t = await startTestHub({ GATEWAY_RATE_LIMIT: '100000' });
  const db = new Client({ connectionString: t.database.url });
  await db.connect();
  return {
    t,
    db,
    async stop() {
      process.env.NODE_ENV = previousNodeEnv;
      await db.end();
      await t.stop();
    },
  };
}
