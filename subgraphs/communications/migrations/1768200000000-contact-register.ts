import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Decisions reach an association's contact persons (issue 29, item 4). The associations
 * subgraph owns the contact register and tells it, whole, at every change
 * (`association.contacts-changed`); this subgraph keeps what it needs to write to them: one
 * subscription per contact person with an address, made by the register (`contact_id`), which
 * takes decisions about that association and nothing else (no topics), and which the person
 * can end with the mail's unsubscribe link like any other. The newest register told per
 * association is remembered, so an overtaken message cannot bring back an old list.
 */
export class ContactRegister1768200000000 implements MigrationInterface {
  name = 'ContactRegister1768200000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE communications.subscription ADD COLUMN contact_id uuid`);
    await db.query(
      `CREATE INDEX subscription_contact_idx ON communications.subscription (contact_id) WHERE contact_id IS NOT NULL`,
    );
    await db.query(`
      CREATE TABLE communications.contact_register (
        association_id uuid PRIMARY KEY,
        sequence bigint NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE communications.contact_register`);
    await db.query(`DELETE FROM communications.subscription WHERE contact_id IS NOT NULL`);
    await db.query(`ALTER TABLE communications.subscription DROP COLUMN contact_id`);
  }
}
