import type { Data } from '../../core/data';
import type {
  DataSubject,
  PersonalDataItem,
  PersonalDataSource,
} from '../../core/personal-data/personal-data.service';
import { PersonalDataDisposition } from '../../core/personal-data/personal-data.types';
import type { AssociationService } from '../association/association.service';
import type { AssociationsRepositories } from '../associations.repositories';

const READ_LOG_KEPT =
  'The log of who read unpublished contact details is the city’s record of its own processing (GDPR articles 5(2) and 30); it names the record, not the person.';

/**
 * A person in the directory is a contact person of an association, found by address. Erased
 * through the association's contact register, as a representative's removal is: the
 * communications subgraph's copy (decision mails to contacts) follows by the same event.
 */
export class AssociationsPersonalData implements PersonalDataSource {
  constructor(
    private readonly data: Data<AssociationsRepositories>,
    private readonly associations: AssociationService,
  ) {}

  async find(person: DataSubject): Promise<PersonalDataItem[]> {
    const { privacy } = this.data.repositories;
    const contacts = await privacy.contactsByEmail(person.emails);
    const reads = await privacy.readsOf(contacts.map((c) => c.id));
    return [
      ...contacts.map((c): PersonalDataItem => ({
        kind: 'CONTACT_PERSON',
        id: c.id,
        fields: [
          ['ASSOCIATION_ID', c.association_id],
          ['ASSOCIATION_NAME', c.association_name],
          ['NAME', c.name],
          ['ROLE', c.role],
          ['TITLE', c.title],
          ['EMAIL', c.email],
          ['PHONE', c.phone],
          ['IS_PUBLIC', c.is_public],
          ['CREATED_AT', c.created_at],
          ['UPDATED_AT', c.updated_at],
        ],
        disposition: PersonalDataDisposition.ERASE,
      })),
      ...reads.map((r): PersonalDataItem => ({
        kind: 'CONTACT_DETAILS_READ',
        id: r.id,
        fields: [
          ['CONTACT_PERSON_ID', r.contactPersonId],
          ['READ_AT', r.at],
          ['READER_ROLE', r.readerRole],
          ['FIELDS', r.fields.join(',')],
        ],
        disposition: PersonalDataDisposition.KEEP,
        keptBecause: READ_LOG_KEPT,
      })),
    ];
  }

  async erase(_person: DataSubject, items: PersonalDataItem[]): Promise<void> {
    const byAssociation = new Map<string, string[]>();
    for (const item of items.filter((i) => i.kind === 'CONTACT_PERSON')) {
      const associationId = String(item.fields.find(([key]) => key === 'ASSOCIATION_ID')![1]);
      byAssociation.set(associationId, [...(byAssociation.get(associationId) ?? []), item.id]);
    }
    for (const [associationId, ids] of byAssociation) {
      await this.associations.changeContacts(associationId, async ({ contacts }) => {
        for (const id of ids) await contacts.delete(id);
      });
    }
  }
}
