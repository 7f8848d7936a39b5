import DataLoader from 'dataloader';
import type { Data } from '../../core/data';
import type { ConnectionResult, PageArgs } from '../../core/connection';
import { requireThat } from '../../core/authorization';
import type { Identity } from '../../core/identity';
import { requireUuid } from '../../core/ids';
import { actsForDataProtection } from '../../core/personal-data/personal-data.service';
import type { AssociationsRepositories } from '../associations.repositories';
import type { ContactDetailRead } from './contact-detail-read.entity';
import type { ContactDetailReadFilterInput } from './privacy.inputs';

/**
 * The log of who read contact persons' unpublished email and phone (issue 33, part 3).
 * A read is written before the value is returned: a field whose read cannot be logged is
 * not shown. The reads of one request are gathered (DataLoader) into one statement, on the
 * primary even when the request reads from a replica.
 */
export class ContactDetailReads {
  private readonly loader: DataLoader<string, true>;

  constructor(data: Data<AssociationsRepositories>, identity: Identity, now: () => Date) {
    this.loader = new DataLoader<string, true>(async (keys) => {
      const byPerson = new Map<
        string,
        { contactPersonId: string; associationId: string; fields: string[] }
      >();
      for (const key of keys) {
        const [contactPersonId, associationId, field] = key.split(' ');
        const read = byPerson.get(contactPersonId) ?? {
          contactPersonId,
          associationId,
          fields: [],
        };
        read.fields.push(field);
        byPerson.set(contactPersonId, read);
      }
      await data.transaction(({ privacy }) =>
        privacy.recordReads(now(), identity, [...byPerson.values()]),
      );
      return keys.map(() => true as const);
    });
  }

  /** Resolves once the read of `field` of the person is on record (once per request). */
  async record(person: { id: string; associationId: string }, field: 'email' | 'phone') {
    await this.loader.load(`${person.id} ${person.associationId} ${field}`);
  }
}

/** What the data-protection role reads of the contact-detail log. */
export class PrivacyService {
  constructor(
    private readonly data: Data<AssociationsRepositories>,
    private readonly identity: Identity,
  ) {}

  contactDetailReads(
    filter: ContactDetailReadFilterInput | null | undefined,
    args: PageArgs,
  ): Promise<ConnectionResult<ContactDetailRead>> {
    requireThat(
      this.identity,
      actsForDataProtection(this.identity),
      'reading who read contact details (the data-protection role only: a staff token with the dataprotection scope)',
    );
    return this.data.repositories.privacy.readsPage(
      {
        contactPersonId: filter?.contactPersonId
          ? requireUuid('filter.contactPersonId', filter.contactPersonId)
          : undefined,
        associationId: filter?.associationId
          ? requireUuid('filter.associationId', filter.associationId)
          : undefined,
        readerSubject: filter?.readerSubject ?? undefined,
        since: filter?.since ?? undefined,
        until: filter?.until ?? undefined,
      },
      args,
    );
  }
}
