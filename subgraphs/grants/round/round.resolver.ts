import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { Money } from '../../core/types/money.type';
import type { GrantsContext } from '../grants.context';
import { GrantProgram } from '../program/program.entity';
import { CalendarRef } from '../refs/calendar.ref';
import { RoundStatus } from './round.enums';
import { ApplicationRound } from './round.entity';
import { ApplicationRoundFilter } from './round.inputs';

@Resolver(() => ApplicationRound)
export class ApplicationRoundResolver {
  @Query(() => [ApplicationRound], {
    nullable: true,
    description: 'Application rounds by deadline: what can be applied for and when.',
  })
  applicationRounds(
    @Arg('filter', () => ApplicationRoundFilter, {
      nullable: true,
      description: 'Conditions the rounds must meet.',
    })
    filter: ApplicationRoundFilter | null,
    @Ctx() ctx: GrantsContext,
  ) {
    return ctx.rounds.list(filter);
  }

  @FieldResolver(() => GrantProgram, { description: 'The program the round is for.' })
  program(@Root() round: ApplicationRound, @Ctx() ctx: GrantsContext) {
    return ctx.rounds.programOf(round);
  }

  @FieldResolver(() => Boolean, { description: 'True while applications are taken.' })
  isOpen(@Root() round: ApplicationRound, @Ctx() ctx: GrantsContext) {
    return ctx.rounds.isOpen(round);
  }

  @FieldResolver(() => RoundStatus, { description: 'UPCOMING, OPEN, CLOSED or DECIDED.' })
  status(@Root() round: ApplicationRound, @Ctx() ctx: GrantsContext) {
    return ctx.rounds.status(round);
  }

  @FieldResolver(() => Money, {
    nullable: true,
    description: 'The money to be given in this round.',
  })
  budget(@Root() round: ApplicationRound, @Ctx() ctx: GrantsContext) {
    return ctx.rounds.budget(round);
  }
}

@Resolver(() => CalendarRef)
export class CalendarRoundsResolver {
  @FieldResolver(() => [ApplicationRound], {
    nullable: true,
    description:
      "Application rounds open at any time in the year, by deadline: the area's own programs' (all of them for the whole city). Null, with an error naming the grants service, when that service cannot answer.",
  })
  applicationRounds(@Root() calendar: CalendarRef, @Ctx() ctx: GrantsContext) {
    return ctx.rounds.ofCalendar(calendar.year, calendar.serviceAreaId);
  }
}
