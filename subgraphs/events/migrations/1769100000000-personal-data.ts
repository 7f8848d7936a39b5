import { personalDataMigration } from '../../core/personal-data/personal-data.migration';

/**
 * Personal data across the federation (issue 33, part 3): the log of GDPR requests.
 * A person's enrolments, feedback and support requests, found by their token subject.
 */
export const PersonalData1769100000000 = personalDataMigration('events', {
  enrolment_enrolled_by_idx: 'enrolment (enrolled_by)',
  feedback_respondent_idx: 'feedback (respondent)',
  support_request_requested_by_idx: 'support_request (requested_by)',
});
