import { EXPECTED_VERSION_DESCRIPTION, OVERWRITE_DESCRIPTION } from '../../core/versioning';
import { Field, ID, InputType, Int } from 'type-graphql';
import { ContactRole } from './contact-person.enums';

@InputType({ description: 'Contact person fields; on an update, omitted fields stay.' })
export class ContactPersonFields {
  @Field(() => String, { nullable: true, description: 'Role in their own words.' })
  title?: string | null;

  @Field(() => String, { nullable: true, description: 'Email address.' })
  email?: string | null;

  @Field(() => String, { nullable: true, description: 'Phone number.' })
  phone?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'True only when the person agreed to publish their email and phone. False when not given.',
  })
  isPublic?: boolean | null;
}

@InputType({
  description: 'A new contact person of an association (its representatives or city staff).',
})
export class AddContactPersonInput extends ContactPersonFields {
  @Field(() => ID, { description: 'The association the person acts for.' })
  associationId!: string;

  @Field(() => String, { description: 'Full name.' })
  name!: string;

  @Field(() => ContactRole, { description: 'Role in the association.' })
  role!: ContactRole;
}

@InputType({ description: 'Changes to a contact person. Omitted fields stay; null clears.' })
export class UpdateContactPersonInput extends ContactPersonFields {
  @Field(() => ID, { description: 'The contact person to change.' })
  id!: string;

  @Field(() => String, { nullable: true, description: 'Full name.' })
  name?: string | null;

  @Field(() => ContactRole, { nullable: true, description: 'Role in the association.' })
  role?: ContactRole | null;

  @Field(() => Int, { nullable: true, description: EXPECTED_VERSION_DESCRIPTION })
  expectedVersion?: number | null;

  @Field(() => Boolean, { nullable: true, description: OVERWRITE_DESCRIPTION })
  overwrite?: boolean | null;
}
