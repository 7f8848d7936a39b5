import type { Connection, Data } from '../core/data';
import { SupportLedger } from '../core/support-ledger';
import { GrantsAdminRepository } from './admin/grants-admin.repository';
import { AssociationSupportRepository } from './association-support/association-support.repository';
import { GrantApplicationRepository } from './application/application.repository';
import { AwardRepository } from './award/award.repository';
import { GrantProgramRepository } from './program/program.repository';
import { ApplicationRoundRepository } from './round/round.repository';
import { GrantStatisticsRepository } from './statistics/statistics.repository';

/** Every repository of the grants subgraph, on one connection (the pool or a transaction). */
export function createGrantsRepositories(connection: Connection) {
  return {
    programs: new GrantProgramRepository(connection),
    rounds: new ApplicationRoundRepository(connection),
    applications: new GrantApplicationRepository(connection),
    awards: new AwardRepository(connection),
    statistics: new GrantStatisticsRepository(connection),
    admin: new GrantsAdminRepository(connection),
    supportLedger: new SupportLedger(connection, 'grants'),
    support: new AssociationSupportRepository(connection),
  };
}

export type GrantsRepositories = ReturnType<typeof createGrantsRepositories>;
export type GrantsData = Data<GrantsRepositories>;
