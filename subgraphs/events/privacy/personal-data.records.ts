import type { SubjectRecords } from '../../core/personal-data/subject-records';
import { PersonalDataDisposition } from '../../core/personal-data/personal-data.types';
import { personalDataResolver } from '../../core/personal-data/personal-data.resolver';

const EVENT = `JOIN events.event e ON e.id = t.event_id`;

/**
 * What the events subgraph holds of a person, by their token subject: the enrolments they
 * made for an association, their feedback, support they asked for, attendance they recorded
 * and series of events they made. All anonymised, never deleted: the association's enrolment, the rating and the
 * request are the cooperation's figures (attendance, average ratings, support given).
 */
export const EVENTS_PERSONAL_DATA: readonly SubjectRecords[] = [
  {
    kind: 'ENROLMENT',
    table: 'events.enrolment',
    subjectColumns: ['enrolled_by'],
    joins: EVENT,
    select: `t.event_id AS "EVENT_ID", e.title->>'fi' AS "EVENT_TITLE", e.starts_at AS "EVENT_STARTS_AT",
      t.association_id AS "ASSOCIATION_ID", t.people AS "PEOPLE", t.status AS "STATUS",
      t.attended_people AS "ATTENDED_PEOPLE", t.created_at AS "CREATED_AT"`,
    order: 't.created_at, t.id',
    disposition: PersonalDataDisposition.ANONYMISE,
  },
  {
    kind: 'FEEDBACK',
    table: 'events.feedback',
    subjectColumns: ['respondent'],
    joins: EVENT,
    select: `t.event_id AS "EVENT_ID", e.title->>'fi' AS "EVENT_TITLE", t.respondent_role AS "RESPONDENT_ROLE",
      t.association_id AS "ASSOCIATION_ID", t.rating AS "RATING", t.comment AS "COMMENT",
      t.created_at AS "CREATED_AT"`,
    order: 't.created_at, t.id',
    disposition: PersonalDataDisposition.ANONYMISE,
    // The comment is the person's own words; the rating stays in the event's average.
    alsoClear: 'comment = NULL',
  },
  {
    kind: 'EVENT_SUPPORT_REQUEST',
    table: 'events.support_request',
    subjectColumns: ['requested_by', 'cancelled_by'],
    joins: EVENT,
    select: `t.event_id AS "EVENT_ID", e.title->>'fi' AS "EVENT_TITLE", t.association_id AS "ASSOCIATION_ID",
      t.message AS "MESSAGE", t.created_at AS "CREATED_AT", t.cancelled_at AS "CANCELLED_AT"`,
    order: 't.created_at, t.id',
    disposition: PersonalDataDisposition.ANONYMISE,
  },
  {
    // Who recorded who came: the head count and the attendance stay.
    kind: 'ATTENDANCE_RECORD',
    table: 'events.event',
    subjectColumns: ['attendance_recorded_by'],
    select: `t.title->>'fi' AS "EVENT_TITLE", t.starts_at AS "EVENT_STARTS_AT",
      t.head_count AS "HEAD_COUNT", t.attendance_recorded_at AS "RECORDED_AT"`,
    order: 't.attendance_recorded_at, t.id',
    disposition: PersonalDataDisposition.ANONYMISE,
  },
  {
    kind: 'EVENT_SERIES',
    table: 'events.event_series',
    subjectColumns: ['created_by'],
    select: `t.frequency AS "FREQUENCY", t."interval" AS "INTERVAL", t.occurrences AS "OCCURRENCES",
      t.created_at AS "CREATED_AT"`,
    order: 't.created_at, t.id',
    disposition: PersonalDataDisposition.ANONYMISE,
  },
];

export const EventsPersonalDataResolver = personalDataResolver(
  'events',
  'enrolments, feedback and support requests made by the person',
);
