import { registerEnumType } from 'type-graphql';

export enum SurveyAudience {
  ASSOCIATIONS = 'ASSOCIATIONS',
  CITY_STAFF = 'CITY_STAFF',
}

export enum SurveyStatus {
  DRAFT = 'DRAFT',
  OPEN = 'OPEN',
  CLOSED = 'CLOSED',
}

export enum QuestionKind {
  LIKERT_5 = 'LIKERT_5',
  RATING = 'RATING',
  SINGLE_CHOICE = 'SINGLE_CHOICE',
  MULTIPLE_CHOICE = 'MULTIPLE_CHOICE',
  TEXT = 'TEXT',
}

registerEnumType(SurveyAudience, {
  name: 'SurveyAudience',
  description: 'Who answers a survey.',
  valuesConfig: {
    ASSOCIATIONS: {
      description:
        'Associations (yhdistyskysely): one answer per association, by its representative.',
    },
    CITY_STAFF: {
      description: "The city's staff (avainhenkilöiden kysely): one answer per person.",
    },
  },
});

registerEnumType(SurveyStatus, {
  name: 'SurveyStatus',
  description: 'Where a survey stands.',
  valuesConfig: {
    DRAFT: { description: 'Being prepared; seen by city staff only; questions can change.' },
    OPEN: {
      description:
        'Published: answers are taken between opensAt and closesAt; questions are fixed.',
    },
    CLOSED: { description: 'Closed by staff or past closesAt: results are public.' },
  },
});

registerEnumType(QuestionKind, {
  name: 'QuestionKind',
  description: 'How a survey question is answered.',
  valuesConfig: {
    LIKERT_5: {
      description:
        'Agreement on five steps: index 0 = täysin eri mieltä … 4 = täysin samaa mieltä. Results give agreeShare.',
    },
    RATING: { description: 'One step of a labelled scale, e.g. huono … erinomainen.' },
    SINGLE_CHOICE: { description: 'One of the options.' },
    MULTIPLE_CHOICE: { description: 'Any number of the options.' },
    TEXT: { description: 'Free text.' },
  },
});
