import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Decisions reach people (issue 29): a delivery may carry a decision another subgraph made
 * (a reservation decided or cancelled, a grant application decided, a waiting-list place
 * given), sent to the subscriptions an association's representatives made for it. The
 * lookup of those subscriptions by association gets its index.
 */
export class DecisionDeliveries1768100000000 implements MigrationInterface {
  name = 'DecisionDeliveries1768100000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE communications.delivery DROP CONSTRAINT delivery_kind_check`);
    await db.query(
      `ALTER TABLE communications.delivery ADD CONSTRAINT delivery_kind_check
         CHECK (kind IN ('CONFIRMATION','ANNOUNCEMENT','REMINDER','DECISION'))`,
    );
    await db.query(
      `CREATE INDEX subscription_association_idx ON communications.subscription (association_id)
         WHERE association_id IS NOT NULL AND confirmed_at IS NOT NULL AND ended_at IS NULL`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX communications.subscription_association_idx`);
    await db.query(`DELETE FROM communications.delivery WHERE kind = 'DECISION'`);
    await db.query(`ALTER TABLE communications.delivery DROP CONSTRAINT delivery_kind_check`);
    await db.query(
      `ALTER TABLE communications.delivery ADD CONSTRAINT delivery_kind_check
         CHECK (kind IN ('CONFIRMATION','ANNOUNCEMENT','REMINDER'))`,
    );
  }
}
