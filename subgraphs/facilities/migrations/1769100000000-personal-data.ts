import { personalDataMigration } from '../../core/personal-data/personal-data.migration';

/**
 * Personal data across the federation (issue 33, part 3): the log of GDPR requests.
 * The reservations, season applications and equipment loans a person asked for, and the
 * reservations they decided as an official, found by their token subject. Every column that
 * may name them has an index: a person's records are found by one (OR of) index scans.
 */
export const PersonalData1769100000000 = personalDataMigration('facilities', {
  reservation_requested_by_idx: 'reservation (requested_by)',
  reservation_decided_by_idx: 'reservation (decided_by) WHERE decided_by IS NOT NULL',
  reservation_cancelled_by_idx: 'reservation (cancelled_by) WHERE cancelled_by IS NOT NULL',
  blocked_time_held_by_idx: 'blocked_time (held_by) WHERE held_by IS NOT NULL',
  season_application_applied_by_idx: 'season_application (applied_by)',
  equipment_reservation_requested_by_idx: 'equipment_reservation (requested_by)',
});
