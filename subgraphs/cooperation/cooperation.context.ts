import type { DataSource } from 'typeorm';
import type { BaseContext, SharedServices } from '../core/context';
import { Data } from '../core/data';
import type { Identity } from '../core/identity';
import { createCooperationLoaders, type CooperationLoaders } from './cooperation.loaders';
import { createCooperationRepositories } from './cooperation.repositories';
import { IndicatorService } from './indicator/indicator.service';
import { WorkingGroupService } from './working-group/working-group.service';
import { GuideService } from './guide/guide.service';
import { GoalService } from './goal/goal.service';
import { SurveyService } from './survey/survey.service';
import { SurveyResponseService } from './survey/survey-response.service';
import type { PersonalDataService } from '../core/personal-data/personal-data.service';
import { subjectRecordsService } from '../core/personal-data/subject-records';
import { COOPERATION_PERSONAL_DATA } from './privacy/personal-data.records';

export interface CooperationContext extends BaseContext {
  loaders: CooperationLoaders;
  surveys: SurveyService;
  surveyResponses: SurveyResponseService;
  indicators: IndicatorService;
  workingGroups: WorkingGroupService;
  guides: GuideService;
  goals: GoalService;
  personalData: PersonalDataService;
}

export function createCooperationContext(
  db: DataSource,
  identity: Identity,
  shared: SharedServices,
): CooperationContext {
  const data = new Data(db, createCooperationRepositories);
  const loaders = createCooperationLoaders(data.repositories);
  return {
    identity,
    loaders,
    surveys: new SurveyService(data, loaders, identity),
    surveyResponses: new SurveyResponseService(data, loaders, identity, shared.associations),
    indicators: new IndicatorService(data, loaders, identity, shared.graph),
    workingGroups: new WorkingGroupService(data, loaders, identity, shared.associations),
    guides: new GuideService(data, loaders, identity),
    goals: new GoalService(data, loaders, identity),
    personalData: subjectRecordsService('cooperation', db, identity, COOPERATION_PERSONAL_DATA),
  };
}
