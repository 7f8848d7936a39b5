import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Events with their organising associations and service areas. */
export class Initial1763800000000 implements MigrationInterface {
  name = 'Initial1763800000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE events.event (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        title jsonb NOT NULL CHECK (title ? 'fi'),
        description jsonb,
        kind text NOT NULL CHECK (kind IN ('ASSOCIATION_EVENING','FORUM','EVENT_INFO','WORKING_GROUP','WORKSHOP','JOINT_EVENT','COMMUNITY_EVENT')),
        status text NOT NULL CHECK (status IN ('DRAFT','SCHEDULED','POSTPONED','CANCELLED')),
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        -- A reference into the facilities subgraph: a plain id, no cross-schema key.
        venue_space_id uuid,
        location text,
        online_url text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT event_ends_after_start CHECK (ends_at > starts_at)
      )`);
    await db.query(`CREATE INDEX event_starts_idx ON events.event (starts_at, id)`);
    await db.query(`CREATE INDEX event_kind_status_idx ON events.event (kind, status)`);
    await db.query(
      `CREATE INDEX event_venue_idx ON events.event (venue_space_id) WHERE venue_space_id IS NOT NULL`,
    );
    await db.query(`
      CREATE TABLE events.event_organizer (
        event_id uuid NOT NULL REFERENCES events.event (id) ON DELETE CASCADE,
        association_id uuid NOT NULL,
        PRIMARY KEY (event_id, association_id)
      )`);
    await db.query(
      `CREATE INDEX event_organizer_association_idx ON events.event_organizer (association_id, event_id)`,
    );
    await db.query(`
      CREATE TABLE events.event_service_area (
        event_id uuid NOT NULL REFERENCES events.event (id) ON DELETE CASCADE,
        service_area_id uuid NOT NULL,
        PRIMARY KEY (event_id, service_area_id)
      )`);
    await db.query(
      `CREATE INDEX event_service_area_area_idx ON events.event_service_area (service_area_id, event_id)`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE events.event_service_area`);
    await db.query(`DROP TABLE events.event_organizer`);
    await db.query(`DROP TABLE events.event`);
  }
}
