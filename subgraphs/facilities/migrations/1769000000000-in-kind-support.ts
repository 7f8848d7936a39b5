import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the city gives associations in kind (issue 33): the space subsidy and equipment lent
 * at its value, priced when a reservation or loan is confirmed.
 *
 * - `space.list_hourly_rate`: what an hour of the space costs at its list price (what others
 *   pay); `hourly_rate` stays what associations pay, `is_free` that they pay nothing.
 * - `reservation.list_price` and `reservation.charged`: a confirmed reservation's price at
 *   the list rate and what the association was charged, both per started hour, frozen when
 *   it is confirmed, so a later price change does not rewrite a year already reported. The
 *   subsidy is the difference (never below zero: a space without a list price gives none).
 * - `equipment_item.daily_value` and `equipment_reservation.lent_value`: what lending one
 *   for a day is worth, and a confirmed loan's worth (quantity × started days × value).
 *
 * Triggers price every way a reservation becomes confirmed (a staff decision, a season's
 * weekly slots, a booking system's sync, an event's support request), so none can miss it.
 * Confirmed rows from before are priced at today's rates.
 */
export class InKindSupport1769000000000 implements MigrationInterface {
  name = 'InKindSupport1769000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE facilities.space
        ADD COLUMN list_hourly_rate numeric CHECK (list_hourly_rate >= 0)`);
    await db.query(`
      ALTER TABLE facilities.reservation
        ADD COLUMN list_price numeric,
        ADD COLUMN charged numeric`);
    await db.query(`
      ALTER TABLE facilities.equipment_item
        ADD COLUMN daily_value numeric CHECK (daily_value >= 0)`);
    await db.query(`ALTER TABLE facilities.equipment_reservation ADD COLUMN lent_value numeric`);

    // Priced when it becomes confirmed, or moves while confirmed; a cleared price is priced
    // again (that is how the rows from before are priced below).
    await db.query(`
      CREATE FUNCTION facilities.price_reservation() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        hours numeric := ceil(extract(epoch FROM NEW.ends_at - NEW.starts_at) / 3600);
        s record;
      BEGIN
        IF NEW.status = 'CONFIRMED' AND (TG_OP = 'INSERT' OR NEW.list_price IS NULL
            OR OLD.status <> 'CONFIRMED' OR OLD.space_id <> NEW.space_id
            OR OLD.starts_at <> NEW.starts_at OR OLD.ends_at <> NEW.ends_at) THEN
          SELECT is_free, hourly_rate, list_hourly_rate INTO s
            FROM facilities.space WHERE id = NEW.space_id;
          NEW.charged := CASE WHEN s.is_free THEN 0 ELSE hours * coalesce(s.hourly_rate, 0) END;
          NEW.list_price := greatest(hours * coalesce(s.list_hourly_rate, 0), NEW.charged);
        END IF;
        RETURN NEW;
      END $$`);
    await db.query(`
      CREATE TRIGGER reservation_priced BEFORE INSERT OR UPDATE ON facilities.reservation
        FOR EACH ROW EXECUTE FUNCTION facilities.price_reservation()`);
    await db.query(`
      CREATE FUNCTION facilities.value_equipment_loan() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        days numeric := greatest(1, ceil(extract(epoch FROM NEW.ends_at - NEW.starts_at) / 86400));
      BEGIN
        IF NEW.status = 'CONFIRMED' AND (TG_OP = 'INSERT' OR NEW.lent_value IS NULL
            OR OLD.status <> 'CONFIRMED' OR OLD.item_id <> NEW.item_id OR OLD.quantity <> NEW.quantity
            OR OLD.starts_at <> NEW.starts_at OR OLD.ends_at <> NEW.ends_at) THEN
          NEW.lent_value := NEW.quantity * days * coalesce(
            (SELECT daily_value FROM facilities.equipment_item WHERE id = NEW.item_id), 0);
        END IF;
        RETURN NEW;
      END $$`);
    await db.query(`
      CREATE TRIGGER equipment_loan_valued BEFORE INSERT OR UPDATE ON facilities.equipment_reservation
        FOR EACH ROW EXECUTE FUNCTION facilities.value_equipment_loan()`);
    await db.query(
      `UPDATE facilities.reservation SET list_price = NULL WHERE status = 'CONFIRMED'`,
    );
    await db.query(
      `UPDATE facilities.equipment_reservation SET lent_value = NULL WHERE status = 'CONFIRMED'`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TRIGGER equipment_loan_valued ON facilities.equipment_reservation`);
    await db.query(`DROP FUNCTION facilities.value_equipment_loan()`);
    await db.query(`DROP TRIGGER reservation_priced ON facilities.reservation`);
    await db.query(`DROP FUNCTION facilities.price_reservation()`);
    await db.query(`ALTER TABLE facilities.equipment_reservation DROP COLUMN lent_value`);
    await db.query(`ALTER TABLE facilities.equipment_item DROP COLUMN daily_value`);
    await db.query(
      `ALTER TABLE facilities.reservation DROP COLUMN charged, DROP COLUMN list_price`,
    );
    await db.query(`ALTER TABLE facilities.space DROP COLUMN list_hourly_rate`);
  }
}
