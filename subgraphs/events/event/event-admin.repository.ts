import { versionedUpdate } from '../../core/versioning';
import type { DataSource, EntityManager } from 'typeorm';
import { type ColumnSpec, columnValues, insertSql } from '../../core/sql-writes';
import type { LocalizedText } from '../../core/types/localized-text.type';
import type { EventMaterial } from './event.entity';
import type { EventKind, EventStatus } from './event.enums';
import type { SeriesFrequency } from './event.enums';

/** Columns of events.event a change may set, by column name. */
export type EventValues = Partial<{
  title: LocalizedText;
  description: LocalizedText | null;
  kind: EventKind;
  status: EventStatus;
  starts_at: Date;
  ends_at: Date;
  venue_space_id: string | null;
  working_group_id: string | null;
  location: string | null;
  online_url: string | null;
  keywords: string[];
  audience: LocalizedText | null;
  is_free: boolean;
  materials: EventMaterial[];
  capacity: number | null;
  registration_closes_at: Date | null;
  feedback_from_attendees_only: boolean;
  notes: LocalizedText | null;
}>;

const EVENT_COLUMNS: ColumnSpec = {
  json: new Set(['title', 'description', 'audience', 'materials', 'notes']),
};

/** The SQL that creates and changes events and their series (call inside a transaction). */
export class EventAdminRepository {
  constructor(private readonly db: DataSource | EntityManager) {}

  async insertSeries(
    series: { frequency: SeriesFrequency; interval: number; occurrences: number },
    createdBy: string,
  ): Promise<string> {
    const rows: Array<{ id: string }> = await this.db.query(
      `INSERT INTO events.event_series (frequency, "interval", occurrences, created_by) VALUES ($1, $2, $3, $4) RETURNING id`,
      [series.frequency, series.interval, series.occurrences, createdBy],
    );
    return rows[0].id;
  }

  /** One event, under the id the caller made, with its organisers and service areas. */
  async insert(
    id: string,
    values: EventValues,
    links: { seriesId: string | null; organizerIds: string[]; serviceAreaIds: string[] },
  ): Promise<void> {
    await this.db.query(
      ...insertSql('events.event', [
        ['id', id],
        ...columnValues(values, EVENT_COLUMNS),
        ['series_id', links.seriesId],
      ]),
    );
    for (const organizer of links.organizerIds) {
      await this.db.query(
        'INSERT INTO events.event_organizer (event_id, association_id) VALUES ($1, $2)',
        [id, organizer],
      );
    }
    for (const area of links.serviceAreaIds) {
      await this.db.query(
        'INSERT INTO events.event_service_area (event_id, service_area_id) VALUES ($1, $2)',
        [id, area],
      );
    }
  }

  /** Changes an event; an occurrence of a series changed on its own becomes an exception. */
  async update(id: string, values: EventValues, expectedVersion: number | null): Promise<void> {
    await versionedUpdate(
      this.db,
      'events.event',
      'Event',
      id,
      columnValues(values, EVENT_COLUMNS),
      expectedVersion,
      { also: ['series_exception = series_exception OR series_id IS NOT NULL'] },
    );
  }
}
