import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { ASSOCIATION_SUPPORT_DESCRIPTION } from '../../core/association-support';
import { DecimalScalar } from '../../core/scalars';
import { Money } from '../../core/types/money.type';
import { AssociationRef } from '../refs/association.ref';
import { ServiceAreaRef } from '../refs/service-area.ref';

/** The figures of support in kind, of an association's year or of a part of it. */
@ObjectType({ description: 'Support in kind: the space subsidy and equipment lent.' })
export class InKindFigures {
  @Field(() => Money, {
    description:
      "The space subsidy: what the year's confirmed reservations and season slots cost at the spaces' list prices, less what the association was charged. Priced per started hour when confirmed; a space without a list price adds nothing.",
  })
  spaceSubsidy!: Money;

  @Field(() => Money, {
    description: "The year's confirmed reservations and season slots at the spaces' list prices.",
  })
  spaceListValue!: Money;

  @Field(() => Money, { description: 'What the association was charged for them.' })
  spaceCharged!: Money;

  @Field(() => Int, {
    description: 'Confirmed reservations starting in the year, season slots not included.',
  })
  spaceReservations!: number;

  @Field(() => Int, { description: 'Confirmed weekly season slots (vakiovuorot) in the year.' })
  seasonSlots!: number;

  @Field(() => DecimalScalar, {
    description: 'Hours of space booked by both, e.g. "37.50".',
  })
  spaceHours!: string;

  @Field(() => Money, {
    description:
      "Equipment lent in the year at its value: each confirmed loan's quantity × started days × the item's daily value.",
  })
  equipmentLent!: Money;

  @Field(() => Int, { description: 'Confirmed equipment loans starting in the year.' })
  equipmentLoans!: number;
}

/** The facilities subgraph's part of an association's yearly support: what it gave in kind. */
@Directive('@key(fields: "id")')
@ObjectType('AssociationSupport', { description: ASSOCIATION_SUPPORT_DESCRIPTION })
export class InKindSupport extends InKindFigures {
  @Field(() => ID, { description: 'The association id and the year: "<uuid>:<year>".' })
  id!: string;
}

/** One association's support in kind in a year from one service area (`supportInKind`). */
@ObjectType({
  description:
    "One association's support in kind in one year from one of the city's service areas: the facilities' area for spaces, the lending area for equipment.",
})
export class SupportInKind extends InKindFigures {
  @Field(() => AssociationRef, { description: 'The association supported.' })
  association!: AssociationRef;

  @Field(() => ServiceAreaRef, {
    nullable: true,
    description: 'The service area that gave it; null for facilities and equipment of none.',
  })
  serviceArea!: ServiceAreaRef | null;
}
