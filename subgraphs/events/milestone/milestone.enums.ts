import { registerEnumType } from 'type-graphql';

export enum MilestoneKind {
  BUDGET = 'BUDGET',
  WELFARE_REPORT = 'WELFARE_REPORT',
  SURVEY = 'SURVEY',
  STRATEGY = 'STRATEGY',
  DEADLINE = 'DEADLINE',
  OTHER = 'OTHER',
}

registerEnumType(MilestoneKind, {
  name: 'MilestoneKind',
  description: 'What a milestone of the cooperation year is.',
  valuesConfig: {
    BUDGET: { description: 'Budget preparation (talousarvio).' },
    WELFARE_REPORT: { description: 'Welfare report work (hyvinvointikertomus).' },
    SURVEY: { description: 'A survey window (yhdistyskysely, HYTE-kysely).' },
    STRATEGY: { description: 'Strategy work.' },
    DEADLINE: { description: 'Any other deadline associations should know.' },
    OTHER: { description: 'Anything else.' },
  },
});
