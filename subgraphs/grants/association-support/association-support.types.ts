import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { ASSOCIATION_SUPPORT_DESCRIPTION } from '../../core/association-support';
import { Money } from '../../core/types/money.type';

/**
 * An association's support of one year as the grants subgraph sees it: its grants, and
 * the total once the facilities subgraph has told what it gave in kind (`@requires`).
 */
@Directive('@key(fields: "id")')
@ObjectType('AssociationSupport', { description: ASSOCIATION_SUPPORT_DESCRIPTION })
export class AssociationSupport {
  @Field(() => ID, { description: 'The association id and the year: "<uuid>:<year>".' })
  id!: string;

  /** Not a field: read from the key. */
  associationId!: string;

  @Field(() => Int, { description: 'The year (Helsinki calendar year).' })
  year!: number;

  @Directive('@external')
  @Field(() => Money, {
    description:
      "The space subsidy: what the year's confirmed reservations and season slots cost at the spaces' list prices, less what the association was charged. Priced per started hour when confirmed; a space without a list price adds nothing.",
  })
  spaceSubsidy?: Money;

  @Directive('@external')
  @Field(() => Money, {
    description:
      "Equipment lent in the year at its value: each confirmed loan's quantity × started days × the item's daily value.",
  })
  equipmentLent?: Money;
}
