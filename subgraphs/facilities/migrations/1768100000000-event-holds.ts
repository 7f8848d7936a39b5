import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An event at a city space holds it (issue 29, item 2): the hold is a busy time of the
 * space whose source is the event (external_id = the event's id), kept by the facilities
 * subgraph from the events subgraph's domain events. As a busy time it already counts
 * wherever reservations and free time are judged. Found by event when the event changes.
 */
export class EventHolds1768100000000 implements MigrationInterface {
  name = 'EventHolds1768100000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE facilities.blocked_time DROP CONSTRAINT blocked_time_source_check`);
    await db.query(
      `ALTER TABLE facilities.blocked_time ADD CONSTRAINT blocked_time_source_check
         CHECK (source IN ('TIMMI','RESPA','ICS','STAFF','EVENT'))`,
    );
    await db.query(
      `CREATE INDEX blocked_time_event_idx ON facilities.blocked_time (external_id) WHERE source = 'EVENT'`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX facilities.blocked_time_event_idx`);
    await db.query(`DELETE FROM facilities.blocked_time WHERE source = 'EVENT'`);
    await db.query(`ALTER TABLE facilities.blocked_time DROP CONSTRAINT blocked_time_source_check`);
    await db.query(
      `ALTER TABLE facilities.blocked_time ADD CONSTRAINT blocked_time_source_check
         CHECK (source IN ('TIMMI','RESPA','ICS','STAFF'))`,
    );
  }
}
