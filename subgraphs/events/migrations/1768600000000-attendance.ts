import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Attendance (issue 32, item 4): after an event its organiser marks how many of each
 * enrolled association's people came, and a head count of everyone (walk-ins included), so
 * statistics and indicators tell signed up, came and no-shows apart; an event may take
 * feedback only from those who came. Additive: nullable columns and a default.
 */
export class Attendance1768600000000 implements MigrationInterface {
  name = 'Attendance1768600000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE events.enrolment
      ADD COLUMN attended_people integer,
      ADD CONSTRAINT enrolment_attended_people_check
        CHECK (attended_people IS NULL OR attended_people BETWEEN 0 AND people)`);
    await db.query(`ALTER TABLE events.event
      ADD COLUMN head_count integer CHECK (head_count IS NULL OR head_count >= 0),
      ADD COLUMN attendance_recorded_at timestamptz,
      ADD COLUMN attendance_recorded_by text,
      ADD COLUMN feedback_from_attendees_only boolean NOT NULL DEFAULT false`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE events.event
      DROP COLUMN head_count, DROP COLUMN attendance_recorded_at,
      DROP COLUMN attendance_recorded_by, DROP COLUMN feedback_from_attendees_only`);
    await db.query(`ALTER TABLE events.enrolment DROP COLUMN attended_people`);
  }
}
