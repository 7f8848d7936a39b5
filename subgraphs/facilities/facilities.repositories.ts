import type { Connection } from '../core/data';
import { SupportLedger } from '../core/support-ledger';
import { EquipmentRepository } from './equipment/equipment.repository';
import { FacilityAdminRepository } from './facility/facility-admin.repository';
import { FacilityRepository } from './facility/facility.repository';
import { InKindRepository } from './in-kind/in-kind.repository';
import { ReservationRepository } from './reservation/reservation.repository';
import { ReservationStatisticsRepository } from './statistics/reservation-statistics.repository';
import { SeasonRepository } from './season/season.repository';
import { SpaceAdminRepository } from './space/space-admin.repository';
import { SpaceRepository } from './space/space.repository';
import { VenueHoldRepository } from './space/venue-hold.repository';

/** Every repository of the facilities subgraph, on one connection (the pool or a transaction). */
export function createFacilitiesRepositories(connection: Connection) {
  return {
    facilities: new FacilityRepository(connection),
    facilityAdmin: new FacilityAdminRepository(connection),
    spaces: new SpaceRepository(connection),
    spaceAdmin: new SpaceAdminRepository(connection),
    reservations: new ReservationRepository(connection),
    seasons: new SeasonRepository(connection),
    equipment: new EquipmentRepository(connection),
    reservationStatistics: new ReservationStatisticsRepository(connection),
    venueHolds: new VenueHoldRepository(connection),
    supportLedger: new SupportLedger(connection, 'facilities'),
    inKind: new InKindRepository(connection),
  };
}

export type FacilitiesRepositories = ReturnType<typeof createFacilitiesRepositories>;
export type FacilitiesData = import('../core/data').Data<FacilitiesRepositories>;
