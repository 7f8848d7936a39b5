import { personalDataMigration } from '../../core/personal-data/personal-data.migration';

/**
 * Personal data across the federation (issue 33, part 3): the log of GDPR requests.
 * The grant applications a person wrote and the steps of handling they took, found by
 * their token subject.
 */
export const PersonalData1769100000000 = personalDataMigration('grants', {
  grant_application_created_by_idx: 'grant_application (created_by)',
  grant_application_history_actor_idx: 'grant_application_history (actor)',
});
