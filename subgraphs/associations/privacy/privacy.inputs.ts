import { Field, ID, InputType } from 'type-graphql';

@InputType({ description: 'Which reads of contact details to list; all when empty.' })
export class ContactDetailReadFilterInput {
  @Field(() => ID, { nullable: true, description: 'Reads of this contact person.' })
  contactPersonId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Reads of this association’s contacts.' })
  associationId?: string | null;

  @Field(() => String, { nullable: true, description: 'Reads by this token subject.' })
  readerSubject?: string | null;

  @Field(() => Date, { nullable: true, description: 'Reads at or after this instant.' })
  since?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Reads before this instant.' })
  until?: Date | null;
}
