import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An event's hold on its venue comes under the same exclusion constraint as reservations
 * (issue 29: "with the same database guarantee against double booking"). Before this, a
 * hold was a busy time outside the constraint, made after the event was published, so an
 * event and a reservation asked for at the same moment could both pass.
 *
 * - A hold claims the space's leaf units in `reservation_claim` like a reservation does;
 *   `holder` says whose claim it is (the event, or the reservation; for a reservation made
 *   for an event's own support request, `reservation.for_event_id`, that event). Two
 *   constraints: reservations never overlap each other, as before; and claims of two holders
 *   never overlap. So an event's new hold while it moves may overlap its old one, and its
 *   support reservation may overlap its hold, but nothing else may.
 * - A hold made while the events subgraph publishes is pending (`expires_at`) until the
 *   event is seen published (the venue-hold consumer makes it firm); an event that never
 *   got written leaves a pending hold that lapses.
 * - Holds from before this migration that already overlap something keep their busy time
 *   but get no claim (ON CONFLICT DO NOTHING), so the migration cannot fail on old data.
 */
export class EventHoldClaims1768900000000 implements MigrationInterface {
  name = 'EventHoldClaims1768900000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE facilities.blocked_time
        ADD COLUMN event_id uuid,
        ADD COLUMN expires_at timestamptz,
        ADD COLUMN held_by text`);
    // A hold is derived from its event (the consumer rebuilds it from the event), so one
    // whose external id is not an event's id cannot be kept, and is not a user's data.
    await db.query(`
      DELETE FROM facilities.blocked_time
       WHERE source = 'EVENT' AND external_id !~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'`);
    await db.query(
      `UPDATE facilities.blocked_time SET event_id = external_id::uuid WHERE source = 'EVENT'`,
    );
    await db.query(`
      ALTER TABLE facilities.blocked_time
        ADD CONSTRAINT blocked_time_event_check CHECK ((source = 'EVENT') = (event_id IS NOT NULL))`);
    await db.query(`DROP INDEX facilities.blocked_time_event_idx`);
    await db.query(
      `CREATE INDEX blocked_time_event_idx ON facilities.blocked_time (event_id) WHERE event_id IS NOT NULL`,
    );
    await db.query(
      `CREATE INDEX blocked_time_pending_idx ON facilities.blocked_time (expires_at) WHERE expires_at IS NOT NULL`,
    );
    await db.query(`ALTER TABLE facilities.reservation ADD COLUMN for_event_id uuid`);

    await db.query(
      `ALTER TABLE facilities.reservation_claim DROP CONSTRAINT reservation_no_overlap`,
    );
    await db.query(
      `ALTER TABLE facilities.reservation_claim DROP CONSTRAINT reservation_claim_pkey`,
    );
    await db.query(`
      ALTER TABLE facilities.reservation_claim
        ALTER COLUMN reservation_id DROP NOT NULL,
        ADD COLUMN hold_id uuid REFERENCES facilities.blocked_time (id) ON DELETE CASCADE,
        ADD COLUMN holder uuid`);
    await db.query(`UPDATE facilities.reservation_claim SET holder = reservation_id`);
    await db.query(`
      ALTER TABLE facilities.reservation_claim
        ALTER COLUMN holder SET NOT NULL,
        ADD CONSTRAINT reservation_claim_one_owner CHECK (num_nonnulls(reservation_id, hold_id) = 1),
        -- Keyed as before, by whose claim it is and the unit: a reservation's claims keep their key.
        ADD COLUMN claimant uuid GENERATED ALWAYS AS (coalesce(reservation_id, hold_id)) STORED,
        ADD PRIMARY KEY (claimant, unit_id),
        ADD CONSTRAINT reservation_no_overlap
          EXCLUDE USING gist (unit_id WITH =, during WITH &&) WHERE (reservation_id IS NOT NULL),
        ADD CONSTRAINT hold_no_overlap
          EXCLUDE USING gist (unit_id WITH =, during WITH &&, holder WITH <>)`);

    // The rows' own ids, for the foreign keys' cascades (the primary key serves the triggers).
    await db.query(
      `CREATE INDEX reservation_claim_reservation_idx ON facilities.reservation_claim (reservation_id) WHERE reservation_id IS NOT NULL`,
    );
    await db.query(
      `CREATE INDEX reservation_claim_hold_idx ON facilities.reservation_claim (hold_id) WHERE hold_id IS NOT NULL`,
    );
    await db.query(claimReservationFunction('COALESCE(NEW.for_event_id, NEW.id)'));
    await db.query(`
      CREATE FUNCTION facilities.claim_hold_units() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        DELETE FROM facilities.reservation_claim WHERE claimant = NEW.id;
        INSERT INTO facilities.reservation_claim (hold_id, unit_id, during, holder)
          SELECT NEW.id, u.unit_id, NEW.during, NEW.event_id FROM facilities.space_unit u
           WHERE u.space_id = NEW.space_id ORDER BY u.unit_id;
        RETURN NULL;
      END $$`);
    await db.query(`
      CREATE TRIGGER hold_claims
        AFTER INSERT OR UPDATE OF starts_at, ends_at, space_id ON facilities.blocked_time
        FOR EACH ROW WHEN (NEW.source = 'EVENT') EXECUTE FUNCTION facilities.claim_hold_units()`);
    await db.query(`
      INSERT INTO facilities.reservation_claim (hold_id, unit_id, during, holder)
      SELECT b.id, u.unit_id, b.during, b.event_id
        FROM facilities.blocked_time b JOIN facilities.space_unit u ON u.space_id = b.space_id
       WHERE b.source = 'EVENT' ORDER BY u.unit_id
      ON CONFLICT DO NOTHING`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX facilities.reservation_claim_hold_idx`);
    await db.query(`DROP INDEX facilities.reservation_claim_reservation_idx`);
    await db.query(`DROP TRIGGER hold_claims ON facilities.blocked_time`);
    await db.query(`DROP FUNCTION facilities.claim_hold_units()`);
    await db.query(`DELETE FROM facilities.reservation_claim WHERE hold_id IS NOT NULL`);
    await db.query(claimReservationFunction(''));
    await db.query(`
      ALTER TABLE facilities.reservation_claim
        DROP CONSTRAINT hold_no_overlap,
        DROP CONSTRAINT reservation_no_overlap,
        DROP CONSTRAINT reservation_claim_pkey,
        DROP COLUMN claimant,
        DROP CONSTRAINT reservation_claim_one_owner,
        DROP COLUMN holder,
        DROP COLUMN hold_id,
        ALTER COLUMN reservation_id SET NOT NULL,
        ADD PRIMARY KEY (reservation_id, unit_id),
        ADD CONSTRAINT reservation_no_overlap EXCLUDE USING gist (unit_id WITH =, during WITH &&)`);
    await db.query(`ALTER TABLE facilities.reservation DROP COLUMN for_event_id`);
    await db.query(
      `DELETE FROM facilities.blocked_time WHERE source = 'EVENT' AND expires_at IS NOT NULL`,
    );
    await db.query(`DROP INDEX facilities.blocked_time_pending_idx`);
    await db.query(`DROP INDEX facilities.blocked_time_event_idx`);
    await db.query(
      `CREATE INDEX blocked_time_event_idx ON facilities.blocked_time (external_id) WHERE source = 'EVENT'`,
    );
    await db.query(`
      ALTER TABLE facilities.blocked_time
        DROP CONSTRAINT blocked_time_event_check,
        DROP COLUMN held_by,
        DROP COLUMN expires_at,
        DROP COLUMN event_id`);
  }
}

/**
 * The reservation claim trigger of 1765000000000, with or without a holder to write (with
 * one, the claims are found by `claimant`, the primary key's first column).
 */
function claimReservationFunction(holder: string): string {
  const columns = holder
    ? 'reservation_id, unit_id, during, holder'
    : 'reservation_id, unit_id, during';
  const values = holder
    ? `NEW.id, u.unit_id, NEW.during, ${holder}`
    : 'NEW.id, u.unit_id, NEW.during';
  return `
    CREATE OR REPLACE FUNCTION facilities.claim_reservation_units() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      DELETE FROM facilities.reservation_claim WHERE ${holder ? 'claimant' : 'reservation_id'} = NEW.id;
      IF NEW.status IN ('REQUESTED', 'CONFIRMED') THEN
        INSERT INTO facilities.reservation_claim (${columns})
          SELECT ${values} FROM facilities.space_unit u
           WHERE u.space_id = NEW.space_id ORDER BY u.unit_id;
      END IF;
      RETURN NULL;
    END $$`;
}
