import { registerEnumType } from 'type-graphql';

export enum IndicatorKind {
  RESULT = 'RESULT',
  IMPACT = 'IMPACT',
}

export enum IndicatorSource {
  MANUAL = 'MANUAL',
  SURVEY = 'SURVEY',
  METRIC = 'METRIC',
}

/** Figures the hub computes from its own data, each read from the subgraph that owns it. */
export enum IndicatorMetric {
  ASSOCIATION_EVENINGS = 'ASSOCIATION_EVENINGS',
  ASSOCIATION_EVENING_PARTICIPANTS = 'ASSOCIATION_EVENING_PARTICIPANTS',
  ASSOCIATION_EVENING_ATTENDEES = 'ASSOCIATION_EVENING_ATTENDEES',
  ASSOCIATION_EVENING_ASSOCIATIONS = 'ASSOCIATION_EVENING_ASSOCIATIONS',
  EVENTS_WITH_CITY_SUPPORT = 'EVENTS_WITH_CITY_SUPPORT',
  ASSOCIATIONS_IN_DIRECTORY = 'ASSOCIATIONS_IN_DIRECTORY',
  SUBSCRIBERS_REACHED = 'SUBSCRIBERS_REACHED',
  GRANT_APPLICATIONS = 'GRANT_APPLICATIONS',
  GRANTS_AWARDED = 'GRANTS_AWARDED',
  RESERVED_HOURS = 'RESERVED_HOURS',
  SERVICE_AREAS_WITH_LIAISON_SHARE = 'SERVICE_AREAS_WITH_LIAISON_SHARE',
  ASSOCIATIONS_UPDATED_WITHIN_YEAR_SHARE = 'ASSOCIATIONS_UPDATED_WITHIN_YEAR_SHARE',
}

registerEnumType(IndicatorKind, {
  name: 'IndicatorKind',
  description: 'What an indicator judges the cooperation model by.',
  valuesConfig: {
    RESULT: { description: 'A result indicator (tulosmittari), e.g. satisfaction with grants.' },
    IMPACT: {
      description:
        'An impact indicator (vaikutusindikaattori), e.g. a stronger cooperation structure.',
    },
  },
});

registerEnumType(IndicatorSource, {
  name: 'IndicatorSource',
  description: 'Where the values of an indicator come from.',
  valuesConfig: {
    MANUAL: { description: 'Recorded by hand, e.g. a finding of interviews.' },
    SURVEY: {
      description:
        'Computed from a survey question when a value is recorded: its agreeShare, or the share choosing the counted options.',
    },
    METRIC: {
      description: "Computed from the hub's own data through the graph (IndicatorMetric).",
    },
  },
});

registerEnumType(IndicatorMetric, {
  name: 'IndicatorMetric',
  description:
    "Figures computed from the hub's own data, for a calendar year, each read through the graph from the subgraph that owns it.",
  valuesConfig: {
    ASSOCIATION_EVENINGS: { description: 'Association evenings held (events: SCHEDULED).' },
    ASSOCIATION_EVENING_PARTICIPANTS: {
      description:
        'People enrolled to association evenings (events: eventStatistics.participants).',
    },
    ASSOCIATION_EVENING_ATTENDEES: {
      description:
        'People who came to association evenings, as their organisers recorded it: head counts, else the marked sign-ups (events: eventStatistics.came).',
    },
    ASSOCIATION_EVENING_ASSOCIATIONS: {
      description:
        'Associations taking part in association evenings, enrolled or organising, each once (events).',
    },
    EVENTS_WITH_CITY_SUPPORT: {
      description:
        'Events of the year that the city supported with a space, equipment or a grant through a support request (events: eventStatistics.withCitySupport).',
    },
    ASSOCIATIONS_IN_DIRECTORY: {
      description: 'Active associations in the directory when recorded (associations).',
    },
    SUBSCRIBERS_REACHED: {
      description:
        'Confirmed e-mail subscribers announcements reach, when recorded (communications: subscribersReached).',
    },
    GRANT_APPLICATIONS: { description: 'Grant applications for the year (grants).' },
    GRANTS_AWARDED: { description: 'Grants awarded for the year (grants).' },
    RESERVED_HOURS: {
      description:
        "Hours of the city's spaces reserved by associations, confirmed (facilities: reservationStatistics).",
    },
    SERVICE_AREAS_WITH_LIAISON_SHARE: {
      description:
        'Share of service areas that name at least one liaison, when recorded (associations).',
    },
    ASSOCIATIONS_UPDATED_WITHIN_YEAR_SHARE: {
      description:
        'Share of active associations whose details or contacts changed within the year before recording (associations).',
    },
  },
});
