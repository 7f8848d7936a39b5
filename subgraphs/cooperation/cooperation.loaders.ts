import DataLoader from 'dataloader';
import type { Guide } from './guide/guide.entity';
import { byIdLoader, groupLoader } from '../core/loaders';
import type { CooperationRepositories } from './cooperation.repositories';
import type { AnswerCounts } from './survey/survey-response.repository';

/** Every DataLoader of the cooperation subgraph, made per request. */
export function createCooperationLoaders({
  surveys,
  responses,
  indicators,
  workingGroups,
  guides,
  goals,
}: CooperationRepositories) {
  return {
    survey: byIdLoader(
      (ids) => surveys.byIds(ids),
      (s) => s.id,
    ),
    question: byIdLoader(
      (ids) => surveys.questionsByIds(ids),
      (q) => q.id,
    ),
    questionsOfSurvey: groupLoader(
      (ids) => surveys.questionsOf(ids),
      (q) => q.surveyId,
    ),
    responseCount: new DataLoader<string, number>(async (ids) => {
      const counts = await responses.countsOf(ids);
      return ids.map((id) => counts.get(id) ?? 0);
    }),
    /** The counted answers of many surveys' questions in three statements. */
    answerCounts: new DataLoader<string, AnswerCounts>(async (ids) => {
      const counts = await responses.answerCounts(ids);
      return ids.map(() => counts);
    }),
    indicator: byIdLoader(
      (ids) => indicators.byIds(ids),
      (i) => i.id,
    ),
    valuesOfIndicator: groupLoader(
      (ids) => indicators.valuesOf(ids),
      (v) => v.indicatorId,
    ),
    workingGroup: byIdLoader(
      (ids) => workingGroups.byIds(ids),
      (g) => g.id,
    ),
    membersOfWorkingGroup: groupLoader(
      (ids) => workingGroups.membersOf(ids),
      (m) => m.workingGroupId,
    ),
    planOfWorkingGroup: groupLoader(
      (ids) => workingGroups.planOf(ids),
      (p) => p.workingGroupId,
    ),
    guide: byIdLoader(
      (ids) => guides.byIds(ids),
      (g) => g.id,
    ),
    goal: byIdLoader(
      (ids) => goals.byIds(ids),
      (g) => g.id,
    ),
    childrenOfGoal: groupLoader(
      (ids) => goals.childrenOf(ids),
      (g) => g.parentId!,
    ),
    guidesKeptBy: groupLoader(
      (ids) => guides.keptBy(ids),
      (g) => g.workingGroupId!,
    ),
    /** Guides by slug, for other subgraphs' links (`@key(fields: "slug")`). */
    guideBySlug: new DataLoader<string, Guide | null>(async (slugs) => {
      const bySlug = new Map((await guides.bySlugs(slugs)).map((g) => [g.slug, g]));
      return slugs.map((slug) => bySlug.get(slug) ?? null);
    }),
    versionsOfGuide: groupLoader(
      (ids) => guides.versionsOf(ids),
      (v) => v.guideId,
    ),
  };
}

export type CooperationLoaders = ReturnType<typeof createCooperationLoaders>;
