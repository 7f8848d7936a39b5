import { expectedVersionOf } from '../../core/versioning';
import type { AssociationsData } from '../associations.repositories';
import { isCityStaff, representsAssociation } from '../../core/authorization';
import { NotFoundError } from '../../core/errors';
import type { Identity } from '../../core/identity';
import { requireUuid } from '../../core/ids';
import { givenOnly, Validator } from '../../core/validation';
import type { Association } from '../association/association.entity';
import type { AssociationService } from '../association/association.service';
import type { AssociationLoaders } from '../associations.loaders';
import type { ContactDetailReads } from '../privacy/privacy.service';
import type { ContactPerson } from './contact-person.entity';
import type {
  AddContactPersonInput,
  ContactPersonFields,
  UpdateContactPersonInput,
} from './contact-person.inputs';

type ContactValues = Partial<
  Pick<ContactPerson, 'name' | 'role' | 'title' | 'email' | 'phone' | 'isPublic'>
>;

/**
 * Contact persons are personal data. Names and roles are public, so residents know whom to
 * ask; email and phone only when the person agreed, or to staff and the association's own
 * representatives.
 */
export class ContactPersonService {
  constructor(
    private readonly data: AssociationsData,
    private readonly loaders: AssociationLoaders,
    private readonly identity: Identity,
    private readonly associations: AssociationService,
    private readonly reads: ContactDetailReads,
  ) {}

  ofAssociation(associationId: string): Promise<ContactPerson[]> {
    return this.loaders.contactsOfAssociation.load(associationId);
  }

  mayContact(person: ContactPerson): boolean {
    return (
      person.isPublic ||
      isCityStaff(this.identity) ||
      representsAssociation(this.identity, person.associationId)
    );
  }

  /**
   * The person's email or phone as the caller may see it. An unpublished one that is shown
   * is logged first (who, when, which field): if the log cannot be written, it is not shown.
   */
  async detail(person: ContactPerson, field: 'email' | 'phone'): Promise<string | null> {
    const value = person[field];
    if (!value || !this.mayContact(person)) return null;
    if (!person.isPublic) await this.reads.record(person, field);
    return value;
  }

  async add(input: AddContactPersonInput): Promise<ContactPerson> {
    const associationId = requireUuid('input.associationId', input.associationId);
    this.associations.requireProfileRights(
      associationId,
      `adding contact persons to ${associationId}`,
    );
    const v = new Validator();
    const name = v.text('input.name', input.name, { max: 200, required: true });
    const values = this.checkFields(v, input);
    v.throwIfInvalid();
    await this.associations.existing(associationId);
    const id = await this.associations.changeContacts(associationId, ({ contacts }) =>
      contacts.insert({
        associationId,
        name: name!,
        role: input.role,
        ...values,
      }),
    );
    return this.found(id);
  }

  async update(input: UpdateContactPersonInput): Promise<ContactPerson> {
    const person = await this.found(requireUuid('input.id', input.id));
    this.associations.requireProfileRights(
      person.associationId,
      `changing contact persons of ${person.associationId}`,
    );
    const v = new Validator();
    for (const field of ['name', 'role'] as const) {
      if (input[field] === null) v.problem(`input.${field}`, 'REQUIRED', 'cannot be cleared');
    }
    const values = this.checkFields(v, input);
    if (input.name) values.name = v.text('input.name', input.name, { max: 200, required: true })!;
    if (input.role) values.role = input.role;
    const expected = expectedVersionOf(v, input);
    v.throwIfInvalid();
    await this.associations.changeContacts(person.associationId, async ({ contacts }) => {
      await contacts.lockVersion(person.id, expected);
      await contacts.update(person.id, values);
    });
    return this.found(person.id);
  }

  async remove(idArg: string): Promise<Association> {
    const person = await this.found(requireUuid('id', idArg));
    this.associations.requireProfileRights(
      person.associationId,
      `removing contact persons of ${person.associationId}`,
    );
    await this.associations.changeContacts(person.associationId, ({ contacts }) =>
      contacts.delete(person.id),
    );
    return this.associations.fresh(person.associationId);
  }

  private async found(id: string): Promise<ContactPerson> {
    const person = await this.data.repositories.contacts.findById(id);
    if (!person) throw new NotFoundError('ContactPerson', id);
    return person;
  }

  private checkFields(v: Validator, input: ContactPersonFields): ContactValues {
    return givenOnly({
      title: v.text('input.title', input.title, { max: 100 }),
      email: v.email('input.email', input.email),
      phone: v.phone('input.phone', input.phone),
      isPublic: input.isPublic ?? undefined,
    });
  }
}
