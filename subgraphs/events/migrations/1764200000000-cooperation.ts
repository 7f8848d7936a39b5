import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the cooperation year needs of events: registration with capacity and a waiting list,
 * feedback, agenda items, keywords and audience, text search, milestones of the year, and
 * an iCalendar SEQUENCE that grows whenever an event changes. Additive only.
 */
export class Cooperation1764200000000 implements MigrationInterface {
  name = 'Cooperation1764200000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE events.event
        ADD COLUMN keywords text[] NOT NULL DEFAULT '{}',
        ADD COLUMN audience jsonb,
        ADD COLUMN is_free boolean NOT NULL DEFAULT true,
        ADD COLUMN materials jsonb NOT NULL DEFAULT '[]'::jsonb,
        ADD COLUMN capacity int CHECK (capacity > 0),
        ADD COLUMN registration_opens_at timestamptz,
        ADD COLUMN registration_closes_at timestamptz,
        ADD COLUMN sequence int NOT NULL DEFAULT 0,
        ADD COLUMN search tsvector GENERATED ALWAYS AS (
          setweight(to_tsvector('finnish', coalesce(title->>'fi', '')), 'A') ||
          setweight(to_tsvector('swedish', coalesce(title->>'sv', '')), 'A') ||
          setweight(to_tsvector('english', coalesce(title->>'en', '')), 'A') ||
          setweight(to_tsvector('finnish', coalesce(description->>'fi', '')), 'C') ||
          setweight(to_tsvector('english', coalesce(description->>'en', '')), 'C')) STORED`);
    await db.query(`CREATE INDEX event_search_idx ON events.event USING gin (search)`);
    await db.query(`CREATE INDEX event_keywords_idx ON events.event USING gin (keywords)`);
    await db.query(`CREATE INDEX event_is_free_idx ON events.event (is_free, starts_at)`);
    await db.query(`CREATE INDEX event_ends_idx ON events.event (ends_at)`);
    // RFC 5545: a calendar client replaces its copy only when SEQUENCE grows. Every change a
    // subscriber would see bumps it, whoever makes the change.
    await db.query(`
      CREATE FUNCTION events.bump_event_sequence() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF (NEW.title, NEW.description, NEW.status, NEW.starts_at, NEW.ends_at, NEW.venue_space_id, NEW.location, NEW.online_url)
           IS DISTINCT FROM
           (OLD.title, OLD.description, OLD.status, OLD.starts_at, OLD.ends_at, OLD.venue_space_id, OLD.location, OLD.online_url)
        THEN
          NEW.sequence := OLD.sequence + 1;
          NEW.updated_at := now();
        END IF;
        RETURN NEW;
      END $$`);
    await db.query(`
      CREATE TRIGGER event_sequence BEFORE UPDATE ON events.event
        FOR EACH ROW EXECUTE FUNCTION events.bump_event_sequence()`);

    await db.query(`
      CREATE TABLE events.agenda_item (
        event_id uuid NOT NULL REFERENCES events.event (id) ON DELETE CASCADE,
        position int NOT NULL,
        starts_at timestamptz,
        title jsonb NOT NULL CHECK (title ? 'fi'),
        description jsonb,
        -- An association evening has each service area's own session.
        service_area_id uuid,
        PRIMARY KEY (event_id, position)
      )`);

    await db.query(`
      CREATE TABLE events.enrolment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        event_id uuid NOT NULL REFERENCES events.event (id),
        association_id uuid NOT NULL,
        enrolled_by text NOT NULL,
        people int NOT NULL CHECK (people > 0),
        status text NOT NULL CHECK (status IN ('ENROLLED','WAITLISTED','CANCELLED')),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(
      `CREATE INDEX enrolment_event_idx ON events.enrolment (event_id, status, created_at)`,
    );
    await db.query(
      `CREATE INDEX enrolment_association_idx ON events.enrolment (association_id, created_at)`,
    );
    // One active enrolment per association and event: add people to it instead.
    await db.query(
      `CREATE UNIQUE INDEX enrolment_active_idx ON events.enrolment (event_id, association_id) WHERE status <> 'CANCELLED'`,
    );

    await db.query(`
      CREATE TABLE events.feedback (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        event_id uuid NOT NULL REFERENCES events.event (id),
        respondent text NOT NULL,
        respondent_role text NOT NULL,
        association_id uuid,
        rating int NOT NULL CHECK (rating BETWEEN 1 AND 5),
        comment text,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (event_id, respondent)
      )`);

    await db.query(`
      CREATE TABLE events.milestone (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        title jsonb NOT NULL CHECK (title ? 'fi'),
        description jsonb,
        kind text NOT NULL CHECK (kind IN ('BUDGET','WELFARE_REPORT','SURVEY','STRATEGY','DEADLINE','OTHER')),
        starts_on date NOT NULL,
        ends_on date NOT NULL CHECK (ends_on >= starts_on),
        service_area_id uuid,
        url text,
        sequence int NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX milestone_dates_idx ON events.milestone (starts_on, ends_on)`);
    await db.query(
      `CREATE INDEX milestone_service_area_idx ON events.milestone (service_area_id, starts_on)`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of ['milestone', 'feedback', 'enrolment', 'agenda_item']) {
      await db.query(`DROP TABLE events.${table}`);
    }
    await db.query(`DROP TRIGGER event_sequence ON events.event`);
    await db.query(`DROP FUNCTION events.bump_event_sequence()`);
    await db.query(`
      ALTER TABLE events.event DROP COLUMN keywords, DROP COLUMN audience, DROP COLUMN is_free,
        DROP COLUMN materials, DROP COLUMN capacity, DROP COLUMN registration_opens_at,
        DROP COLUMN registration_closes_at, DROP COLUMN sequence, DROP COLUMN search`);
  }
}
