import type { DataSource } from 'typeorm';
import type { Progress } from '../../core/progress';
import type { EventSource, SourceDeletion, SourceEvent } from './event-source';
import { EventImportRepository } from './event-import.repository';

export interface ImportReport {
  source: string;
  since: string | null;
  created: number;
  updated: number;
  unchanged: number;
  /**
   * Deleted at the source: cancelled here, not removed, so that sign-ups and feedback
   * people gave for it stay; with the id of the event it was merged into, when there is one.
   */
  cancelled: Array<{ sourceId: string; replacedBy: string | null }>;
  /** The page the import stopped at, and why; the pages before it are kept. */
  failed: { url: string; reason: string } | null;
}

/** Safety net against a `next` link that never ends. */
const MAX_PAGES = 10_000;

/**
 * Imports events page by page, each page in its own transaction, matched by source id so
 * a re-run changes nothing that did not change at the source. Incremental: the next run
 * asks only for what changed since the newest change already imported. A broken page
 * stops the run with the reason; what came before it is kept.
 */
export class EventImportService {
  private readonly repository: EventImportRepository;

  constructor(
    private readonly db: DataSource,
    private readonly sourceName: string,
    private readonly source: EventSource,
  ) {
    this.repository = new EventImportRepository(db, sourceName);
  }

  async run(options: { full?: boolean; onProgress?: Progress } = {}): Promise<ImportReport> {
    const since = options.full ? null : await this.repository.modifiedSince();
    const report: ImportReport = {
      source: this.sourceName,
      since: since?.toISOString() ?? null,
      created: 0,
      updated: 0,
      unchanged: 0,
      cancelled: [],
      failed: null,
    };
    let url: string | null = this.source.firstPage(since);
    let done = 0;
    for (let page = 0; url && page < MAX_PAGES; page++) {
      let events: SourceEvent[];
      let deletions: SourceDeletion[];
      let count: number;
      let next: string | null;
      try {
        ({ events, deletions, count, next } = await this.source.page(url));
      } catch (error) {
        report.failed = { url, reason: error instanceof Error ? error.message : String(error) };
        break;
      }
      await this.db.transaction(async (manager) => {
        const repository = new EventImportRepository(manager, this.sourceName);
        let latest: Date | null = null;
        for (const event of events) {
          const outcome = await repository.upsert(event);
          if (outcome === 'CREATED') report.created++;
          else if (outcome === 'UPDATED') report.updated++;
          else report.unchanged++;
          if (!latest || event.modifiedAt > latest) latest = event.modifiedAt;
        }
        for (const deletion of deletions) {
          if (await repository.cancel(deletion.sourceId, deletion.modifiedAt)) {
            report.cancelled.push({ sourceId: deletion.sourceId, replacedBy: deletion.replacedBy });
          }
          if (!latest || deletion.modifiedAt > latest) latest = deletion.modifiedAt;
        }
        if (latest) await repository.advance(latest);
      });
      done += events.length;
      options.onProgress?.(done, Math.max(count, done));
      url = next;
    }
    await this.repository.recordRun(report.failed?.reason ?? null);
    return report;
  }
}
