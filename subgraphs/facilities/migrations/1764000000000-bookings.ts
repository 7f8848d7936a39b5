import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Opening hours, space details and booking rules, reservations, busy times synced from a
 * booking system, seasonal allocation (vuorojako) and lendable equipment (välineistö).
 *
 * No double booking is enforced by PostgreSQL, not by the service: every bookable space is
 * made of one or more *units* (a space without parts is its own unit; a hall split in two
 * halves is made of the two halves). An active reservation claims every unit of its space,
 * and an exclusion constraint forbids two claims on one unit at overlapping times. So the
 * two halves can be booked at once, but the whole hall blocks both halves and either half
 * blocks the whole — however many requests race.
 *
 * Additive only: existing facilities and spaces keep their rows; new columns have defaults.
 */
export class Bookings1764000000000 implements MigrationInterface {
  name = 'Bookings1764000000000';

  async up(db: QueryRunner): Promise<void> {
    // uuid equality inside a GiST index (for the exclusion constraint) needs btree_gist.
    await db.query(`CREATE EXTENSION IF NOT EXISTS btree_gist WITH SCHEMA public`);

    await db.query(`
      ALTER TABLE facilities.facility
        ADD COLUMN kind text NOT NULL DEFAULT 'OTHER'
          CHECK (kind IN ('MULTIPURPOSE_HOUSE','SCHOOL','LIBRARY','YOUTH_CENTRE','SPORTS_CENTRE','CULTURAL_CENTRE','OTHER')),
        ADD COLUMN accessibility jsonb,
        ADD COLUMN links jsonb NOT NULL DEFAULT '[]'::jsonb`);
    await db.query(
      `CREATE INDEX facility_service_area_idx ON facilities.facility (service_area_id)`,
    );

    // Regular hours per ISO weekday (1 = Monday); several periods a day are allowed.
    await db.query(`
      CREATE TABLE facilities.opening_hours (
        facility_id uuid NOT NULL REFERENCES facilities.facility (id) ON DELETE CASCADE,
        weekday smallint NOT NULL CHECK (weekday BETWEEN 1 AND 7),
        opens time NOT NULL,
        closes time NOT NULL CHECK (closes > opens),
        PRIMARY KEY (facility_id, weekday, opens)
      )`);
    // A date whose hours differ from the weekday's: closed (no times) or other times.
    await db.query(`
      CREATE TABLE facilities.opening_exception (
        facility_id uuid NOT NULL REFERENCES facilities.facility (id) ON DELETE CASCADE,
        date date NOT NULL,
        opens time,
        closes time,
        note jsonb,
        PRIMARY KEY (facility_id, date),
        CHECK ((opens IS NULL AND closes IS NULL) OR (opens IS NOT NULL AND closes > opens))
      )`);

    await db.query(`
      ALTER TABLE facilities.space
        ADD COLUMN parent_space_id uuid REFERENCES facilities.space (id),
        ADD COLUMN description jsonb,
        ADD COLUMN area_m2 numeric(8,1) CHECK (area_m2 > 0),
        ADD COLUMN equipment text[] NOT NULL DEFAULT '{}',
        ADD COLUMN is_free boolean NOT NULL DEFAULT true,
        ADD COLUMN hourly_rate numeric(14,2) CHECK (hourly_rate >= 0),
        ADD COLUMN pricing_notes jsonb,
        ADD COLUMN slot_minutes int NOT NULL DEFAULT 30 CHECK (slot_minutes BETWEEN 5 AND 240 AND 1440 % slot_minutes = 0),
        ADD COLUMN min_duration_minutes int NOT NULL DEFAULT 60 CHECK (min_duration_minutes > 0),
        ADD COLUMN max_duration_minutes int NOT NULL DEFAULT 240,
        ADD COLUMN min_lead_hours int NOT NULL DEFAULT 24 CHECK (min_lead_hours >= 0),
        ADD COLUMN max_advance_days int NOT NULL DEFAULT 180 CHECK (max_advance_days > 0),
        ADD COLUMN booking_system text NOT NULL DEFAULT 'LOCAL' CHECK (booking_system IN ('LOCAL','TIMMI','RESPA','ICS')),
        ADD COLUMN external_id text,
        ADD COLUMN last_synced_at timestamptz,
        ADD CONSTRAINT space_duration_range CHECK (max_duration_minutes >= min_duration_minutes),
        ADD CONSTRAINT space_price_given CHECK (is_free OR hourly_rate IS NOT NULL),
        ADD CONSTRAINT space_not_own_parent CHECK (parent_space_id <> id)`);
    await db.query(`CREATE INDEX space_parent_idx ON facilities.space (parent_space_id)`);
    await db.query(`CREATE INDEX space_equipment_idx ON facilities.space USING gin (equipment)`);
    await db.query(
      `CREATE INDEX space_accessible_free_idx ON facilities.space (accessible, is_free)`,
    );
    await db.query(
      `CREATE UNIQUE INDEX space_external_idx ON facilities.space (booking_system, external_id) WHERE external_id IS NOT NULL`,
    );

    // space_unit: which units each space is made of (its leaf descendants, or itself).
    await db.query(`
      CREATE TABLE facilities.space_unit (
        space_id uuid NOT NULL REFERENCES facilities.space (id) ON DELETE CASCADE,
        unit_id uuid NOT NULL REFERENCES facilities.space (id) ON DELETE CASCADE,
        PRIMARY KEY (space_id, unit_id)
      )`);
    await db.query(`CREATE INDEX space_unit_unit_idx ON facilities.space_unit (unit_id, space_id)`);
    // Spaces change rarely and number in thousands: recomputing the whole map is simplest
    // and cannot drift. A cycle (A inside B inside A) is refused here.
    await db.query(`
      CREATE FUNCTION facilities.refresh_space_units() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF EXISTS (
          WITH RECURSIVE up(start_id, id, depth) AS (
            SELECT s.id, s.parent_space_id, 1 FROM facilities.space s WHERE s.parent_space_id IS NOT NULL
            UNION ALL
            SELECT up.start_id, p.parent_space_id, up.depth + 1
              FROM up JOIN facilities.space p ON p.id = up.id
             WHERE p.parent_space_id IS NOT NULL AND up.depth < 50)
          SELECT 1 FROM up WHERE up.id = up.start_id
        ) THEN
          RAISE EXCEPTION 'a space cannot be inside itself' USING ERRCODE = 'check_violation';
        END IF;
        DELETE FROM facilities.space_unit;
        INSERT INTO facilities.space_unit (space_id, unit_id)
          WITH RECURSIVE down(space_id, id) AS (
            SELECT s.id, s.id FROM facilities.space s
            UNION ALL
            SELECT down.space_id, c.id FROM down JOIN facilities.space c ON c.parent_space_id = down.id)
          SELECT d.space_id, d.id FROM down d
           WHERE NOT EXISTS (SELECT 1 FROM facilities.space c WHERE c.parent_space_id = d.id);
        RETURN NULL;
      END $$`);
    await db.query(`
      CREATE TRIGGER space_units_refresh
        AFTER INSERT OR DELETE OR UPDATE OF parent_space_id ON facilities.space
        FOR EACH STATEMENT EXECUTE FUNCTION facilities.refresh_space_units()`);
    await db.query(`
      INSERT INTO facilities.space_unit (space_id, unit_id) SELECT id, id FROM facilities.space`);

    // Weekly series made from a seasonal allocation; the reservations point back to it.
    await db.query(`
      CREATE TABLE facilities.booking_season (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name jsonb NOT NULL CHECK (name ? 'fi'),
        service_area_id uuid,
        applications_open_at timestamptz NOT NULL,
        applications_close_at timestamptz NOT NULL CHECK (applications_close_at > applications_open_at),
        starts_on date NOT NULL,
        ends_on date NOT NULL CHECK (ends_on >= starts_on),
        status text NOT NULL DEFAULT 'PLANNED' CHECK (status IN ('PLANNED','ALLOCATED')),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(
      `CREATE INDEX booking_season_dates_idx ON facilities.booking_season (starts_on, ends_on)`,
    );
    await db.query(`
      CREATE TABLE facilities.season_application (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        season_id uuid NOT NULL REFERENCES facilities.booking_season (id),
        association_id uuid NOT NULL,
        applied_by text NOT NULL,
        purpose text NOT NULL,
        attendees int CHECK (attendees > 0),
        weekday smallint NOT NULL CHECK (weekday BETWEEN 1 AND 7),
        starts_at_local time NOT NULL,
        ends_at_local time NOT NULL CHECK (ends_at_local > starts_at_local),
        space_ids uuid[] NOT NULL CHECK (cardinality(space_ids) BETWEEN 1 AND 5),
        status text NOT NULL DEFAULT 'SUBMITTED' CHECK (status IN ('SUBMITTED','ALLOCATED','DECLINED','WITHDRAWN')),
        allocated_space_id uuid REFERENCES facilities.space (id),
        decision_note text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(
      `CREATE INDEX season_application_season_idx ON facilities.season_application (season_id, status)`,
    );
    await db.query(
      `CREATE INDEX season_application_association_idx ON facilities.season_application (association_id)`,
    );

    await db.query(`
      CREATE TABLE facilities.reservation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        space_id uuid NOT NULL REFERENCES facilities.space (id),
        -- A reference into the associations subgraph: a plain id, no cross-schema key.
        association_id uuid NOT NULL,
        requested_by text NOT NULL,
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        during tstzrange GENERATED ALWAYS AS (tstzrange(starts_at, ends_at, '[)')) STORED,
        status text NOT NULL DEFAULT 'REQUESTED' CHECK (status IN ('REQUESTED','CONFIRMED','REJECTED','CANCELLED')),
        purpose text NOT NULL,
        attendees int CHECK (attendees > 0),
        decision_note text,
        decided_by text,
        decided_at timestamptz,
        cancelled_by text,
        cancelled_at timestamptz,
        season_application_id uuid REFERENCES facilities.season_application (id),
        external_id text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (ends_at > starts_at)
      )`);
    await db.query(
      `CREATE INDEX reservation_association_idx ON facilities.reservation (association_id, starts_at, id)`,
    );
    await db.query(
      `CREATE INDEX reservation_space_idx ON facilities.reservation (space_id, starts_at, id)`,
    );
    await db.query(
      `CREATE INDEX reservation_status_idx ON facilities.reservation (status, starts_at)`,
    );
    await db.query(
      `CREATE INDEX reservation_during_idx ON facilities.reservation USING gist (space_id, during)`,
    );

    await db.query(`
      CREATE TABLE facilities.reservation_claim (
        reservation_id uuid NOT NULL REFERENCES facilities.reservation (id) ON DELETE CASCADE,
        unit_id uuid NOT NULL REFERENCES facilities.space (id),
        during tstzrange NOT NULL,
        PRIMARY KEY (reservation_id, unit_id),
        CONSTRAINT reservation_no_overlap EXCLUDE USING gist (unit_id WITH =, during WITH &&)
      )`);
    // Only REQUESTED and CONFIRMED reservations hold their units; the trigger keeps the
    // claims in step with the row in the same statement, so no code path can skip it.
    await db.query(`
      CREATE FUNCTION facilities.claim_reservation_units() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        DELETE FROM facilities.reservation_claim WHERE reservation_id = NEW.id;
        IF NEW.status IN ('REQUESTED', 'CONFIRMED') THEN
          INSERT INTO facilities.reservation_claim (reservation_id, unit_id, during)
            SELECT NEW.id, u.unit_id, NEW.during FROM facilities.space_unit u WHERE u.space_id = NEW.space_id;
        END IF;
        RETURN NULL;
      END $$`);
    await db.query(`
      CREATE TRIGGER reservation_claims
        AFTER INSERT OR UPDATE OF status, starts_at, ends_at, space_id ON facilities.reservation
        FOR EACH ROW EXECUTE FUNCTION facilities.claim_reservation_units()`);

    // Times a booking system reports busy (or staff block for maintenance).
    await db.query(`
      CREATE TABLE facilities.blocked_time (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        space_id uuid NOT NULL REFERENCES facilities.space (id) ON DELETE CASCADE,
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        during tstzrange GENERATED ALWAYS AS (tstzrange(starts_at, ends_at, '[)')) STORED,
        source text NOT NULL CHECK (source IN ('TIMMI','RESPA','ICS','STAFF')),
        external_id text NOT NULL,
        reason text,
        synced_at timestamptz NOT NULL DEFAULT now(),
        CHECK (ends_at > starts_at),
        UNIQUE (space_id, source, external_id)
      )`);
    await db.query(
      `CREATE INDEX blocked_time_during_idx ON facilities.blocked_time USING gist (space_id, during)`,
    );

    // Booking-system sync bookkeeping: where each incremental sync got to.
    await db.query(`
      CREATE TABLE facilities.sync_state (
        system text PRIMARY KEY,
        last_success_at timestamptz,
        last_attempt_at timestamptz,
        last_error text
      )`);

    await db.query(`
      CREATE TABLE facilities.equipment_item (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name jsonb NOT NULL CHECK (name ? 'fi'),
        name_sort text COLLATE "fi-FI-x-icu" GENERATED ALWAYS AS (name->>'fi') STORED,
        description jsonb,
        quantity int NOT NULL CHECK (quantity >= 0),
        pickup_facility_id uuid REFERENCES facilities.facility (id),
        pickup_notes jsonb,
        service_area_id uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(
      `CREATE INDEX equipment_item_name_idx ON facilities.equipment_item (name_sort, id)`,
    );
    await db.query(`
      CREATE TABLE facilities.equipment_reservation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        item_id uuid NOT NULL REFERENCES facilities.equipment_item (id),
        association_id uuid NOT NULL,
        requested_by text NOT NULL,
        quantity int NOT NULL CHECK (quantity > 0),
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        during tstzrange GENERATED ALWAYS AS (tstzrange(starts_at, ends_at, '[)')) STORED,
        status text NOT NULL DEFAULT 'REQUESTED' CHECK (status IN ('REQUESTED','CONFIRMED','REJECTED','CANCELLED')),
        purpose text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (ends_at > starts_at)
      )`);
    await db.query(
      `CREATE INDEX equipment_reservation_during_idx ON facilities.equipment_reservation USING gist (item_id, during)`,
    );
    await db.query(
      `CREATE INDEX equipment_reservation_association_idx ON facilities.equipment_reservation (association_id, starts_at)`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of [
      'equipment_reservation',
      'equipment_item',
      'sync_state',
      'blocked_time',
      'reservation_claim',
      'reservation',
      'season_application',
      'booking_season',
      'space_unit',
      'opening_exception',
      'opening_hours',
    ]) {
      await db.query(`DROP TABLE facilities.${table}`);
    }
    await db.query(`DROP TRIGGER space_units_refresh ON facilities.space`);
    await db.query(`DROP FUNCTION facilities.refresh_space_units()`);
    await db.query(`DROP FUNCTION facilities.claim_reservation_units()`);
    await db.query(`
      ALTER TABLE facilities.space
        DROP COLUMN parent_space_id, DROP COLUMN description, DROP COLUMN area_m2,
        DROP COLUMN equipment, DROP COLUMN is_free, DROP COLUMN hourly_rate,
        DROP COLUMN pricing_notes, DROP COLUMN slot_minutes, DROP COLUMN min_duration_minutes,
        DROP COLUMN max_duration_minutes, DROP COLUMN min_lead_hours, DROP COLUMN max_advance_days,
        DROP COLUMN booking_system, DROP COLUMN external_id, DROP COLUMN last_synced_at`);
    await db.query(
      `ALTER TABLE facilities.facility DROP COLUMN kind, DROP COLUMN accessibility, DROP COLUMN links`,
    );
  }
}
