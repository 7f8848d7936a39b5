import type { DataSource } from 'typeorm';
import type { Progress } from '../../core/progress';
import type { EventSource, SourceDeletion, SourceEvent } from './event-source';

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
  constructor(
    private readonly db: DataSource,
    private readonly sourceName: string,
    private readonly source: EventSource,
  ) {}

  async run(options: { full?: boolean; onProgress?: Progress } = {}): Promise<ImportReport> {
    const since = options.full ? null : await this.modifiedSince();
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
        let latest: Date | null = null;
        for (const event of events) {
          const rows: Array<{ created: boolean }> = await manager.query(
            `INSERT INTO events.event (title, description, kind, status, starts_at, ends_at, location, keywords, is_free,
                source, source_id, source_modified_at, all_day, online_url)
             VALUES ($1, $2, 'COMMUNITY_EVENT', $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
             ON CONFLICT (source, source_id) WHERE source_id IS NOT NULL DO UPDATE SET
               title = EXCLUDED.title, description = EXCLUDED.description, status = EXCLUDED.status,
               starts_at = EXCLUDED.starts_at, ends_at = EXCLUDED.ends_at, location = EXCLUDED.location,
               keywords = EXCLUDED.keywords, is_free = EXCLUDED.is_free, source_modified_at = EXCLUDED.source_modified_at,
               all_day = EXCLUDED.all_day, online_url = EXCLUDED.online_url
             WHERE events.event.source_modified_at IS DISTINCT FROM EXCLUDED.source_modified_at
             RETURNING (xmax = 0) AS created`,
            [
              JSON.stringify(event.title),
              event.description ? JSON.stringify(event.description) : null,
              event.status,
              event.startsAt,
              event.endsAt,
              event.location,
              event.keywords,
              event.isFree,
              this.sourceName,
              event.sourceId,
              event.modifiedAt,
              event.allDay,
              event.onlineUrl,
            ],
          );
          if (rows.length === 0) report.unchanged++;
          else if (rows[0].created) report.created++;
          else report.updated++;
          if (!latest || event.modifiedAt > latest) latest = event.modifiedAt;
        }
        for (const deletion of deletions) {
          // Wrapped in a SELECT so the driver answers rows, not [rows, count] as for UPDATE.
          const rows: unknown[] = await manager.query(
            `WITH cancelled AS (
               UPDATE events.event SET status = 'CANCELLED', source_modified_at = $3
                WHERE source = $1 AND source_id = $2 AND status <> 'CANCELLED' RETURNING id)
             SELECT id FROM cancelled`,
            [this.sourceName, deletion.sourceId, deletion.modifiedAt],
          );
          if (rows.length > 0) {
            report.cancelled.push({ sourceId: deletion.sourceId, replacedBy: deletion.replacedBy });
          }
          if (!latest || deletion.modifiedAt > latest) latest = deletion.modifiedAt;
        }
        if (latest) {
          await manager.query(
            `INSERT INTO events.import_state (source, modified_since, last_run_at) VALUES ($1, $2, now())
             ON CONFLICT (source) DO UPDATE SET modified_since = GREATEST(events.import_state.modified_since, $2), last_run_at = now()`,
            [this.sourceName, latest],
          );
        }
      });
      done += events.length;
      options.onProgress?.(done, Math.max(count, done));
      url = next;
    }
    await this.db.query(
      `INSERT INTO events.import_state (source, last_run_at, last_error) VALUES ($1, now(), $2)
       ON CONFLICT (source) DO UPDATE SET last_run_at = now(), last_error = $2`,
      [this.sourceName, report.failed?.reason ?? null],
    );
    return report;
  }

  private async modifiedSince(): Promise<Date | null> {
    const rows: Array<{ modified_since: Date | null }> = await this.db.query(
      'SELECT modified_since FROM events.import_state WHERE source = $1',
      [this.sourceName],
    );
    return rows[0]?.modified_since ?? null;
  }
}
