import { personalDataMigration } from '../../core/personal-data/personal-data.migration';

/**
 * Personal data across the federation (issue 33, part 3): the log of GDPR requests.
 * A staff member's survey answers, by token subject, and working-group members, by address.
 */
export const PersonalData1769100000000 = personalDataMigration('cooperation', {
  survey_response_respondent_idx: 'survey_response (respondent_key)',
  working_group_member_email_idx: 'working_group_member (lower(email)) WHERE email IS NOT NULL',
});
