import { personalDataMigration } from '../../core/personal-data/personal-data.migration';

/**
 * Personal data across the federation (issue 33, part 3): the log of GDPR requests.
 * Subscriptions and announcements found by the subject who made them (subscriptions to an
 * address have an index already); and, for retention, those never confirmed, by age.
 */
export const PersonalData1769100000000 = personalDataMigration('communications', {
  subscription_created_by_idx: 'subscription (created_by) WHERE created_by IS NOT NULL',
  announcement_created_by_idx: 'announcement (created_by)',
  subscription_unconfirmed_idx:
    'subscription (created_at) WHERE confirmed_at IS NULL AND ended_at IS NULL',
});
