import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Co-organisers by consent (issue 29, item 5): an event's managers invite another
 * association, which becomes an organiser only when one of its representatives accepts.
 * One invitation per event and association; pending ones are found by the invitee.
 */
export class CoOrganizers1768400000000 implements MigrationInterface {
  name = 'CoOrganizers1768400000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE events.organizer_invitation (
        event_id uuid NOT NULL REFERENCES events.event (id) ON DELETE CASCADE,
        association_id uuid NOT NULL,
        invited_by text NOT NULL,
        invited_at timestamptz NOT NULL,
        answered_by text,
        answered_at timestamptz,
        accepted boolean,
        PRIMARY KEY (event_id, association_id),
        CHECK ((answered_at IS NULL) = (accepted IS NULL))
      )`);
    await db.query(
      `CREATE INDEX organizer_invitation_pending_idx ON events.organizer_invitation (association_id, invited_at) WHERE answered_at IS NULL`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE events.organizer_invitation`);
  }
}
