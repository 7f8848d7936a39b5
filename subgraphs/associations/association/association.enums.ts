import { registerEnumType } from 'type-graphql';

export enum OrganizationKind {
  REGISTERED_ASSOCIATION = 'REGISTERED_ASSOCIATION',
  INFORMAL_GROUP = 'INFORMAL_GROUP',
  FOUNDATION = 'FOUNDATION',
  STATUTORY_COUNCIL = 'STATUTORY_COUNCIL',
  OTHER = 'OTHER',
}

export enum AssociationStatus {
  ACTIVE = 'ACTIVE',
  DORMANT = 'DORMANT',
  DISSOLVED = 'DISSOLVED',
}

export enum AssociationOrder {
  NAME = 'NAME',
  UPDATED_AT = 'UPDATED_AT',
  RELEVANCE = 'RELEVANCE',
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

registerEnumType(AssociationStatus, {
  name: 'AssociationStatus',
  description: 'Whether an association is active.',
  valuesConfig: {
    ACTIVE: { description: 'Operating.' },
    DORMANT: { description: 'Exists but has no current activity.' },
    DISSOLVED: { description: 'Dissolved or archived; kept for history.' },
  },
});

registerEnumType(AssociationOrder, {
  name: 'AssociationOrder',
  description: 'How to order a list of associations.',
  valuesConfig: {
    NAME: { description: 'By Finnish name in Finnish alphabetical order (å, ä, ö after z).' },
    UPDATED_AT: { description: 'Most recently updated first.' },
    RELEVANCE: {
      description:
        'Best match first; only with `filter.search`. Name matches weigh more than description matches.',
    },
  },
});
