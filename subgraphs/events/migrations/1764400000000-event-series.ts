import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Recurring events as a series: the rule is kept, each occurrence is an event of its own
 * (so it can be moved, changed or cancelled alone: an exception), pointing to its series.
 */
export class EventSeries1764400000000 implements MigrationInterface {
  name = 'EventSeries1764400000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE events.event_series (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        frequency text NOT NULL CHECK (frequency IN ('WEEKLY','MONTHLY')),
        "interval" int NOT NULL DEFAULT 1 CHECK ("interval" BETWEEN 1 AND 12),
        occurrences int NOT NULL CHECK (occurrences BETWEEN 1 AND 104),
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`
      ALTER TABLE events.event
        ADD COLUMN series_id uuid REFERENCES events.event_series (id),
        ADD COLUMN series_exception boolean NOT NULL DEFAULT false`);
    await db.query(
      `CREATE INDEX event_series_idx ON events.event (series_id, starts_at) WHERE series_id IS NOT NULL`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE events.event DROP COLUMN series_id, DROP COLUMN series_exception`);
    await db.query(`DROP TABLE events.event_series`);
  }
}
