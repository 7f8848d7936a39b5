import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { GrantsContext } from '../grants.context';
import { GrantProgram } from '../program/program.entity';
import { ApplicationRound } from '../round/round.entity';
import {
  CreateApplicationRoundInput,
  CreateGrantProgramInput,
  UpdateApplicationRoundInput,
  UpdateGrantProgramInput,
} from './grants-admin.inputs';

/** Keeping grant programs and application rounds: thin; the rules are in the service. */
@Resolver()
export class GrantsAdminResolver {
  @Mutation(() => GrantProgram, {
    description:
      'Adds a grant program (staff of the service area that runs it; a city-wide one by an admin).',
  })
  createGrantProgram(
    @Arg('input', () => CreateGrantProgramInput, { description: 'The new program.' })
    input: CreateGrantProgramInput,
    @Ctx() ctx: GrantsContext,
  ) {
    return ctx.grantsAdmin.createProgram(input);
  }

  @Mutation(() => GrantProgram, {
    description: "Changes a grant program (its service area's staff, or an admin).",
  })
  updateGrantProgram(
    @Arg('input', () => UpdateGrantProgramInput, { description: 'What to change.' })
    input: UpdateGrantProgramInput,
    @Ctx() ctx: GrantsContext,
  ) {
    return ctx.grantsAdmin.updateProgram(input);
  }

  @Mutation(() => ApplicationRound, {
    description: "Opens a new application round of a program (its service area's staff).",
  })
  createApplicationRound(
    @Arg('input', () => CreateApplicationRoundInput, { description: 'The new round.' })
    input: CreateApplicationRoundInput,
    @Ctx() ctx: GrantsContext,
  ) {
    return ctx.grantsAdmin.createRound(input);
  }

  @Mutation(() => ApplicationRound, {
    description:
      "Changes an application round: its deadline, decision date, budget or name (its program's staff).",
  })
  updateApplicationRound(
    @Arg('input', () => UpdateApplicationRoundInput, { description: 'What to change.' })
    input: UpdateApplicationRoundInput,
    @Ctx() ctx: GrantsContext,
  ) {
    return ctx.grantsAdmin.updateRound(input);
  }
}
