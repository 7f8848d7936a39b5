import type { SubjectRecords } from '../../core/personal-data/subject-records';
import { PersonalDataDisposition } from '../../core/personal-data/personal-data.types';
import { KEPT_BY_LAW } from '../../core/personal-data/personal-data.law';
import { personalDataResolver } from '../../core/personal-data/personal-data.resolver';

const SPACE = `JOIN facilities.space s ON s.id = t.space_id`;

/**
 * What the facilities subgraph holds of a person, by their token subject: the reservations,
 * season applications and equipment loans they asked for (or cancelled) for an association.
 * Anonymised, never deleted: the booking is the association's, and its hours and prices are
 * the in-kind support figures. A decision they made as an official is kept.
 */
export const FACILITIES_PERSONAL_DATA: readonly SubjectRecords[] = [
  {
    kind: 'RESERVATION',
    table: 'facilities.reservation',
    subjectColumns: ['requested_by', 'cancelled_by'],
    joins: SPACE,
    select: `t.space_id AS "SPACE_ID", s.name->>'fi' AS "SPACE_NAME", t.association_id AS "ASSOCIATION_ID",
      t.starts_at AS "STARTS_AT", t.ends_at AS "ENDS_AT", t.status AS "STATUS", t.purpose AS "PURPOSE",
      t.attendees AS "ATTENDEES", t.created_at AS "CREATED_AT", t.cancelled_at AS "CANCELLED_AT"`,
    order: 't.created_at, t.id',
    disposition: PersonalDataDisposition.ANONYMISE,
  },
  {
    kind: 'RESERVATION_DECISION',
    table: 'facilities.reservation',
    subjectColumns: ['decided_by'],
    joins: SPACE,
    select: `t.space_id AS "SPACE_ID", s.name->>'fi' AS "SPACE_NAME", t.status AS "STATUS",
      t.decided_at AS "DECIDED_AT", t.decision_note AS "DECISION_NOTE"`,
    order: 't.decided_at, t.id',
    disposition: PersonalDataDisposition.KEEP,
    keptBecause: KEPT_BY_LAW.officialDecision,
  },
  {
    kind: 'SEASON_APPLICATION',
    table: 'facilities.season_application',
    subjectColumns: ['applied_by'],
    select: `t.season_id AS "SEASON_ID", t.association_id AS "ASSOCIATION_ID", t.purpose AS "PURPOSE",
      t.weekday AS "WEEKDAY", t.starts_at_local AS "STARTS_AT_LOCAL", t.created_at AS "CREATED_AT"`,
    order: 't.created_at, t.id',
    disposition: PersonalDataDisposition.ANONYMISE,
  },
  {
    kind: 'EQUIPMENT_RESERVATION',
    table: 'facilities.equipment_reservation',
    subjectColumns: ['requested_by'],
    joins: `JOIN facilities.equipment_item i ON i.id = t.item_id`,
    select: `t.item_id AS "ITEM_ID", i.name->>'fi' AS "ITEM_NAME", t.association_id AS "ASSOCIATION_ID",
      t.quantity AS "QUANTITY", t.starts_at AS "STARTS_AT", t.ends_at AS "ENDS_AT", t.status AS "STATUS",
      t.purpose AS "PURPOSE", t.created_at AS "CREATED_AT"`,
    order: 't.created_at, t.id',
    disposition: PersonalDataDisposition.ANONYMISE,
  },
  {
    // A space held for an event while it is written (venue holds): who held it.
    kind: 'VENUE_HOLD',
    table: 'facilities.blocked_time',
    subjectColumns: ['held_by'],
    select: `t.space_id AS "SPACE_ID", t.event_id AS "EVENT_ID", t.starts_at AS "STARTS_AT",
      t.ends_at AS "ENDS_AT", t.expires_at AS "EXPIRES_AT"`,
    order: 't.starts_at, t.id',
    disposition: PersonalDataDisposition.ANONYMISE,
  },
];

export const FacilitiesPersonalDataResolver = personalDataResolver(
  'facilities',
  'reservations, season applications and equipment loans the person asked for',
);
