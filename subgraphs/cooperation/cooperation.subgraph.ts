import { Goal } from './goal/goal.entity';
import { GoalResolver } from './goal/goal.resolver';
import { Goals1768800000000 } from './migrations/1768800000000-goals';
import { analyseAtStart } from '../core/finnish/search-terms';
import { GuideKeepersAndSearch1768700000000 } from './migrations/1768700000000-guide-keepers-and-search';
import { ComputedQueries1768600000000 } from './migrations/1768600000000-computed-queries';
import type { SubgraphDefinition } from '../core/subgraph';
import { createCooperationContext, type CooperationContext } from './cooperation.context';
import { cooperationReferenceResolvers } from './cooperation.reference';
import { CalendarRef } from './refs/calendar.ref';
import { Initial1766000000000 } from './migrations/1766000000000-initial';
import { EditVersions1768000000000 } from './migrations/1768000000000-edit-versions';
import { Indicator, IndicatorValue } from './indicator/indicator.entity';
import { IndicatorResolver, IndicatorValueResolver } from './indicator/indicator.resolver';
import { PlanItem, WorkingGroup, WorkingGroupMember } from './working-group/working-group.entity';
import {
  CalendarPlanResolver,
  PlanItemResolver,
  WorkingGroupMemberResolver,
  WorkingGroupResolver,
} from './working-group/working-group.resolver';
import { Guide, GuideVersion } from './guide/guide.entity';
import { GuideResolver } from './guide/guide.resolver';
import { Survey, SurveyQuestion } from './survey/survey.entity';
import { CalendarSurveysResolver, SurveyResolver } from './survey/survey.resolver';
import { PersonalData1769100000000 } from './migrations/1769100000000-personal-data';
import { CooperationPersonalDataResolver } from './privacy/personal-data.records';

/** Goal-oriented co-development: surveys, indicators, working groups and the handbook. */
export const cooperationSubgraph: SubgraphDefinition<CooperationContext> = {
  name: 'cooperation',
  schema: 'cooperation',
  entities: [
    Survey,
    SurveyQuestion,
    Indicator,
    IndicatorValue,
    WorkingGroup,
    WorkingGroupMember,
    PlanItem,
    Guide,
    GuideVersion,
    Goal,
  ],
  migrations: [
    Initial1766000000000,
    EditVersions1768000000000,
    ComputedQueries1768600000000,
    GuideKeepersAndSearch1768700000000,
    Goals1768800000000,
    PersonalData1769100000000,
  ],
  resolvers: [
    SurveyResolver,
    CalendarSurveysResolver,
    IndicatorResolver,
    IndicatorValueResolver,
    PlanItemResolver,
    CalendarPlanResolver,
    GoalResolver,
    WorkingGroupResolver,
    WorkingGroupMemberResolver,
    GuideResolver,
    CooperationPersonalDataResolver,
  ],
  // The calendar has no field here that returns it; it is an entity this subgraph extends.
  orphanedTypes: [CalendarRef],
  referenceResolvers: cooperationReferenceResolvers,
  createContext: createCooperationContext,
  // Search terms (Finnish base forms) for guides written without them, before serving.
  prepare: (db, log) => analyseAtStart(db, 'cooperation.guide', log),
};
