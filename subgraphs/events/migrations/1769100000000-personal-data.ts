import { personalDataMigration } from '../../core/personal-data/personal-data.migration';

/**
 * Personal data across the federation (issue 33, part 3): the log of GDPR requests.
 * A person's enrolments, feedback, support requests, attendance records and event series,
 * found by their token subject: every column that may name them has an index.
 */
export const PersonalData1769100000000 = personalDataMigration('events', {
  enrolment_enrolled_by_idx: 'enrolment (enrolled_by)',
  feedback_respondent_idx: 'feedback (respondent)',
  support_request_requested_by_idx: 'support_request (requested_by)',
  support_request_cancelled_by_idx: 'support_request (cancelled_by) WHERE cancelled_by IS NOT NULL',
  event_attendance_recorded_by_idx:
    'event (attendance_recorded_by) WHERE attendance_recorded_by IS NOT NULL',
  event_series_created_by_idx: 'event_series (created_by)',
});
