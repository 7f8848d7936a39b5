import type { Connection } from '../../core/data';
import {
  type ConnectionResult,
  type KeysetOrder,
  type PageArgs,
  paginate,
} from '../../core/connection';
import { ContactDetailRead } from './contact-detail-read.entity';

export const READS_NEWEST_FIRST: KeysetOrder<ContactDetailRead> = {
  name: 'NEWEST',
  direction: 'DESC',
  keys: [
    { sql: 'r.at', type: 'timestamp', value: (r) => r.at },
    { sql: 'r.id', type: 'uuid', value: (r) => r.id },
  ],
};

export interface ContactRow {
  id: string;
  association_id: string;
  association_name: string | null;
  name: string;
  role: string;
  title: string | null;
  email: string | null;
  phone: string | null;
  is_public: boolean;
  created_at: Date;
  updated_at: Date;
}

export interface ContactDetailReadFilter {
  contactPersonId?: string;
  associationId?: string;
  readerSubject?: string;
  since?: Date;
  until?: Date;
}

/** All SQL of the associations subgraph's personal-data records and logs. */
export class PrivacyRepository {
  constructor(private readonly db: Connection) {}

  /** Contact persons with one of these (canonical) addresses, oldest first. */
  contactsByEmail(emails: readonly string[]): Promise<ContactRow[]> {
    if (emails.length === 0) return Promise.resolve([]);
    return this.db.query(
      `SELECT p.id, p.association_id, a.name->>'fi' AS association_name, p.name, p.role, p.title,
              p.email, p.phone, p.is_public, p.created_at, p.updated_at
         FROM associations.contact_person p
         JOIN associations.association a ON a.id = p.association_id
        WHERE lower(p.email) = ANY($1)
        ORDER BY p.created_at, p.id`,
      [emails],
    ) as Promise<ContactRow[]>;
  }

  /** Who read these persons' unpublished details, oldest first. */
  readsOf(contactPersonIds: readonly string[]): Promise<ContactDetailRead[]> {
    if (contactPersonIds.length === 0) return Promise.resolve([]);
    return this.db
      .getRepository(ContactDetailRead)
      .createQueryBuilder('r')
      .where('r.contact_person_id = ANY(:ids)', { ids: contactPersonIds })
      .orderBy('r.at')
      .addOrderBy('r.id')
      .getMany();
  }

  /** One row per person read in a request, with the fields shown. */
  async recordReads(
    at: Date,
    reader: { subject: string | null; role: string },
    reads: ReadonlyArray<{ contactPersonId: string; associationId: string; fields: string[] }>,
  ): Promise<void> {
    await this.db.query(
      `INSERT INTO associations.contact_detail_read
         (at, reader_subject, reader_role, contact_person_id, association_id, fields)
       SELECT $1, $2, $3, r.person, r.association, string_to_array(r.fields, ',')
         FROM unnest($4::uuid[], $5::uuid[], $6::text[]) AS r (person, association, fields)`,
      [
        at,
        reader.subject,
        reader.role,
        reads.map((r) => r.contactPersonId),
        reads.map((r) => r.associationId),
        reads.map((r) => r.fields.join(',')),
      ],
    );
  }

  readsPage(
    filter: ContactDetailReadFilter,
    args: PageArgs,
  ): Promise<ConnectionResult<ContactDetailRead>> {
    const q = this.db.getRepository(ContactDetailRead).createQueryBuilder('r').where('TRUE');
    if (filter.contactPersonId) {
      q.andWhere('r.contact_person_id = :person', { person: filter.contactPersonId });
    }
    if (filter.associationId) {
      q.andWhere('r.association_id = :association', { association: filter.associationId });
    }
    if (filter.readerSubject) {
      q.andWhere('r.reader_subject = :reader', { reader: filter.readerSubject });
    }
    if (filter.since) q.andWhere('r.at >= :since', { since: filter.since });
    if (filter.until) q.andWhere('r.at < :until', { until: filter.until });
    return paginate(q, READS_NEWEST_FIRST, args);
  }
}
