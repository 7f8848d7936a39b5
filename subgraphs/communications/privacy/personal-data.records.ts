import type { SubjectRecords } from '../../core/personal-data/subject-records';
import { PersonalDataDisposition } from '../../core/personal-data/personal-data.types';
import { personalDataResolver } from '../../core/personal-data/personal-data.resolver';
import { KEPT_BY_LAW } from '../../core/personal-data/personal-data.law';
import {
  CANCEL_PENDING_DELIVERIES,
  endedSubscription,
} from '../subscription/subscription.repository';

/**
 * What the communications subgraph holds of a person: subscriptions to their address, and
 * those they made signed in. Erasure ends them as unsubscribing does (subscription.repository
 * `end`): the address and every token go, pending mails are cancelled, and the row stays
 * only so the delivery log keeps its shape and the subscriber counts their history.
 */
export const COMMUNICATIONS_PERSONAL_DATA: readonly SubjectRecords[] = [
  {
    kind: 'SUBSCRIPTION',
    table: 'communications.subscription',
    subjectColumns: ['created_by'],
    emailColumns: ['address'],
    select: `t.channel AS "CHANNEL", t.address AS "ADDRESS", array_to_string(t.topics, ',') AS "TOPICS",
      t.everyone AS "EVERYONE", t.language AS "LANGUAGE", t.association_id AS "ASSOCIATION_ID",
      t.created_at AS "CREATED_AT", t.confirmed_at AS "CONFIRMED_AT", t.ended_at AS "ENDED_AT"`,
    order: 't.created_at, t.id',
    disposition: PersonalDataDisposition.ANONYMISE,
    alsoClear: endedSubscription('now()'),
    alsoRun: CANCEL_PENDING_DELIVERIES,
  },
  {
    // An official writes announcements as the city: a draft is theirs, one sent is the city's.
    kind: 'ANNOUNCEMENT',
    table: 'communications.announcement',
    subjectColumns: ['created_by'],
    select: `t.title->>'fi' AS "TITLE", t.topic AS "TOPIC", t.status AS "STATUS",
      t.published_at AS "PUBLISHED_AT", t.created_at AS "CREATED_AT"`,
    order: 't.created_at, t.id',
    disposition: PersonalDataDisposition.ANONYMISE,
    decide: (row) =>
      row.STATUS === 'DRAFT'
        ? { disposition: PersonalDataDisposition.ANONYMISE }
        : {
            disposition: PersonalDataDisposition.KEEP,
            keptBecause: KEPT_BY_LAW.publishedAnnouncement,
          },
  },
];

export const CommunicationsPersonalDataResolver = personalDataResolver(
  'communications',
  'subscriptions to the person’s address or made by them',
);
