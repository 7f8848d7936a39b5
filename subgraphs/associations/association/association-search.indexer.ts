import type { Client } from 'pg';
import { DataSource, type DataSourceOptions, type QueryRunner } from 'typeorm';
import { migrationStatus, transactionWithRetry } from '../../core/database';
import { type TermAnalyzer, textTerms } from '../../core/finnish/finnish-terms';
import { AssociationSearchRepository } from './association-search.repository';

/**
 * The triggers (SearchTerms migration) that mark an association stale and notify the
 * indexer. A bulk load of new rows may turn them off inside its transaction: new rows are
 * stale already, and per-row notifications make a load of 100,000 crawl.
 */
export const SEARCH_TRIGGERS = [
  ['associations.association', 'association_texts_changed'],
  ['associations.activity', 'activity_search_terms'],
  ['associations.association_category', 'association_category_search_terms'],
] as const;

/** Associations indexed per transaction. */
const BATCH = 200;
/** How long after a failed round the next is tried. */
const RETRY_MS = 5_000;
/** At most this many associations indexed in the background per round. */
const PER_TICK = 1_000;
/** A long indexing run says how far it got every this many associations. */
const PROGRESS_EVERY = 5_000;
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

  /**
   * Indexes until nothing is stale; given how many were stale, a long run says how far it
   * got every PROGRESS_EVERY associations.
   */
  async indexAll(log: (line: string) => void = () => undefined, stale = 0): Promise<number> {
    let done = 0;
    let reported = 0;
    for (let n = await this.indexBatch(); n > 0; n = await this.indexBatch()) {
      done += n;
      if (stale > PROGRESS_EVERY && done - reported >= PROGRESS_EVERY) {
        log(`search terms: ${done} of ${stale} associations indexed`);
        reported = done;
      }
    }
    return done;
  }

  /**
   * Before serving: terms built by another analyzer (Voikko installed or removed since) are
   * stale; a directory of ordinary size is indexed at once, a huge one in the background.
   */
  async prepare(log: (line: string) => void): Promise<void> {
    // Started before its migrations (MIGRATE_ON_START=false): /ready says so; the background
    // indexer takes over once they are applied.
    if ((await migrationStatus(this.dataSource)).pending.length > 0) {
      log('search terms: migrations pending; indexing starts once they are applied');
      return;
    }
    const repository = new AssociationSearchRepository(this.dataSource);
    const changed = await repository.markBuiltByOthers(this.analyzer.name);
    if (changed > 0)
      log(`search terms: ${changed} associations to rebuild with ${this.analyzer.name}`);
    const stale = await repository.staleCount();
    if (stale > INDEX_BEFORE_SERVING) {
      log(`search terms: ${stale} associations to index, in the background`);
      return;
    }
    await this.indexAll(log, stale);
  }

  /**
   * Indexes what becomes stale: the triggers notify `association_search_stale`, and this
   * listens on a connection of its own and indexes shortly after (changes arriving together
   * are indexed together), at most PER_TICK associations a round, so a big import is
   * indexed over minutes, not in one burst. Idle, it sends no statement at all.
   */
  start(
    delayMs: number,
    log: (line: string) => void,
  ): { ready: Promise<void>; stop(): Promise<void> } {
    // One connection listens, one indexes; neither is taken from requests.
    const own = new DataSource({
      ...this.dataSource.options,
      extra: { ...(this.dataSource.options.extra as object), max: 2 },
    } as DataSourceOptions);
    const background = new AssociationSearchIndexer(own, this.analyzer);
    let stopped = false;
    let timer: NodeJS.Timeout | undefined;
    let running: Promise<unknown> = Promise.resolve();
    const round = async () => {
      let done = 0;
      for (let n = -1; n !== 0 && done < PER_TICK && !stopped; done += n) {
        n = await background.indexBatch();
      }
      // More left than one round takes: go on after a pause.
      if (done >= PER_TICK) {
        log(`search terms: ${done} more associations indexed`);
        schedule();
      }
    };
    // A failed round (the database away, migrations not yet applied) is tried again later.
    const failed = (error: unknown) => {
      log(`search terms: indexing failed, trying again in ${RETRY_MS / 1000} s: ${String(error)}`);
      if (!stopped) setTimeout(schedule, RETRY_MS).unref();
    };
    const schedule = () => {
      if (stopped || timer) return;
      timer = setTimeout(() => {
        timer = undefined;
        running = running.then(round).catch(failed);
      }, delayMs);
      timer.unref();
    };
    let listener: QueryRunner | undefined;
    const listening = (async () => {
      await own.initialize();
      listener = own.createQueryRunner();
      const client = (await listener.connect()) as Client;
      client.on('notification', schedule);
      await listener.query('LISTEN association_search_stale');
      // What went stale while nobody listened, before the subgraph counts as started.
      await round().catch(failed);
    })().catch((error: unknown) => log(`search terms: cannot listen: ${String(error)}`));
    return {
      ready: listening,
      async stop() {
        stopped = true;
        clearTimeout(timer);
        await listening;
        await running.catch(() => undefined);
        await listener?.release().catch(() => undefined);
        if (own.isInitialized) await own.destroy();
      },
    };
  }
}
