import {
  AssociationSupportFieldResolver,
  AssociationSupportResolver,
  SupportStatisticsResolver,
} from './association-support/association-support.resolver';
import { GrantsAdminResolver } from './admin/grants-admin.resolver';
import type { SubgraphDefinition } from '../core/subgraph';
import { grantsReferenceResolvers } from './grants.reference';
import { GrantApplication } from './application/application.entity';
import { GrantApplicationResolver } from './application/application.resolver';
import { AssociationGrantsResolver, AwardedGrantResolver } from './award/award.resolver';
import { createGrantsContext, type GrantsContext } from './grants.context';
import { Initial1763800000000 } from './migrations/1763800000000-initial';
import { RoundsAndApplications1764100000000 } from './migrations/1764100000000-rounds-and-applications';
import { RoundSequence1764500000000 } from './migrations/1764500000000-round-sequence';
import { EditVersions1768000000000 } from './migrations/1768000000000-edit-versions';
import { SupportLedger1768300000000 } from './migrations/1768300000000-support-ledger';
import { GrantsSupportConsumer } from './support/support.consumer';
import { CONSUMERS } from '../core/domain-events';
import { GrantProgram } from './program/program.entity';
import { GrantProgramResolver, ServiceAreaProgramsResolver } from './program/program.resolver';
import { CalendarRef } from './refs/calendar.ref';
import { ApplicationRound } from './round/round.entity';
import { ApplicationRoundResolver, CalendarRoundsResolver } from './round/round.resolver';
import { GrantStatisticsGroupResolver } from './statistics/statistics.resolver';
import { PersonalData1769100000000 } from './migrations/1769100000000-personal-data';
import { GrantsPersonalDataResolver } from './privacy/personal-data.records';

/** Grant programs, application rounds, applications and decisions, and open data on awards. */
export const grantsSubgraph: SubgraphDefinition<GrantsContext> = {
  name: 'grants',
  schema: 'grants',
  entities: [GrantProgram, ApplicationRound, GrantApplication],
  migrations: [
    Initial1763800000000,
    RoundsAndApplications1764100000000,
    RoundSequence1764500000000,
    EditVersions1768000000000,
    SupportLedger1768300000000,
    PersonalData1769100000000,
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
    AssociationSupportResolver,
    AssociationSupportFieldResolver,
    SupportStatisticsResolver,
    GrantsPersonalDataResolver,
  ],
  // Reached only through _entities until the events subgraph adds `calendar(year:)`.
  orphanedTypes: [CalendarRef],
  referenceResolvers: grantsReferenceResolvers,
  createContext: (db, identity, shared) => createGrantsContext(db, identity, shared),
  startJobs: (db, _log, shared, warn) => {
    // The event grant parts of events' support requests.
    const support = new GrantsSupportConsumer(db, shared);
    const ready = shared.events
      .consume(CONSUMERS.supportInGrants, (message) => support.handle(message))
      .catch((error: Error) => warn(`grants: support requests did not start: ${error.message}`));
    return { ready, stop: () => Promise.resolve() };
  },
};
