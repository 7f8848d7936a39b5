import type { Connection, Data } from '../core/data';
import { IndicatorRepository } from './indicator/indicator.repository';
import { WorkingGroupRepository } from './working-group/working-group.repository';
import { GuideRepository } from './guide/guide.repository';
import { GoalRepository } from './goal/goal.repository';
import { SurveyRepository } from './survey/survey.repository';
import { SurveyResponseRepository } from './survey/survey-response.repository';

/** Every repository of the cooperation subgraph, on one connection (the pool or a transaction). */
export function createCooperationRepositories(connection: Connection) {
  return {
    surveys: new SurveyRepository(connection),
    responses: new SurveyResponseRepository(connection),
    indicators: new IndicatorRepository(connection),
    workingGroups: new WorkingGroupRepository(connection),
    guides: new GuideRepository(connection),
    goals: new GoalRepository(connection),
  };
}

export type CooperationRepositories = ReturnType<typeof createCooperationRepositories>;
export type CooperationData = Data<CooperationRepositories>;
