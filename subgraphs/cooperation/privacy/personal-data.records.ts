import type { SubjectRecords } from '../../core/personal-data/subject-records';
import { PersonalDataDisposition } from '../../core/personal-data/personal-data.types';
import { personalDataResolver } from '../../core/personal-data/personal-data.resolver';

/**
 * What the cooperation subgraph holds of a person: their answers to staff surveys that are
 * not anonymous (an anonymous survey's key is a salted hash that names no one), by their
 * token subject; and their working-group memberships, by address. Both anonymised: the
 * answers stay in the survey's results and indicators, the seat stays in the group.
 */
export const COOPERATION_PERSONAL_DATA: readonly SubjectRecords[] = [
  {
    kind: 'SURVEY_RESPONSE',
    table: 'cooperation.survey_response',
    subjectColumns: ['respondent_key'],
    // A staff member's own answer (survey-response.service.ts); an association's is the association's.
    subjectPrefix: 'staff:',
    joins: `JOIN cooperation.survey s ON s.id = t.survey_id`,
    where: 'NOT s.anonymous',
    select: `t.survey_id AS "SURVEY_ID", s.title->>'fi' AS "SURVEY_TITLE", t.submitted_at AS "SUBMITTED_AT",
      (SELECT string_agg(
                (q.position + 1) || '. ' || (q.text->>'fi') || ': ' ||
                coalesce(a.text, a.choice::text, array_to_string(a.choices, ','), ''),
                E'\\n' ORDER BY q.position)
         FROM cooperation.survey_answer a
         JOIN cooperation.survey_question q ON q.id = a.question_id
        WHERE a.response_id = t.id) AS "ANSWERS"`,
    order: 't.submitted_at, t.id',
    disposition: PersonalDataDisposition.ANONYMISE,
  },
  {
    kind: 'WORKING_GROUP_MEMBER',
    table: 'cooperation.working_group_member',
    emailColumns: ['email'],
    joins: `JOIN cooperation.working_group g ON g.id = t.working_group_id`,
    select: `t.working_group_id AS "WORKING_GROUP_ID", g.name->>'fi' AS "WORKING_GROUP_NAME", t.name AS "NAME",
      t.role AS "ROLE", t.association_id AS "ASSOCIATION_ID", t.email AS "EMAIL", t.phone AS "PHONE",
      t.is_public AS "IS_PUBLIC", t.created_at AS "CREATED_AT"`,
    order: 't.created_at, t.id',
    disposition: PersonalDataDisposition.ANONYMISE,
    // The seat and its role stay (the group's size and make-up); who held it goes.
    alsoClear: `name = '(poistettu)', email = NULL, phone = NULL, is_public = false`,
  },
];

export const CooperationPersonalDataResolver = personalDataResolver(
  'cooperation',
  'answers to staff surveys that are not anonymous, and working-group memberships',
);
