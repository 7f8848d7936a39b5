import { Arg, Args, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { createConnectionType } from '../../core/connection';
import { Money } from '../../core/types/money.type';
import { AssociationApplicationsArgs } from '../application/application.inputs';
import { GrantApplicationConnection } from '../application/application.resolver';
import type { GrantsContext } from '../grants.context';
import { GrantProgram } from '../program/program.entity';
import { AssociationRef } from '../refs/association.ref';
import { ApplicationRound } from '../round/round.entity';
import { GrantStatistics, GrantGrouping } from '../statistics/statistics.types';
import { AwardedGrant, AwardedGrantFilter, AwardedGrantsArgs } from './award.types';

export const AwardedGrantConnection = createConnectionType(
  'AwardedGrant',
  AwardedGrant,
  'awarded grant',
);

@Resolver(() => AwardedGrant)
export class AwardedGrantResolver {
  @Query(() => AwardedGrantConnection, {
    nullable: true,
    description: 'Who got what, newest decision first: public open data.',
  })
  awardedGrants(@Args(() => AwardedGrantsArgs) args: AwardedGrantsArgs, @Ctx() ctx: GrantsContext) {
    return ctx.awards.page(args);
  }

  @Query(() => GrantStatistics, {
    nullable: true,
    description:
      'Applications and awards per group (e.g. [SERVICE_AREA, YEAR]) and in total: counts, exact sums, median and largest award.',
  })
  grantStatistics(
    @Arg('groupBy', () => [GrantGrouping], {
      description: 'What to group by; several together group by combinations.',
    })
    groupBy: GrantGrouping[],
    @Arg('filter', () => AwardedGrantFilter, { nullable: true, description: 'What to count.' })
    filter: AwardedGrantFilter | null,
    @Ctx() ctx: GrantsContext,
  ) {
    return ctx.statistics.statistics(groupBy, filter);
  }

  @FieldResolver(() => AssociationRef, { description: 'The association awarded.' })
  recipient(@Root() award: AwardedGrant): AssociationRef {
    return { id: award.associationId };
  }

  @FieldResolver(() => ApplicationRound, { description: 'The round it was applied in.' })
  round(@Root() award: AwardedGrant, @Ctx() ctx: GrantsContext) {
    return ctx.awards.roundOf(award);
  }

  @FieldResolver(() => GrantProgram, { description: 'The program it came from.' })
  async program(@Root() award: AwardedGrant, @Ctx() ctx: GrantsContext) {
    return ctx.rounds.programOf(await ctx.awards.roundOf(award));
  }
}

@Resolver(() => AssociationRef)
export class AssociationGrantsResolver {
  @FieldResolver(() => [AwardedGrant], {
    nullable: true,
    description:
      'Grants awarded to the association (of one year, if given), newest first. Null, with an error naming the grants service, when that service cannot answer.',
  })
  awardedGrants(
    @Root() association: AssociationRef,
    @Arg('year', () => Int, { nullable: true, description: 'Only this year.' }) year: number | null,
    @Ctx() ctx: GrantsContext,
  ) {
    return ctx.awards.ofAssociation(association.id, year);
  }

  @FieldResolver(() => Money, {
    nullable: true,
    description:
      'The sum awarded to the association (of one year, if given). Null, with an error naming the grants service, when that service cannot answer.',
  })
  totalAwarded(
    @Root() association: AssociationRef,
    @Arg('year', () => Int, { nullable: true, description: 'Only this year.' }) year: number | null,
    @Ctx() ctx: GrantsContext,
  ) {
    return ctx.awards.totalOf(association.id, year);
  }

  @FieldResolver(() => GrantApplicationConnection, {
    nullable: true,
    description:
      "The association's applications, newest first, a page at a time: its representatives and city staff only. Null, with an error naming the grants service, when that service cannot answer.",
  })
  grantApplications(
    @Root() association: AssociationRef,
    @Args(() => AssociationApplicationsArgs) args: AssociationApplicationsArgs,
    @Ctx() ctx: GrantsContext,
  ) {
    return ctx.applications.ofAssociation(association.id, args);
  }
}
