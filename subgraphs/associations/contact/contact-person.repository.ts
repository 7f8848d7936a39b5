import { lockVersion } from '../../core/versioning';
import type { DataSource, EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { ContactPerson } from './contact-person.entity';
import { ContactRole } from './contact-person.enums';

/** All SQL about associations' contact persons. */
export class ContactPersonRepository {
  constructor(private readonly db: DataSource | EntityManager) {}

  /** Contact persons of a batch of associations: chair first, down the roles, then by name. */
  ofAssociations(associationIds: readonly string[]): Promise<ContactPerson[]> {
    return this.db
      .getRepository(ContactPerson)
      .createQueryBuilder('p')
      .where('p.association_id = ANY(:ids)', { ids: associationIds })
      .orderBy('array_position(:roles::text[], p.role)')
      .addOrderBy(`p.name COLLATE "fi-FI-x-icu"`)
      .addOrderBy('p.id')
      .setParameter('roles', Object.values(ContactRole))
      .getMany();
  }

  findById(id: string): Promise<ContactPerson | null> {
    return this.db.getRepository(ContactPerson).findOne({ where: { id } });
  }

  async insert(values: QueryDeepPartialEntity<ContactPerson>): Promise<string> {
    const result = await this.db.getRepository(ContactPerson).insert(values);
    return (result.identifiers[0] as { id: string }).id;
  }

  /** Locks the person's row at the version its editor read (core/versioning.ts). */
  lockVersion(id: string, expected: number | null): Promise<void> {
    return lockVersion(this.db, 'associations.contact_person', 'ContactPerson', id, expected);
  }

  async update(id: string, values: QueryDeepPartialEntity<ContactPerson>): Promise<void> {
    if (Object.keys(values).length > 0) {
      await this.db.getRepository(ContactPerson).update(id, values);
    }
  }

  /** Deleted, not hidden: a removed person's data must really go (GDPR erasure). */
  async delete(id: string): Promise<void> {
    await this.db.getRepository(ContactPerson).delete(id);
  }
}
