import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { Money } from '../../core/types/money.type';
import type { GrantsContext } from '../grants.context';
import { ServiceAreaRef } from '../refs/service-area.ref';
import { ApplicationRound } from '../round/round.entity';
import { GrantProgram } from './program.entity';
import { GrantProgramFilter } from './program.inputs';

@Resolver(() => GrantProgram)
export class GrantProgramResolver {
  @Query(() => [GrantProgram], {
    nullable: true,
    description: 'Grant programs in Finnish name order.',
  })
  grantPrograms(
    @Arg('filter', () => GrantProgramFilter, {
      nullable: true,
      description: 'Conditions the programs must meet.',
    })
    filter: GrantProgramFilter | null,
    @Ctx() ctx: GrantsContext,
  ) {
    return ctx.programs.list(filter);
  }

  @FieldResolver(() => ServiceAreaRef, {
    nullable: true,
    description: 'The service area that runs the program.',
  })
  serviceArea(@Root() program: GrantProgram): ServiceAreaRef | null {
    return program.serviceAreaId ? { id: program.serviceAreaId } : null;
  }

  @FieldResolver(() => [ApplicationRound], { description: 'Its application rounds, newest first.' })
  rounds(@Root() program: GrantProgram, @Ctx() ctx: GrantsContext) {
    return ctx.programs.roundsOf(program);
  }

  @FieldResolver(() => Money, { nullable: true, description: 'The money the program has a year.' })
  yearlyBudget(@Root() program: GrantProgram, @Ctx() ctx: GrantsContext) {
    return ctx.programs.yearlyBudget(program);
  }
}

@Resolver(() => ServiceAreaRef)
export class ServiceAreaProgramsResolver {
  @FieldResolver(() => [GrantProgram], {
    nullable: true,
    description:
      'The grant programs this service area runs. Null, with an error naming the grants service, when that service cannot answer.',
  })
  grantPrograms(@Root() area: ServiceAreaRef, @Ctx() ctx: GrantsContext) {
    return ctx.programs.ofServiceArea(area.id);
  }
}
