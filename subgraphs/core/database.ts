import {
  DataSource,
  EntityManager,
  type EntitySchema,
  type MixedList,
  type QueryRunner,
} from 'typeorm';

/**
 * Every subgraph owns one PostgreSQL schema of the shared cluster and reaches it through a
 * DataSource of its own, with its own migrations. Nothing here knows any subgraph.
 */
export interface DatabaseOptions {
  /** postgres://user:pass@host:port/database */
  url: string;
  /** The PostgreSQL schema the subgraph owns, e.g. `associations`. */
  schema: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function | string>;
  poolSize?: number;
  /** Shown in pg_stat_activity, so an operator can tell the subgraphs' connections apart. */
  applicationName?: string;
  /**
   * Read replicas (streaming replicas of `url`'s cluster): queries that cannot write are
   * sent there, through TypeORM's replication setting; none by default.
   */
  replicaUrls?: readonly string[];
}

export class DatabaseUnreachableError extends Error {
  constructor(where: string, cause: unknown) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(`PostgreSQL at ${where} is unreachable: ${reason}`);
    this.name = 'DatabaseUnreachableError';
  }
}

/** host:port/database of a URL, without the password, for messages. */
export function describeDatabaseUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || '5432'}${u.pathname}`;
  } catch {
    return '(an unparseable DATABASE_URL)';
  }
}

export function createDataSource(options: DatabaseOptions): DataSource {
  const replicas = options.replicaUrls ?? [];
  return new DataSource({
    type: 'postgres',
    ...(replicas.length > 0
      ? {
          replication: {
            master: { url: options.url },
            slaves: replicas.map((url) => ({ url })),
            // Only what readingFrom() hands out reads from a replica: a mutation's own
            // reads, before and after its writes, stay on the primary.
            defaultMode: 'master' as const,
          },
        }
      : { url: options.url }),
    schema: options.schema,
    entities: options.entities,
    migrations: options.migrations,
    migrationsTableName: 'migrations',
    // Schema changes are migrations, never inferred from entities.
    synchronize: false,
    migrationsRun: false,
    // Expected refusals (a double booking, a taken business ID) are errors to TypeORM; the
    // services turn them into answers, and anything unexpected is logged by the error masker.
    logging: false,
    applicationName: options.applicationName ?? `hub-${options.schema}`,
    extra: {
      max: options.poolSize ?? 10,
      // A request that finds every connection busy hears so (SERVICE_BUSY) well before its
      // deadline, instead of waiting in a queue that only grows.
      connectionTimeoutMillis: 3_000,
      // A runaway statement must not hold a connection forever. Requests' statements are
      // cancelled much earlier, at their deadline (request-deadline.ts); this is for jobs.
      statement_timeout: 30_000,
    },
  });
}

/** The primary's URL, with or without replicas: for what must write (a job queue's pool). */
export function primaryUrl(dataSource: DataSource): string {
  const options = dataSource.options as { url?: string; replication?: { master: { url: string } } };
  return options.url ?? options.replication!.master.url;
}

const readers = new WeakMap<DataSource, DataSource>();

/**
 * The DataSource as a request that cannot write should use it: with read replicas, its raw
 * queries and query builders run on a replica (TypeORM takes one of them per connection);
 * without, the DataSource itself. Everything else, transactions included, is the primary's.
 */
export function readingFrom(dataSource: DataSource): DataSource {
  const slaves = (dataSource.options as { replication?: { slaves?: unknown[] } }).replication
    ?.slaves;
  if (!slaves?.length) return dataSource;
  let reader = readers.get(dataSource);
  if (!reader) {
    reader = Object.create(dataSource, {
      query: {
        value: async (query: string, parameters?: unknown[], queryRunner?: QueryRunner) => {
          // A transaction's manager passes its own runner (the primary's): its statements
          // stay in the transaction. Without this, a write a read request makes (the log of
          // who read a contact's details) went to the read-only replica.
          if (queryRunner) return dataSource.query(query, parameters, queryRunner);
          const runner = dataSource.createQueryRunner('slave');
          try {
            return await runner.query(query, parameters);
          } finally {
            await runner.release();
          }
        },
      },
      defaultReplicationModeForReads: { value: () => 'slave' },
    }) as DataSource;
    // Repositories and query builders reach the DataSource through its manager: one bound to
    // the reader, so their SELECTs take a replica too (transactions stay on the primary).
    Object.defineProperty(reader, 'manager', { value: new EntityManager(reader) });
    readers.set(dataSource, reader);
  }
  return reader;
}

/** Opens the pool, turning "connection refused" into a message that says where. */
export async function connect(dataSource: DataSource): Promise<DataSource> {
  if (dataSource.isInitialized) return dataSource;
  const url = primaryUrl(dataSource);
  try {
    return await dataSource.initialize();
  } catch (error) {
    throw new DatabaseUnreachableError(describeDatabaseUrl(url), error);
  }
}

/** One lock for every subgraph's migrations: extensions are shared by the whole database. */
const MIGRATION_LOCK_KEY = 7_241_001;

/**
 * Creates the subgraph's schema if needed and applies its pending migrations in order.
 * Replicas starting together serialise on an advisory lock, so each migration runs once.
 */
export async function migrate(dataSource: DataSource): Promise<string[]> {
  const schema = (dataSource.options as { schema?: string }).schema;
  if (!schema) throw new Error('A subgraph DataSource must name its schema');
  const lock = dataSource.createQueryRunner();
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    await dataSource.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await lock.release();
  }
}

export interface MigrationStatus {
  applied: string[];
  pending: string[];
}

/** Which of the subgraph's migrations its schema has, and which it still needs. */
export async function migrationStatus(dataSource: DataSource): Promise<MigrationStatus> {
  const schema = (dataSource.options as { schema?: string }).schema;
  const rows: Array<{ name: string }> = await dataSource
    .query(`SELECT name FROM "${schema}".migrations ORDER BY id`)
    .catch((error: unknown) => {
      // No migrations table yet: the schema has never been migrated.
      if (pgErrorCode(error) === PgErrorCode.UNDEFINED_TABLE) return [];
      throw error;
    });
  const applied = new Set(rows.map((r) => r.name));
  const all = dataSource.migrations.map((m) => m.name ?? m.constructor.name);
  return {
    applied: all.filter((name) => applied.has(name)),
    pending: all.filter((name) => !applied.has(name)),
  };
}

/**
 * Records that a named seed ran, in the subgraph's own schema, and runs it only the first
 * time: demo data is written once, and what a user later changes or deletes stays so.
 * Returns false when the seed had already run.
 */
export async function runSeedOnce(
  dataSource: DataSource,
  name: string,
  seed: (manager: EntityManager) => Promise<void>,
): Promise<boolean> {
  const schema = (dataSource.options as { schema?: string }).schema;
  return dataSource.transaction(async (manager) => {
    await manager.query(
      `CREATE TABLE IF NOT EXISTS "${schema}".seed_history (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`,
    );
    const inserted: unknown[] = await manager.query(
      `INSERT INTO "${schema}".seed_history (name) VALUES ($1) ON CONFLICT DO NOTHING RETURNING name`,
      [name],
    );
    if (inserted.length === 0) return false;
    // Same transaction: a seed that fails half-way leaves nothing behind and runs again.
    await seed(manager);
    return true;
  });
}

/**
 * TypeORM's `query()` answers an UPDATE or DELETE with `[rows, count]` but an INSERT or a
 * SELECT with `rows`. Wrapping the statement in a CTE makes it a SELECT, so every
 * `... RETURNING` statement answers with plain rows.
 */
export function returningRows(statement: string): string {
  return `WITH changed AS (${statement}) SELECT * FROM changed`;
}

/** The PostgreSQL error codes the hub reacts to, named once. */
export const PgErrorCode = {
  UNIQUE_VIOLATION: '23505',
  /** A table that does not exist (yet). */
  UNDEFINED_TABLE: '42P01',
  EXCLUSION_VIOLATION: '23P01',
  SERIALIZATION_FAILURE: '40001',
  DEADLOCK_DETECTED: '40P01',
} as const;

/** The SQLSTATE of a pg or TypeORM error, if it is one. */
export function pgErrorCode(error: unknown): string | undefined {
  const e = error as { code?: unknown; driverError?: { code?: unknown } } | null;
  const code = e?.code ?? e?.driverError?.code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * Two transactions that each waited for the other (a deadlock) or that PostgreSQL could not
 * serialise: one of them was rolled back whole and may simply run again.
 */
export function isTransientConflict(error: unknown): boolean {
  const code = pgErrorCode(error);
  return code === PgErrorCode.DEADLOCK_DETECTED || code === PgErrorCode.SERIALIZATION_FAILURE;
}

/**
 * Runs `work` in a transaction, again (up to `attempts` times in all, after a short random
 * pause) when PostgreSQL rolled it back as the loser of a deadlock or a serialisation
 * failure. The retry sees what the winner wrote, so a loser ends with the ordinary answer
 * (a CONFLICT naming the clash) instead of an internal error.
 */
export async function transactionWithRetry<T>(
  dataSource: DataSource,
  work: (manager: EntityManager) => Promise<T>,
  attempts = 4,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await dataSource.transaction(work);
    } catch (error) {
      if (!isTransientConflict(error) || attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 20 * attempt));
    }
  }
}
