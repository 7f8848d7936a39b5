import { Arg, Ctx, Directive, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { Money } from '../../core/types/money.type';
import { euros } from '../../core/types/money.type';
import type { GrantsContext } from '../grants.context';
import { AssociationRef } from '../refs/association.ref';
import { AssociationSupport } from './association-support.types';
import {
  SupportGrouping,
  SupportStatistics,
  SupportStatisticsFilter,
} from './support-statistics.types';

@Resolver(() => AssociationSupport)
export class AssociationSupportResolver {
  @FieldResolver(() => Money, {
    description:
      "Grants awarded in the year (its rounds' decisions), paid or not: the sum of `awardedGrants(year:)`.",
  })
  async grantsAwarded(@Root() support: AssociationSupport, @Ctx() ctx: GrantsContext) {
    return euros((await ctx.support.grants(support)).awarded);
  }

  @FieldResolver(() => Money, {
    description: 'Of the grants awarded in the year, what has been paid out.',
  })
  async grantsPaid(@Root() support: AssociationSupport, @Ctx() ctx: GrantsContext) {
    return euros((await ctx.support.grants(support)).paid);
  }

  @FieldResolver(() => Int, { description: 'How many grants were awarded in the year.' })
  async grantsAwardedCount(@Root() support: AssociationSupport, @Ctx() ctx: GrantsContext) {
    return (await ctx.support.grants(support)).count;
  }

  @Directive('@requires(fields: "spaceSubsidy { amount } equipmentLent { amount }")')
  @FieldResolver(() => Money, {
    description:
      'Everything the year gave: grants awarded, the space subsidy and equipment lent, in euros.',
  })
  total(@Root() support: AssociationSupport, @Ctx() ctx: GrantsContext) {
    return ctx.support.total(support);
  }
}

@Resolver(() => AssociationRef)
export class AssociationSupportFieldResolver {
  @FieldResolver(() => AssociationSupport, {
    nullable: true,
    description:
      'What the city gave the association in one year, in money and in kind, with the total (issue 33). Public, like the grants it sums. Null, with an error naming the service, when the grants or facilities service cannot answer.',
  })
  support(
    @Root() association: AssociationRef,
    @Arg('year', () => Int, { description: 'The year, e.g. 2027.' }) year: number,
    @Ctx() ctx: GrantsContext,
  ) {
    return ctx.support.of(association.id, year);
  }
}

@Resolver(() => SupportStatistics)
export class SupportStatisticsResolver {
  @Query(() => SupportStatistics, {
    nullable: true,
    description:
      'The support the city gave associations, in money and in kind, per group (e.g. [YEAR, SUPPORT_KIND]) and in total: the figures of `Association.support`, summed (issue 33). Public.',
  })
  supportStatistics(
    @Arg('filter', () => SupportStatisticsFilter, { description: 'The years and what to count.' })
    filter: SupportStatisticsFilter,
    @Arg('groupBy', () => [SupportGrouping], {
      defaultValue: [],
      description: 'Up to 4 groupings; none gives the total alone.',
    })
    groupBy: SupportGrouping[],
    @Ctx() ctx: GrantsContext,
  ) {
    return ctx.supportStatistics.statistics(filter, groupBy);
  }
}
