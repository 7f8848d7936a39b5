import { registerEnumType } from 'type-graphql';

// Shared with the grants subgraph (statistics by kind), so registered once, in core.
export { OrganizationKind } from '../../core/types/organization-kind';

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
