import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { GrantsContext } from '../grants.context';
import { GrantProgram } from '../program/program.entity';
import { GrantStatisticsGroup } from './statistics.types';

@Resolver(() => GrantStatisticsGroup)
export class GrantStatisticsGroupResolver {
  @FieldResolver(() => GrantProgram, {
    nullable: true,
    description: 'The program, when grouped by PROGRAM.',
  })
  program(@Root() group: GrantStatisticsGroup, @Ctx() ctx: GrantsContext) {
    return group.programId ? ctx.loaders.program.load(group.programId) : null;
  }
}
