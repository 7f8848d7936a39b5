import { GrantsAdminResolver } from './admin/grants-admin.resolver';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import type { SubgraphDefinition } from '../core/subgraph';
import { GrantApplication } from './application/application.entity';
import { GrantApplicationResolver } from './application/application.resolver';
import { AssociationGrantsResolver, AwardedGrantResolver } from './award/award.resolver';
import { createGrantsContext, type GrantsContext } from './grants.context';
import { Initial1763800000000 } from './migrations/1763800000000-initial';
import { RoundsAndApplications1764100000000 } from './migrations/1764100000000-rounds-and-applications';
import { RoundSequence1764500000000 } from './migrations/1764500000000-round-sequence';
import { GrantProgram } from './program/program.entity';
import { GrantProgramResolver, ServiceAreaProgramsResolver } from './program/program.resolver';
import { CalendarRef } from './refs/calendar.ref';
import { ApplicationRound } from './round/round.entity';
import { ApplicationRoundResolver, CalendarRoundsResolver } from './round/round.resolver';
import { GrantStatisticsGroupResolver } from './statistics/statistics.resolver';

const referenceResolvers: GraphQLResolverMap<GrantsContext> = {
  GrantProgram: {
    __resolveReference: (ref: { id: string }, ctx: GrantsContext) =>
      ctx.loaders.program.load(ref.id),
  },
  ApplicationRound: {
    __resolveReference: (ref: { id: string }, ctx: GrantsContext) => ctx.loaders.round.load(ref.id),
  },
  // Any id is a valid key here: one with no grants has empty lists and a zero total.
  Association: { __resolveReference: (ref: { id: string }) => ({ id: ref.id }) },
  ServiceArea: { __resolveReference: (ref: { id: string }) => ({ id: ref.id }) },
  Calendar: {
    __resolveReference: (ref: { year: number; serviceAreaId?: string | null }) => ({
      year: ref.year,
      serviceAreaId: ref.serviceAreaId ?? null,
    }),
  },
};

/** Grant programs, application rounds, applications and decisions, and open data on awards. */
export const grantsSubgraph: SubgraphDefinition<GrantsContext> = {
  name: 'grants',
  schema: 'grants',
  entities: [GrantProgram, ApplicationRound, GrantApplication],
  migrations: [
    Initial1763800000000,
    RoundsAndApplications1764100000000,
    RoundSequence1764500000000,
  ],
  resolvers: [
    GrantProgramResolver,
    ServiceAreaProgramsResolver,
    ApplicationRoundResolver,
    CalendarRoundsResolver,
    GrantApplicationResolver,
    AwardedGrantResolver,
    AssociationGrantsResolver,
    GrantStatisticsGroupResolver,
    GrantsAdminResolver,
  ],
  // Reached only through _entities until the events subgraph adds `calendar(year:)`.
  orphanedTypes: [CalendarRef],
  referenceResolvers,
  createContext: createGrantsContext,
};
