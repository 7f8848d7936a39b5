import type { SubjectRecords } from '../../core/personal-data/subject-records';
import { PersonalDataDisposition } from '../../core/personal-data/personal-data.types';
import { KEPT_BY_LAW } from '../../core/personal-data/personal-data.law';
import { personalDataResolver } from '../../core/personal-data/personal-data.resolver';

/** A draft is the association's unfinished work; a submitted application is a filed document. */
function draftOrFiled(row: Record<string, unknown>) {
  return (row.APPLICATION_STATUS ?? row.STATUS) === 'DRAFT'
    ? { disposition: PersonalDataDisposition.ANONYMISE }
    : { disposition: PersonalDataDisposition.KEEP, keptBecause: KEPT_BY_LAW.grantApplication };
}

/**
 * What the grants subgraph holds of a person, by their token subject: the applications
 * they wrote for an association and each step of handling they took. A submitted one is
 * kept by law, with its history; a draft that was never submitted is anonymised.
 */
export const GRANTS_PERSONAL_DATA: readonly SubjectRecords[] = [
  {
    kind: 'GRANT_APPLICATION',
    table: 'grants.grant_application',
    subjectColumns: ['created_by'],
    select: `t.round_id AS "ROUND_ID", t.association_id AS "ASSOCIATION_ID", t.title AS "TITLE",
      t.requested_amount AS "REQUESTED_AMOUNT", t.status AS "STATUS", t.awarded_amount AS "AWARDED_AMOUNT",
      t.submitted_at AS "SUBMITTED_AT", t.decided_at AS "DECIDED_AT", t.created_at AS "CREATED_AT"`,
    order: 't.created_at, t.id',
    disposition: PersonalDataDisposition.ANONYMISE,
    decide: draftOrFiled,
  },
  {
    kind: 'GRANT_APPLICATION_STEP',
    table: 'grants.grant_application_history',
    idType: 'bigint',
    subjectColumns: ['actor'],
    joins: `JOIN grants.grant_application a ON a.id = t.application_id`,
    select: `t.application_id AS "APPLICATION_ID", t.from_status AS "FROM_STATUS", t.to_status AS "TO_STATUS",
      t.actor_role AS "ACTOR_ROLE", t.note AS "NOTE", t.at AS "AT", a.status AS "APPLICATION_STATUS"`,
    order: 't.id',
    disposition: PersonalDataDisposition.ANONYMISE,
    decide: draftOrFiled,
  },
];

export const GrantsPersonalDataResolver = personalDataResolver(
  'grants',
  'grant applications the person wrote and the steps of handling they took',
);
