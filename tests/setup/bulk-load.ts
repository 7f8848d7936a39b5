import type { DataSource, EntityManager } from 'typeorm';

/**
 * Runs a test's bulk load (hundreds of thousands of rows, for plans read at size) in one
 * transaction without the services' 30 s statement timeout: on a busy two-core CI machine
 * writing 500,000 rows can take longer, which says nothing about the code under test.
 */
export function bulkLoad<T>(db: DataSource, load: (tx: EntityManager) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.query('SET LOCAL statement_timeout = 0');
    return load(tx);
  });
}
