import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Money } from '../../core/types/money.type';
import { OrganizationKind } from '../../core/types/organization-kind';
import { AssociationRef } from '../refs/association.ref';
import { MunicipalityRef } from '../refs/municipality.ref';
import { ServiceAreaRef } from '../refs/service-area.ref';

export enum SupportKind {
  GRANT = 'GRANT',
  SPACE = 'SPACE',
  EQUIPMENT = 'EQUIPMENT',
}

registerEnumType(SupportKind, {
  name: 'SupportKind',
  description: 'A kind of support the city gives associations.',
  valuesConfig: {
    GRANT: { description: 'Grants awarded (avustukset).' },
    SPACE: { description: "The space subsidy: spaces' list prices less what was charged." },
    EQUIPMENT: { description: 'Equipment lent, at its value.' },
  },
});

export enum SupportGrouping {
  YEAR = 'YEAR',
  SERVICE_AREA = 'SERVICE_AREA',
  MUNICIPALITY = 'MUNICIPALITY',
  ASSOCIATION_KIND = 'ASSOCIATION_KIND',
  SUPPORT_KIND = 'SUPPORT_KIND',
  ASSOCIATION = 'ASSOCIATION',
}

registerEnumType(SupportGrouping, {
  name: 'SupportGrouping',
  description:
    'What support statistics are grouped by; several together group by their combinations.',
  valuesConfig: {
    YEAR: { description: 'The year.' },
    SERVICE_AREA: {
      description:
        "The service area that gave it: the grant program's, the facility's, the lending one's.",
    },
    MUNICIPALITY: { description: "The association's home municipality." },
    ASSOCIATION_KIND: { description: 'What kind of body the association is.' },
    SUPPORT_KIND: { description: 'Grants, the space subsidy or equipment lent.' },
    ASSOCIATION: { description: 'The association.' },
  },
});

@InputType({ description: 'Which support `supportStatistics` counts.' })
export class SupportStatisticsFilter {
  @Field(() => [Int], { description: 'The years, 1 to 10 of them, e.g. [2026, 2027].' })
  years!: number[];

  @Field(() => [ID], { nullable: true, description: 'Only these associations.' })
  associationIds?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'Only support these service areas gave.' })
  serviceAreaIds?: string[] | null;

  @Field(() => [String], {
    nullable: true,
    description: 'Only associations based in these municipalities (codes, e.g. ["398"]).',
  })
  municipalityCodes?: string[] | null;
}

@ObjectType({
  description:
    'Support figures of one group (or of everything, as `total`): the same figures as `Association.support`, summed. Exact euros.',
})
export class SupportStatisticsGroup {
  @Field(() => Int, { nullable: true, description: 'The year, when grouped by YEAR.' })
  year!: number | null;

  @Field(() => ServiceAreaRef, {
    nullable: true,
    description: 'The service area that gave it, when grouped by SERVICE_AREA (null: none).',
  })
  serviceArea!: ServiceAreaRef | null;

  @Field(() => MunicipalityRef, {
    nullable: true,
    description: "The associations' home municipality, when grouped by MUNICIPALITY.",
  })
  municipality!: MunicipalityRef | null;

  @Field(() => OrganizationKind, {
    nullable: true,
    description: "The associations' kind of body, when grouped by ASSOCIATION_KIND.",
  })
  associationKind!: OrganizationKind | null;

  @Field(() => SupportKind, {
    nullable: true,
    description: 'The kind of support, when grouped by SUPPORT_KIND.',
  })
  supportKind!: SupportKind | null;

  @Field(() => AssociationRef, {
    nullable: true,
    description: 'The association, when grouped by ASSOCIATION.',
  })
  association!: AssociationRef | null;

  @Field(() => Int, { description: 'How many associations got something in the group.' })
  associationCount!: number;

  @Field(() => Money, { description: 'Grants awarded.' })
  grantsAwarded!: Money;

  @Field(() => Money, { description: 'Of the grants awarded, what has been paid out.' })
  grantsPaid!: Money;

  @Field(() => Money, { description: 'The space subsidy.' })
  spaceSubsidy!: Money;

  @Field(() => Money, { description: 'Equipment lent, at its value.' })
  equipmentLent!: Money;

  @Field(() => Money, { description: 'All of it together.' })
  total!: Money;
}

@ObjectType({ description: 'Support per group and in total.' })
export class SupportStatistics {
  @Field(() => [SupportStatisticsGroup], {
    description: 'One entry per combination that has support, in the order of the groupings.',
  })
  groups!: SupportStatisticsGroup[];

  @Field(() => SupportStatisticsGroup, { description: 'Everything the filter selects.' })
  total!: SupportStatisticsGroup;
}
