import type { DataSource, EntityManager } from 'typeorm';
import { returningRows } from '../../core/database';
import type { SourceEvent } from './event-source';

/** All SQL of the event import: imported rows matched by source id, and the import's state. */
export class EventImportRepository {
  constructor(
    private readonly db: DataSource | EntityManager,
    private readonly source: string,
  ) {}

  /**
   * Inserts or updates one imported event; unchanged at the source (same modification
   * time), it is left alone.
   */
  async upsert(event: SourceEvent): Promise<'CREATED' | 'UPDATED' | 'UNCHANGED'> {
    const rows: Array<{ created: boolean }> = await this.db.query(
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
        this.source,
        event.sourceId,
        event.modifiedAt,
        event.allDay,
        event.onlineUrl,
      ],
    );
    if (rows.length === 0) return 'UNCHANGED';
    return rows[0].created ? 'CREATED' : 'UPDATED';
  }

  /** Cancels an event deleted at the source; false when there was none to cancel. */
  async cancel(sourceId: string, modifiedAt: Date): Promise<boolean> {
    const rows: unknown[] = await this.db.query(
      returningRows(`UPDATE events.event SET status = 'CANCELLED', source_modified_at = $3
        WHERE source = $1 AND source_id = $2 AND status <> 'CANCELLED' RETURNING id`),
      [this.source, sourceId, modifiedAt],
    );
    return rows.length > 0;
  }

  /** Remembers the newest change imported, so the next run asks only for later ones. */
  async advance(latest: Date): Promise<void> {
    await this.db.query(
      `INSERT INTO events.import_state (source, modified_since, last_run_at) VALUES ($1, $2, now())
       ON CONFLICT (source) DO UPDATE SET modified_since = GREATEST(events.import_state.modified_since, $2), last_run_at = now()`,
      [this.source, latest],
    );
  }

  async recordRun(error: string | null): Promise<void> {
    await this.db.query(
      `INSERT INTO events.import_state (source, last_run_at, last_error) VALUES ($1, now(), $2)
       ON CONFLICT (source) DO UPDATE SET last_run_at = now(), last_error = $2`,
      [this.source, error],
    );
  }

  async modifiedSince(): Promise<Date | null> {
    const rows: Array<{ modified_since: Date | null }> = await this.db.query(
      'SELECT modified_since FROM events.import_state WHERE source = $1',
      [this.source],
    );
    return rows[0]?.modified_since ?? null;
  }
}
