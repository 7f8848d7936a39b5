import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A reservation claims its leaf units in unit-id order. Two requests for overlapping
 * multi-unit spaces (a whole hall and another whole hall, or a whole hall against its
 * halves) used to claim the units in whatever order the scan gave, so each could hold one
 * unit and wait for the other: a deadlock, and an internal error for the loser. Taking the
 * locks in one order makes the second request wait, then lose with a plain exclusion
 * violation (CONFLICT). Replaces the function only; no table or row changes.
 */
export class ClaimsInOrder1765000000000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(claimFunction('ORDER BY u.unit_id'));
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(claimFunction(''));
  }
}

function claimFunction(order: string): string {
  return `
    CREATE OR REPLACE FUNCTION facilities.claim_reservation_units() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      DELETE FROM facilities.reservation_claim WHERE reservation_id = NEW.id;
      IF NEW.status IN ('REQUESTED', 'CONFIRMED') THEN
        INSERT INTO facilities.reservation_claim (reservation_id, unit_id, during)
          SELECT NEW.id, u.unit_id, NEW.during FROM facilities.space_unit u
           WHERE u.space_id = NEW.space_id ${order};
      END IF;
      RETURN NULL;
    END $$`;
}
