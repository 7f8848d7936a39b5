import { registerEnumType } from 'type-graphql';

export enum Topic {
  GENERAL = 'GENERAL',
  GRANTS = 'GRANTS',
  SPACES = 'SPACES',
  EVENTS = 'EVENTS',
  SURVEYS = 'SURVEYS',
}

export enum AnnouncementStatus {
  DRAFT = 'DRAFT',
  SCHEDULED = 'SCHEDULED',
  PUBLISHED = 'PUBLISHED',
  WITHDRAWN = 'WITHDRAWN',
}

export enum AnnouncementLinkKind {
  EVENT = 'EVENT',
  APPLICATION_ROUND = 'APPLICATION_ROUND',
  BOOKING_SEASON = 'BOOKING_SEASON',
  SURVEY = 'SURVEY',
  GUIDE = 'GUIDE',
}

registerEnumType(Topic, {
  name: 'Topic',
  description: 'What an announcement or reminder is about; subscribers choose topics.',
  valuesConfig: {
    GENERAL: { description: 'Cooperation in general: association evenings, the model, news.' },
    GRANTS: { description: 'Grants: rounds opening and closing, rules, decisions.' },
    SPACES: { description: 'Spaces: booking seasons, new spaces, changes of use.' },
    EVENTS: { description: 'Events: joint events, sign-ups.' },
    SURVEYS: { description: 'Surveys: association surveys opening and closing.' },
  },
});

registerEnumType(AnnouncementStatus, {
  name: 'AnnouncementStatus',
  description: 'Where an announcement stands.',
  valuesConfig: {
    DRAFT: { description: 'Being written; city staff only.' },
    SCHEDULED: { description: 'Published automatically at publishAt; city staff only until then.' },
    PUBLISHED: { description: 'Public, and sent to its subscribers.' },
    WITHDRAWN: { description: 'Taken back; no longer public.' },
  },
});

registerEnumType(AnnouncementLinkKind, {
  name: 'AnnouncementLinkKind',
  description: 'What an announcement links to in the graph.',
  valuesConfig: {
    EVENT: { description: 'An event (Event.id).' },
    APPLICATION_ROUND: { description: 'A grant application round (ApplicationRound.id).' },
    BOOKING_SEASON: { description: 'A booking season (BookingSeason.id).' },
    SURVEY: { description: 'A survey (Survey.id).' },
    GUIDE: { description: 'A guide of the handbook (Guide.slug).' },
  },
});
