import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { GrantsContext } from '../grants.context';
import { ServiceAreaRef } from '../refs/service-area.ref';
import { GrantProgram } from './program.entity';
import { GrantProgramFilter } from './program.inputs';

@Resolver(() => GrantProgram)
export class GrantProgramResolver {
  @Query(() => [GrantProgram], { description: 'Grant programs in Finnish name order.' })
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
}
