import { registerEnumType } from 'type-graphql';

export enum EventKind {
  ASSOCIATION_EVENING = 'ASSOCIATION_EVENING',
  FORUM = 'FORUM',
  EVENT_INFO = 'EVENT_INFO',
  WORKING_GROUP = 'WORKING_GROUP',
  WORKSHOP = 'WORKSHOP',
  JOINT_EVENT = 'JOINT_EVENT',
  COMMUNITY_EVENT = 'COMMUNITY_EVENT',
}

export enum EventStatus {
  DRAFT = 'DRAFT',
  SCHEDULED = 'SCHEDULED',
  POSTPONED = 'POSTPONED',
  CANCELLED = 'CANCELLED',
}

registerEnumType(EventKind, {
  name: 'EventKind',
  description: 'The kinds of meeting and event in city–association cooperation.',
  valuesConfig: {
    ASSOCIATION_EVENING: {
      description: 'Open evening for all associations, about twice a year (yhdistysilta).',
    },
    FORUM: {
      description: 'Associations, officials and elected officials together (järjestöfoorumi).',
    },
    EVENT_INFO: { description: 'How to organise events with the city (tapahtumainfo).' },
    WORKING_GROUP: { description: 'A themed working group meeting (työryhmä).' },
    WORKSHOP: { description: 'A workshop, e.g. for the welfare report.' },
    JOINT_EVENT: {
      description: 'An event the city and associations organise together (yhteistapahtuma).',
    },
    COMMUNITY_EVENT: { description: "An association's own event open to the public." },
  },
});

registerEnumType(EventStatus, {
  name: 'EventStatus',
  description: 'Where an event stands.',
  valuesConfig: {
    DRAFT: { description: 'Being prepared; visible to city staff only.' },
    SCHEDULED: { description: 'Published and going ahead.' },
    POSTPONED: { description: 'Moved; a new time may follow.' },
    CANCELLED: { description: 'Will not take place.' },
  },
});

export enum SeriesFrequency {
  WEEKLY = 'WEEKLY',
  MONTHLY = 'MONTHLY',
}

registerEnumType(SeriesFrequency, {
  name: 'SeriesFrequency',
  description: 'How often a recurring event repeats.',
  valuesConfig: {
    WEEKLY: { description: 'Every `interval` weeks on the same weekday.' },
    MONTHLY: {
      description:
        'Every `interval` months on the same weekday of the month (e.g. the third Wednesday).',
    },
  },
});

export enum EventGrouping {
  KIND = 'KIND',
  MONTH = 'MONTH',
  SERVICE_AREA = 'SERVICE_AREA',
}

registerEnumType(EventGrouping, {
  name: 'EventGrouping',
  description:
    'What event statistics are grouped by; several together group by their combinations.',
  valuesConfig: {
    KIND: { description: 'The kind of event.' },
    MONTH: { description: 'The Helsinki month the event starts in, "YYYY-MM".' },
    SERVICE_AREA: {
      description: 'A service area taking part (an event with several counts in each).',
    },
  },
});
