import type { DataSource } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '../../tests/setup/test-database';
import { associationsSubgraph } from '../associations/associations.subgraph';
import { connect } from './database';
import { createErrorFormatter, ErrorCode, QueryTimeoutError } from './errors';
import { cancelStatementsWithTheirRequest, withRequestSignal } from './request-deadline';
import { subgraphDataSource } from './subgraph';

/**
 * A tag in the statement's text, so that pg_stat_activity can find it and nothing else. It
 * sleeps less than the pool's statement_timeout (30 s), which would otherwise stop it too.
 */
function sleeper(tag: string, seconds = 20): string {
  return `SELECT pg_sleep(${seconds}) /* ${tag} */`;
}

describe('statements cancelled with their request', () => {
  let database: TestDatabase;
  let db: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase();
    db = await database.dataSource(associationsSubgraph);
    cancelStatementsWithTheirRequest(db);
  });
  afterAll(() => database.drop());

  async function stillRunning(tag: string): Promise<number> {
    const rows: { n: string }[] = await db.query(
      `SELECT count(*) AS n FROM pg_stat_activity
        WHERE state = 'active' AND query LIKE $1 AND pid <> pg_backend_pid()`,
      [`%/* ${tag} */%`],
    );
    return Number(rows[0].n);
  }

  it('stops a running statement in PostgreSQL at the deadline, answering QUERY_TIMEOUT', async () => {
    const controller = new AbortController();
    const running = withRequestSignal(controller.signal, 8_000, () =>
      db.query(sleeper('deadline')),
    );
    running.catch(() => undefined);
    // Aborted only once PostgreSQL shows the statement running: no timing assumptions.
    await waitFor(async () => (await stillRunning('deadline')) === 1);
    controller.abort('deadline');
    const error = await running.then(
      () => null,
      (e: { driverError?: unknown }) => e.driverError,
    );
    expect(error).toBeInstanceOf(QueryTimeoutError);
    expect((error as QueryTimeoutError).message).toMatch(/longer than 8 s/);
    // The backend really stopped: without the cancel request it would sleep for 20 s.
    expect(await stillRunning('deadline')).toBe(0);
  });

  it('stops the statements of a caller that hung up, and sends none after', async () => {
    const controller = new AbortController();
    const running = withRequestSignal(controller.signal, 8_000, () => db.query(sleeper('gone')));
    running.catch(() => undefined);
    await waitFor(async () => (await stillRunning('gone')) === 1);
    controller.abort('caller gone');
    await expect(running).rejects.toMatchObject({
      driverError: expect.objectContaining({ message: expect.stringMatching(/caller stopped/) }),
    });
    expect(await stillRunning('gone')).toBe(0);
    const later = withRequestSignal(controller.signal, 8_000, () =>
      db.query(`SELECT 1 /* after */`),
    );
    await expect(later).rejects.toMatchObject({ driverError: expect.any(QueryTimeoutError) });
  });

  it('rolls a cancelled transaction back and leaves its connection fit for the next request', async () => {
    const controller = new AbortController();
    const transaction = withRequestSignal(controller.signal, 8_000, () =>
      db.transaction(async (manager) => {
        await manager.query(`CREATE TEMP TABLE IF NOT EXISTS cancelled_work (n int)`);
        await manager.query(sleeper('transaction'));
      }),
    );
    transaction.catch(() => undefined);
    await waitFor(async () => (await stillRunning('transaction')) === 1);
    controller.abort('deadline');
    await expect(transaction).rejects.toBeDefined();
    // Every pooled connection answers plainly afterwards: none was left in an aborted
    // transaction (which would answer "current transaction is aborted").
    const answers = await Promise.all(
      Array.from({ length: 4 }, () => db.query(`SELECT txid_current_if_assigned() AS tx`)),
    );
    expect(answers.map((rows: { tx: unknown }[]) => rows[0].tx)).toEqual([null, null, null, null]);
  });

  it('leaves work outside a request alone', async () => {
    await expect(db.query(`SELECT 41 + 1 AS n`)).resolves.toEqual([{ n: 42 }]);
  });
});

describe('a full pool', () => {
  let database: TestDatabase;
  let tiny: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase();
    tiny = await connect(subgraphDataSource(associationsSubgraph, database.url, 1));
  });
  afterAll(async () => {
    await tiny.destroy();
    await database.drop();
  });

  it('answers SERVICE_BUSY, retryable with a wait, instead of an internal error', async () => {
    const runner = tiny.createQueryRunner();
    await runner.connect(); // holds the only connection
    try {
      const error = await tiny.query('SELECT 1').then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).not.toBeNull();
      const logged: unknown[] = [];
      const formatted = createErrorFormatter((e) => logged.push(e))(
        { message: String((error as Error).message) },
        error,
      );
      expect(formatted.extensions).toMatchObject({
        code: ErrorCode.SERVICE_BUSY,
        retryable: true,
        retryAfterSeconds: expect.any(Number),
      });
      expect(formatted.message).toMatch(/busy.*try again/);
      expect(logged).toEqual([]);
    } finally {
      await runner.release();
    }
  });
});

async function waitFor(condition: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the condition never held');
}
