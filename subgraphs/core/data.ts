import type { DataSource, EntityManager } from 'typeorm';
import { transactionWithRetry } from './database';
import { lockVersion } from './versioning';

/** Where a repository runs its SQL: the pool, or one transaction's connection. */
export type Connection = DataSource | EntityManager;

/**
 * A subgraph's repositories, built once per request, and the one way services run a
 * transaction: `transaction` hands the work the same repositories bound to one
 * connection, and runs it again when PostgreSQL rolled it back as a deadlock or
 * serialisation loser. Services receive this, never the DataSource, so they hold no SQL
 * and can be tested with fake repositories.
 */
export class Data<Repositories> {
  readonly repositories: Repositories;

  constructor(
    private readonly db: DataSource,
    private readonly make: (connection: Connection) => Repositories,
  ) {
    this.repositories = make(db);
  }

  /** `connection` is the transaction's, for what joins it from outside (a domain event). */
  transaction<T>(
    work: (repositories: Repositories, connection: Connection) => Promise<T>,
  ): Promise<T> {
    return transactionWithRetry(this.db, (manager) => work(this.make(manager), manager));
  }

  /**
   * An edit of one row made on the version its author read: in one transaction, the row is
   * locked and checked at `expected` (null: an overwrite, only the lock; a stale version is
   * CONFLICT naming the current one), then `work` writes, and the row's trigger raises its
   * version (core/versioning.ts).
   */
  edit<T>(
    row: { table: string; entity: string; id: string; expected: number | null },
    work: (repositories: Repositories) => Promise<T>,
  ): Promise<T> {
    return transactionWithRetry(this.db, async (manager) => {
      await lockVersion(manager, row.table, row.entity, row.id, row.expected);
      return work(this.make(manager));
    });
  }
}
