import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { Association } from '../association/association.entity';
import type { AssociationsContext } from '../associations.context';
import { ContactPerson } from './contact-person.entity';
import { AddContactPersonInput, UpdateContactPersonInput } from './contact-person.inputs';

@Resolver(() => ContactPerson)
export class ContactPersonResolver {
  @FieldResolver(() => String, {
    nullable: true,
    description:
      "Email; null unless the person agreed to publish it or you are city staff or one of the association's representatives. Reading an unpublished one is logged (who, when, which field) for the data-protection role.",
  })
  email(@Root() person: ContactPerson, @Ctx() ctx: AssociationsContext) {
    return ctx.contacts.detail(person, 'email');
  }

  @FieldResolver(() => String, {
    nullable: true,
    description:
      "Phone; null unless the person agreed to publish it or you are city staff or one of the association's representatives. Reading an unpublished one is logged (who, when, which field) for the data-protection role.",
  })
  phone(@Root() person: ContactPerson, @Ctx() ctx: AssociationsContext) {
    return ctx.contacts.detail(person, 'phone');
  }

  @Mutation(() => ContactPerson, {
    description: 'Adds a contact person to an association (its representatives or city staff).',
  })
  addContactPerson(
    @Arg('input', () => AddContactPersonInput, { description: 'The new contact person.' })
    input: AddContactPersonInput,
    @Ctx() ctx: AssociationsContext,
  ) {
    return ctx.contacts.add(input);
  }

  @Mutation(() => ContactPerson, { description: 'Changes a contact person.' })
  updateContactPerson(
    @Arg('input', () => UpdateContactPersonInput, { description: 'What to change.' })
    input: UpdateContactPersonInput,
    @Ctx() ctx: AssociationsContext,
  ) {
    return ctx.contacts.update(input);
  }

  @Mutation(() => Association, {
    description:
      'Removes a contact person for good (their data is deleted); returns the association.',
  })
  removeContactPerson(
    @Arg('id', () => ID, { description: 'The contact person to remove.' }) id: string,
    @Ctx() ctx: AssociationsContext,
  ) {
    return ctx.contacts.remove(id);
  }
}
