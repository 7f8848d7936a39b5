import { BadUserInputError } from '../../core/errors';
import { requireUuids } from '../../core/ids';
import { checkPeriod } from '../../core/validation';
import type { FacilitiesData } from '../facilities.repositories';
import type { ReservationGrouping } from './reservation-statistics.enums';
import type { ReservationStatisticsFilter } from './reservation-statistics.inputs';
import type { ReservationStatisticsRow } from './reservation-statistics.repository';

/** A statistics period at most ten years long: open hours are counted day by day. */
export const MAX_STATISTICS_DAYS = 3_660;

/**
 * How much the city's spaces are used by associations: confirmed reservations, their hours
 * and the associations holding them. Public: figures only, never who reserved what.
 */
export class ReservationStatisticsService {
  constructor(private readonly data: FacilitiesData) {}

  statistics(
    groupBy: readonly ReservationGrouping[],
    filter: ReservationStatisticsFilter,
  ): Promise<ReservationStatisticsRow[]> {
    if (groupBy.length > 3) {
      throw BadUserInputError.single('groupBy', 'COUNT', 'must list at most 3 groupings');
    }
    checkPeriod('filter', filter, MAX_STATISTICS_DAYS);
    return this.data.repositories.reservationStatistics.statistics(groupBy, {
      from: filter.from ?? undefined,
      to: filter.to ?? undefined,
      facilityIds: requireUuids('filter.facilityIds', filter.facilityIds),
      spaceTypes: filter.spaceTypes ?? undefined,
      serviceAreaIds: requireUuids('filter.serviceAreaIds', filter.serviceAreaIds),
    });
  }
}
