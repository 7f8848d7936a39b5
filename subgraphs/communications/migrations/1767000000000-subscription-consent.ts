import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A confirmed subscription's change waits for the subscriber's own confirmation: the topics
 * and language asked for are kept beside the subscription until its confirmation link is
 * opened (a re-subscription by anyone had changed them at once). Confirmation mails are
 * counted per address, so an index finds an address's recent ones.
 */
export class SubscriptionConsent1767000000000 implements MigrationInterface {
  name = 'SubscriptionConsent1767000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE communications.subscription
        ADD COLUMN pending_topics text[],
        ADD COLUMN pending_language text CHECK (pending_language IN ('fi','sv','en'))`);
    await db.query(
      `CREATE INDEX subscription_address_idx ON communications.subscription (lower(address)) WHERE address IS NOT NULL`,
    );
    await db.query(
      `CREATE INDEX delivery_confirmation_idx ON communications.delivery (subscription_id, created_at DESC) WHERE kind = 'CONFIRMATION'`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX communications.delivery_confirmation_idx`);
    await db.query(`DROP INDEX communications.subscription_address_idx`);
    await db.query(`
      ALTER TABLE communications.subscription
        DROP COLUMN pending_topics, DROP COLUMN pending_language`);
  }
}
