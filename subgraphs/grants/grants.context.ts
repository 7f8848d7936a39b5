import type { DataSource } from 'typeorm';
import type { BaseContext, SharedServices } from '../core/context';
import type { Identity } from '../core/identity';
import { GrantsAdminService } from './admin/grants-admin.service';
import { GrantApplicationService } from './application/application.service';
import { AwardRepository } from './award/award.repository';
import { AwardService } from './award/award.service';
import { createGrantLoaders, type GrantLoaders } from './grants.loaders';
import { GrantProgramService } from './program/program.service';
import { ApplicationRoundRepository } from './round/round.repository';
import { ApplicationRoundService } from './round/round.service';
import { GrantStatisticsRepository } from './statistics/statistics.repository';
import { GrantStatisticsService } from './statistics/statistics.service';

export interface GrantsContext extends BaseContext {
  loaders: GrantLoaders;
  programs: GrantProgramService;
  rounds: ApplicationRoundService;
  applications: GrantApplicationService;
  awards: AwardService;
  statistics: GrantStatisticsService;
  grantsAdmin: GrantsAdminService;
}

export function createGrantsContext(
  db: DataSource,
  identity: Identity,
  shared: SharedServices,
): GrantsContext {
  const loaders = createGrantLoaders(db);
  return {
    identity,
    loaders,
    programs: new GrantProgramService(db, loaders),
    rounds: new ApplicationRoundService(new ApplicationRoundRepository(db), loaders),
    applications: new GrantApplicationService(db, loaders, identity, shared.associations),
    awards: new AwardService(new AwardRepository(db), loaders),
    statistics: new GrantStatisticsService(new GrantStatisticsRepository(db)),
    grantsAdmin: new GrantsAdminService(db, loaders, identity),
  };
}
