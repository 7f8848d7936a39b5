import { registerEnumType } from 'type-graphql';

/**
 * What kind of body an association is. The associations subgraph owns associations; the
 * grants subgraph groups and filters its statistics by the same values, so both register the
 * one enum (identical in every subgraph, as federation requires of an enum used as input).
 */
export enum OrganizationKind {
  REGISTERED_ASSOCIATION = 'REGISTERED_ASSOCIATION',
  INFORMAL_GROUP = 'INFORMAL_GROUP',
  FOUNDATION = 'FOUNDATION',
  STATUTORY_COUNCIL = 'STATUTORY_COUNCIL',
  OTHER = 'OTHER',
}

registerEnumType(OrganizationKind, {
  name: 'OrganizationKind',
  description: 'What kind of body an association is.',
  valuesConfig: {
    REGISTERED_ASSOCIATION: {
      description: 'Registered in the national Register of Associations (ry).',
    },
    INFORMAL_GROUP: { description: 'An unregistered group of people.' },
    FOUNDATION: { description: 'A foundation (säätiö).' },
    STATUTORY_COUNCIL: {
      description:
        'A council the city must consult: elderly council, disability council, youth council.',
    },
    OTHER: { description: 'Any other kind of organisation.' },
  },
});
