import { Directive, Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';

/**
 * The personal data one subgraph holds of a person, in the same types in all six (so
 * composition has one definition): the gateway's GDPR endpoint (gateway/gdpr) asks each
 * subgraph with these and turns the answers into one document in the City of Helsinki's
 * profile GDPR API shape.
 */

export enum PersonalDataAction {
  EXPORT = 'EXPORT',
  ERASE_DRY_RUN = 'ERASE_DRY_RUN',
  ERASE = 'ERASE',
}
registerEnumType(PersonalDataAction, {
  name: 'PersonalDataAction',
  description: 'What is asked of a person’s data (GDPR articles 15 and 17).',
  valuesConfig: {
    EXPORT: { description: 'Everything held of the person, to be shown to them (article 15).' },
    ERASE_DRY_RUN: {
      description: 'What erasure would erase, anonymise and keep; nothing is changed.',
    },
    ERASE: {
      description:
        'Erase or anonymise what may be; what the law requires the city to keep is kept and said so (article 17(3)).',
    },
  },
});

export enum PersonalDataDisposition {
  ERASE = 'ERASE',
  ANONYMISE = 'ANONYMISE',
  KEEP = 'KEEP',
}
registerEnumType(PersonalDataDisposition, {
  name: 'PersonalDataDisposition',
  description: 'What erasure does to one record.',
  valuesConfig: {
    ERASE: { description: 'The record is deleted.' },
    ANONYMISE: {
      description:
        'What names the person is removed; the rest stays so that counts and statistics stay right.',
    },
    KEEP: { description: 'Kept as it is because the law requires it (see `keptBecause`).' },
  },
});

@Directive('@shareable')
@ObjectType({ description: 'One value of a personal-data record.' })
export class PersonalDataField {
  @Field(() => String, { description: 'Technical name, e.g. `EMAIL` (upper case, as a column).' })
  key!: string;

  @Field(() => String, { nullable: true, description: 'The value as text; null when empty.' })
  value!: string | null;
}

@Directive('@shareable')
@ObjectType({ description: 'One record of a person’s data, with what erasure does to it.' })
export class PersonalDataRecord {
  @Field(() => String, { description: 'What it is, e.g. `CONTACT_PERSON` or `ENROLMENT`.' })
  kind!: string;

  @Field(() => ID, { description: 'The record’s id in its subgraph.' })
  id!: string;

  @Field(() => [PersonalDataField], { description: 'Its values.' })
  fields!: PersonalDataField[];

  @Field(() => PersonalDataDisposition, { description: 'What erasure does (or did) to it.' })
  disposition!: PersonalDataDisposition;

  @Field(() => String, {
    nullable: true,
    description: 'Why it is kept, naming the law; null unless `disposition` is KEEP.',
  })
  keptBecause!: string | null;
}

@Directive('@shareable')
@ObjectType({ description: 'What one subgraph holds of a person and did with it.' })
export class PersonalDataAnswer {
  @Field(() => String, { description: 'The subgraph that answered, e.g. `events`.' })
  service!: string;

  @Field(() => PersonalDataAction, { description: 'What was asked.' })
  action!: PersonalDataAction;

  @Field(() => ID, { description: 'The row of this request in the subgraph’s request log.' })
  requestId!: string;

  @Field(() => [PersonalDataRecord], {
    description: 'Every record of the person, in the order of their kind, then oldest first.',
  })
  records!: PersonalDataRecord[];
}

@InputType({ description: 'Whose data, found how, and what to do with it.' })
export class PersonalDataRequestInput {
  @Field(() => String, {
    description: 'The person: their token’s `sub` (the Helsinki profile id where that is used).',
  })
  subject!: string;

  @Field(() => [String], {
    nullable: true,
    description:
      'Email addresses the person has shown to be theirs: records kept by address (contact persons, working-group members, subscriptions) are found by them. The data-protection role names them; a person asking for themself may name only their token’s verified `email`.',
  })
  emails?: string[] | null;

  @Field(() => PersonalDataAction, { description: 'What to do.' })
  action!: PersonalDataAction;
}
