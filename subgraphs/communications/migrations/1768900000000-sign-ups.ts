import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Who is signed up for which event, as the events subgraph tells it (`enrolment.changed`):
 * reminders before an event go to its own enrolled associations (issue 29, item 5), never to
 * every subscriber of events. `sequence` keeps the newest fact of each sign-up.
 */
export class SignUps1768900000000 implements MigrationInterface {
  name = 'SignUps1768900000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE communications.sign_up (
        enrolment_id uuid PRIMARY KEY,
        event_id uuid NOT NULL,
        association_id uuid NOT NULL,
        status text NOT NULL CHECK (status IN ('ENROLLED', 'WAITLISTED', 'CANCELLED')),
        sequence bigint NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(
      `CREATE INDEX sign_up_event_idx ON communications.sign_up (event_id) WHERE status = 'ENROLLED'`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE communications.sign_up`);
  }
}
