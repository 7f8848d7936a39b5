import { DataSource, type DataSourceOptions } from 'typeorm';
import { transactionWithRetry } from '../../core/database';
import { type TermAnalyzer, textTerms } from '../../core/finnish/finnish-terms';
import { AssociationSearchRepository } from './association-search.repository';

/** Associations indexed per transaction. */
const BATCH = 200;
/** At most this many associations indexed in the background per interval. */
const PER_TICK = 1_000;
/** At start, up to this many stale associations are indexed before the subgraph serves. */
const INDEX_BEFORE_SERVING = 20_000;

/**
 * Keeps each association's search terms current: triggers mark an association stale when a
 * text it is found by changes; this rebuilds stale ones in batches (each in a transaction
 * holding its rows, so replicas share the work and a change made meanwhile is not lost).
 */
export class AssociationSearchIndexer {
  constructor(
    private readonly dataSource: DataSource,
    private readonly analyzer: TermAnalyzer,
  ) {}

  /** Indexes one batch of stale associations; returns how many. */
  async indexBatch(limit = BATCH): Promise<number> {
    return transactionWithRetry(this.dataSource, async (manager) => {
      const repository = new AssociationSearchRepository(manager);
      const stale = await repository.lockStale(limit);
      await repository.saveAll(
        stale.map((texts) => {
          const nameTerms = textTerms(texts.names, this.analyzer);
          const terms = [...new Set([...nameTerms, ...textTerms(texts.rest, this.analyzer)])];
          return { id: texts.id, terms, nameTerms };
        }),
        this.analyzer.name,
      );
      return stale.length;
    });
  }

  /** Indexes until nothing is stale, saying how far it got on long runs. */
  async indexAll(log: (line: string) => void = () => undefined): Promise<number> {
    let done = 0;
    const total = await new AssociationSearchRepository(this.dataSource).staleCount();
    for (let n = await this.indexBatch(); n > 0; n = await this.indexBatch()) {
      done += n;
      if (total > 5 * BATCH && done % (25 * BATCH) < n) {
        log(`search terms: ${done} of ${total} associations indexed`);
      }
    }
    return done;
  }

  /**
   * Before serving: terms built by another analyzer (Voikko installed or removed since) are
   * stale; a directory of ordinary size is indexed at once, a huge one in the background.
   * Returns whether stale associations are left for the background loop.
   */
  async prepare(log: (line: string) => void): Promise<boolean> {
    const repository = new AssociationSearchRepository(this.dataSource);
    const changed = await repository.markBuiltByOthers(this.analyzer.name);
    if (changed > 0)
      log(`search terms: ${changed} associations to rebuild with ${this.analyzer.name}`);
    if ((await repository.staleCount()) > INDEX_BEFORE_SERVING) return true;
    await this.indexAll(log);
    return false;
  }

  /**
   * Indexes what becomes stale, every `intervalMs`, at most PER_TICK associations a time (a
   * big import is indexed over minutes, not in one burst), on a connection of its own so it
   * takes none from requests; until stopped.
   */
  start(intervalMs: number, log: (line: string) => void): { stop(): Promise<void> } {
    const own = new DataSource({
      ...this.dataSource.options,
      extra: { ...(this.dataSource.options.extra as object), max: 1 },
    } as DataSourceOptions);
    const background = new AssociationSearchIndexer(own, this.analyzer);
    let stopped = false;
    let running: Promise<unknown> = own.initialize();
    const tick = async () => {
      let done = 0;
      for (let n = -1; n !== 0 && done < PER_TICK && !stopped; done += n) {
        n = await background.indexBatch();
      }
      if (done >= PER_TICK) log(`search terms: ${done} more associations indexed`);
    };
    const timer = setInterval(() => {
      running = running
        .then(() => (stopped ? undefined : tick()))
        .catch((error: unknown) => log(`search terms: indexing failed: ${String(error)}`));
    }, intervalMs);
    timer.unref();
    return {
      async stop() {
        stopped = true;
        clearInterval(timer);
        await running.catch(() => undefined);
        if (own.isInitialized) await own.destroy();
      },
    };
  }
}
