import { personalDataMigration } from '../../core/personal-data/personal-data.migration';

/**
 * Personal data across the federation (issue 33, part 3): the log of GDPR requests, contact
 * persons found by address, and the log of who read a contact person's unpublished email or
 * phone.
 */
export const PersonalData1769100000000 = personalDataMigration(
  'associations',
  { contact_person_email_idx: 'contact_person (lower(email)) WHERE email IS NOT NULL' },
  {
    async up(db) {
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
      for (const [name, columns] of [
        ['at', 'at DESC, id DESC'],
        ['person', 'contact_person_id, at DESC, id DESC'],
        ['association', 'association_id, at DESC, id DESC'],
        ['reader', 'reader_subject, at DESC, id DESC'],
      ]) {
        await db.query(
          `CREATE INDEX contact_detail_read_${name}_idx ON associations.contact_detail_read (${columns})`,
        );
      }
    },
    async down(db) {
      await db.query(`DROP TABLE associations.contact_detail_read`);
    },
  },
);
