import type { MigrationInterface, QueryRunner } from 'typeorm';
import {
  createPersonalDataLog,
  dropPersonalDataLog,
} from '../../core/personal-data/personal-data.migration';

/**
 * Personal data across the federation (issue 33, part 3): the log of GDPR requests, the log
 * of who read a contact person's unpublished email or phone, and contact persons found by
 * address (the GDPR endpoint finds them so).
 */
export class PersonalData1769100000000 implements MigrationInterface {
  name = 'PersonalData1769100000000';

  async up(db: QueryRunner): Promise<void> {
    await createPersonalDataLog(db, 'associations');
    await db.query(`
      CREATE TABLE associations.contact_detail_read (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        at timestamptz NOT NULL,
        reader_subject text,
        reader_role text NOT NULL,
        -- No key to contact_person: the record of a read outlives an erased person.
        contact_person_id uuid NOT NULL,
        association_id uuid NOT NULL,
        fields text[] NOT NULL
      )`);
    await db.query(
      `CREATE INDEX contact_detail_read_at_idx ON associations.contact_detail_read (at DESC, id DESC)`,
    );
    await db.query(
      `CREATE INDEX contact_detail_read_person_idx ON associations.contact_detail_read (contact_person_id, at DESC, id DESC)`,
    );
    await db.query(
      `CREATE INDEX contact_detail_read_association_idx ON associations.contact_detail_read (association_id, at DESC, id DESC)`,
    );
    await db.query(
      `CREATE INDEX contact_detail_read_reader_idx ON associations.contact_detail_read (reader_subject, at DESC, id DESC)`,
    );
    await db.query(
      `CREATE INDEX contact_person_email_idx ON associations.contact_person (lower(email)) WHERE email IS NOT NULL`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX associations.contact_person_email_idx`);
    await db.query(`DROP TABLE associations.contact_detail_read`);
    await dropPersonalDataLog(db, 'associations');
  }
}
