import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An event's support request (issue 29, item 3): what an association asks of the city for
 * one event (a space with setup time, equipment, an event grant), one row per part, each
 * part decided by the subgraph that owns it. Found by event, by association and by the
 * part's reservation, loan or application when its decision comes back.
 */
export class EventSupport1768300000000 implements MigrationInterface {
  name = 'EventSupport1768300000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE events.support_request (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        event_id uuid NOT NULL REFERENCES events.event (id) ON DELETE CASCADE,
        association_id uuid NOT NULL,
        requested_by text NOT NULL,
        message text,
        created_at timestamptz NOT NULL,
        decided_at timestamptz
      )`);
    await db.query(
      `CREATE INDEX support_request_event_idx ON events.support_request (event_id, created_at, id)`,
    );
    await db.query(
      `CREATE INDEX support_request_association_idx ON events.support_request (association_id, created_at, id)`,
    );
    await db.query(`
      CREATE TABLE events.support_part (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        request_id uuid NOT NULL REFERENCES events.support_request (id) ON DELETE CASCADE,
        position int NOT NULL,
        kind text NOT NULL CHECK (kind IN ('SPACE','EQUIPMENT','GRANT')),
        status text NOT NULL CHECK (status IN ('PENDING','REQUESTED','CONFIRMED','REJECTED','REFUSED','CANCELLED')),
        reason text,
        target_id uuid,
        details jsonb NOT NULL,
        updated_at timestamptz NOT NULL,
        UNIQUE (request_id, position)
      )`);
    await db.query(
      `CREATE INDEX support_part_open_idx ON events.support_part (request_id) WHERE status IN ('PENDING','REQUESTED')`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE events.support_part`);
    await db.query(`DROP TABLE events.support_request`);
  }
}
