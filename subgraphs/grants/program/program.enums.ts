import { registerEnumType } from 'type-graphql';

export enum GrantKind {
  OPERATING = 'OPERATING',
  PROJECT = 'PROJECT',
  RECURRING = 'RECURRING',
  EVENT = 'EVENT',
  SMALL = 'SMALL',
}

registerEnumType(GrantKind, {
  name: 'GrantKind',
  description: 'The kinds of grant a city gives associations.',
  valuesConfig: {
    OPERATING: { description: 'Annual operating grant (toiminta-avustus).' },
    PROJECT: { description: 'Grant for a defined project (projektiavustus).' },
    RECURRING: { description: 'Recurring grant paid year after year (toistuvaisavustus).' },
    EVENT: { description: 'Grant for one event (tapahtuma-avustus).' },
    SMALL: { description: 'Small grant with a short, often continuous, cycle.' },
  },
});
