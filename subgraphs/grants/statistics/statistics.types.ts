import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Money } from '../../core/types/money.type';
import { GrantProgram } from '../program/program.entity';
import { GrantKind } from '../program/program.enums';
import { AssociationRef } from '../refs/association.ref';
import { ServiceAreaRef } from '../refs/service-area.ref';
import { MunicipalityRef } from '../refs/municipality.ref';
import { OrganizationKind } from '../../core/types/organization-kind';

export enum GrantGrouping {
  YEAR = 'YEAR',
  PROGRAM = 'PROGRAM',
  KIND = 'KIND',
  SERVICE_AREA = 'SERVICE_AREA',
  ASSOCIATION = 'ASSOCIATION',
  MUNICIPALITY = 'MUNICIPALITY',
  ASSOCIATION_KIND = 'ASSOCIATION_KIND',
}

registerEnumType(GrantGrouping, {
  name: 'GrantGrouping',
  description:
    'What grant statistics are grouped by; several together group by their combinations.',
  valuesConfig: {
    YEAR: { description: 'The year of the round.' },
    PROGRAM: { description: 'The grant program.' },
    KIND: { description: 'The kind of program.' },
    SERVICE_AREA: { description: 'The service area running the program.' },
    ASSOCIATION: { description: 'The applying association.' },
    MUNICIPALITY: { description: "The applying association's home municipality." },
    ASSOCIATION_KIND: {
      description: 'What kind of body the applicant is (registered association, foundation …).',
    },
  },
});

@ObjectType({
  description:
    'Grant figures of one group (or of everything, as `total`). Applications count those submitted and not withdrawn; sums are exact decimals computed in the database; the median is rounded to the cent.',
})
export class GrantStatisticsGroup {
  @Field(() => Int, { nullable: true, description: 'The year, when grouped by YEAR.' })
  year!: number | null;

  @Field(() => GrantProgram, {
    nullable: true,
    description: 'The program, when grouped by PROGRAM.',
  })
  program!: GrantProgram | null;

  @Field(() => GrantKind, { nullable: true, description: 'The kind, when grouped by KIND.' })
  kind!: GrantKind | null;

  @Field(() => ServiceAreaRef, {
    nullable: true,
    description: 'The service area, when grouped by SERVICE_AREA.',
  })
  serviceArea!: ServiceAreaRef | null;

  @Field(() => AssociationRef, {
    nullable: true,
    description: 'The association, when grouped by ASSOCIATION.',
  })
  association!: AssociationRef | null;

  @Field(() => MunicipalityRef, {
    nullable: true,
    description: "The applicants' home municipality, when grouped by MUNICIPALITY.",
  })
  municipality!: MunicipalityRef | null;

  @Field(() => OrganizationKind, {
    nullable: true,
    description: "The applicants' kind of body, when grouped by ASSOCIATION_KIND.",
  })
  associationKind!: OrganizationKind | null;

  @Field(() => Int, { description: 'Applications submitted (not drafts, not withdrawn).' })
  applicationCount!: number;

  @Field(() => Int, { description: 'Applications awarded money.' })
  awardedCount!: number;

  @Field(() => Money, { description: 'Total applied for.' })
  requestedTotal!: Money;

  @Field(() => Money, { description: 'Total awarded.' })
  awardedTotal!: Money;

  @Field(() => Money, {
    nullable: true,
    description: 'Median award; null when nothing was awarded.',
  })
  medianAward!: Money | null;

  @Field(() => Money, {
    nullable: true,
    description: 'Largest award; null when nothing was awarded.',
  })
  largestAward!: Money | null;

  programId?: string | null;
}

@ObjectType({ description: 'Grant statistics: one row per group, and the total over all of them.' })
export class GrantStatistics {
  @Field(() => [GrantStatisticsGroup], { description: 'The groups, ordered by their keys.' })
  groups!: GrantStatisticsGroup[];

  @Field(() => GrantStatisticsGroup, { description: 'Everything the filter selects, ungrouped.' })
  total!: GrantStatisticsGroup;
}
