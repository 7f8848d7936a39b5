import { SupportStatisticsService } from './association-support/support-statistics.service';
import { AssociationSupportService } from './association-support/association-support.service';
import type { DataSource } from 'typeorm';
import type { BaseContext, SharedServices } from '../core/context';
import { Data } from '../core/data';
import { createGrantsRepositories } from './grants.repositories';
import type { Identity } from '../core/identity';
import { GrantsAdminService } from './admin/grants-admin.service';
import { GrantApplicationService } from './application/application.service';
import { AwardService } from './award/award.service';
import { createGrantLoaders, type GrantLoaders } from './grants.loaders';
import { GrantProgramService } from './program/program.service';
import { ApplicationRoundService } from './round/round.service';
import { GrantStatisticsService } from './statistics/statistics.service';
import type { PersonalDataService } from '../core/personal-data/personal-data.service';
import { subjectRecordsService } from '../core/personal-data/subject-records';
import { GRANTS_PERSONAL_DATA } from './privacy/personal-data.records';

export interface GrantsContext extends BaseContext {
  loaders: GrantLoaders;
  programs: GrantProgramService;
  rounds: ApplicationRoundService;
  applications: GrantApplicationService;
  awards: AwardService;
  statistics: GrantStatisticsService;
  grantsAdmin: GrantsAdminService;
  support: AssociationSupportService;
  supportStatistics: SupportStatisticsService;
  personalData: PersonalDataService;
}

export function createGrantsContext(
  db: DataSource,
  identity: Identity,
  shared: SharedServices,
  /** The clock of the rules that depend on it (a round open now): tests set it. */
  now: () => Date = () => new Date(),
): GrantsContext {
  const data = new Data(db, createGrantsRepositories);
  const loaders = createGrantLoaders(data.repositories);
  const awards = new AwardService(data, loaders, shared.associations);
  return {
    identity,
    loaders,
    programs: new GrantProgramService(data, loaders),
    rounds: new ApplicationRoundService(data, loaders),
    applications: new GrantApplicationService(
      data,
      loaders,
      identity,
      shared.associations,
      shared.events,
      now,
    ),
    awards,
    statistics: new GrantStatisticsService(data, awards),
    grantsAdmin: new GrantsAdminService(data, loaders, identity),
    support: new AssociationSupportService(loaders),
    supportStatistics: new SupportStatisticsService(data, shared.graph, shared.associations),
    personalData: subjectRecordsService('grants', db, identity, GRANTS_PERSONAL_DATA),
  };
}
