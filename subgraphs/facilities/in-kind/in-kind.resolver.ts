import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import type { FacilitiesContext } from '../facilities.context';
import { SupportInKind } from './in-kind.types';

@Resolver(() => SupportInKind)
export class InKindResolver {
  @Query(() => [SupportInKind], {
    nullable: true,
    description:
      "Every association's support in kind in one year (the space subsidy and equipment lent), per service area that gave it; associations given nothing are left out. Public, like the grants it stands beside; `supportStatistics` groups it with them. Null, with an error naming the facilities service, when it cannot answer.",
  })
  supportInKind(
    @Arg('year', () => Int, { description: 'The year, e.g. 2027.' }) year: number,
    @Ctx() ctx: FacilitiesContext,
  ) {
    return ctx.inKind.ofYear(year);
  }
}
