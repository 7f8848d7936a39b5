import type { DataSource, EntityManager } from 'typeorm';
import { transactionWithRetry } from './database';

/** A DataSource whose transactions fail with the given SQLSTATEs, then succeed. */
function failingThenOk(codes: string[]) {
  const failures = [...codes];
  let runs = 0;
  const dataSource = {
    async transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
      runs++;
      const code = failures.shift();
      if (code) throw Object.assign(new Error(`failed with ${code}`), { code });
      return work({} as EntityManager);
    },
  } as unknown as DataSource;
  return { dataSource, runs: () => runs };
}

describe(transactionWithRetry.name, () => {
  it('runs a deadlock or serialisation loser again and returns what the retry returns', async () => {
    const db = failingThenOk(['40P01', '40001']);
    await expect(transactionWithRetry(db.dataSource, async () => 'written')).resolves.toBe(
      'written',
    );
    expect(db.runs()).toBe(3);
  });

  it('gives up after the attempts it was given, with the last failure', async () => {
    const db = failingThenOk(['40P01', '40P01', '40P01']);
    await expect(transactionWithRetry(db.dataSource, async () => 'x', 2)).rejects.toMatchObject({
      code: '40P01',
    });
    expect(db.runs()).toBe(2);
  });

  it('does not repeat other failures, such as an exclusion violation', async () => {
    const db = failingThenOk(['23P01']);
    await expect(transactionWithRetry(db.dataSource, async () => 'x')).rejects.toMatchObject({
      code: '23P01',
    });
    expect(db.runs()).toBe(1);
  });
});
