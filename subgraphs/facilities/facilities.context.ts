import type { DataSource } from 'typeorm';
import type { BaseContext, SharedServices } from '../core/context';
import { Data } from '../core/data';
import { createFacilitiesRepositories } from './facilities.repositories';
import type { Identity } from '../core/identity';
import type { BookingBridge } from './booking/booking-bridge';
import { createFacilitiesLoaders, type FacilitiesLoaders } from './facilities.loaders';
import { EquipmentService } from './equipment/equipment.service';
import { InKindService } from './in-kind/in-kind.service';
import { FacilityAdminService } from './facility/facility-admin.service';
import { FacilityService } from './facility/facility.service';
import { ReservationService } from './reservation/reservation.service';
import { ReservationStatisticsService } from './statistics/reservation-statistics.service';
import { SeasonService } from './season/season.service';
import { SpaceAdminService } from './space/space-admin.service';
import { SpaceService } from './space/space.service';
import { VenueHoldService } from './space/venue-hold.service';
import type { PersonalDataService } from '../core/personal-data/personal-data.service';
import { subjectRecordsService } from '../core/personal-data/subject-records';
import { FACILITIES_PERSONAL_DATA } from './privacy/personal-data.records';

export interface FacilitiesContext extends BaseContext {
  loaders: FacilitiesLoaders;
  facilities: FacilityService;
  spaces: SpaceService;
  venueHolds: VenueHoldService;
  reservations: ReservationService;
  seasons: SeasonService;
  equipment: EquipmentService;
  facilityAdmin: FacilityAdminService;
  spaceAdmin: SpaceAdminService;
  reservationStatistics: ReservationStatisticsService;
  inKind: InKindService;
  personalData: PersonalDataService;
}

export function createFacilitiesContext(
  db: DataSource,
  identity: Identity,
  shared: SharedServices,
  bridge: BookingBridge,
  /** The clock of the rules that depend on it (a request not in the past): tests set it. */
  now: () => Date = () => new Date(),
): FacilitiesContext {
  const data = new Data(db, createFacilitiesRepositories);
  const loaders = createFacilitiesLoaders(data.repositories);
  const facilityAdmin = new FacilityAdminService(data, loaders, identity);
  return {
    identity,
    loaders,
    facilities: new FacilityService(data, loaders),
    spaces: new SpaceService(data, loaders, bridge),
    venueHolds: new VenueHoldService(data, loaders, identity, shared.events, now),
    reservations: new ReservationService(
      data,
      loaders,
      identity,
      shared.associations,
      bridge,
      shared.events,
      now,
    ),
    seasons: new SeasonService(data, loaders, identity, shared.associations, now),
    equipment: new EquipmentService(
      data,
      loaders,
      identity,
      shared.associations,
      shared.events,
      now,
    ),
    facilityAdmin,
    spaceAdmin: new SpaceAdminService(data, loaders, facilityAdmin, bridge),
    reservationStatistics: new ReservationStatisticsService(data),
    inKind: new InKindService(data, loaders),
    personalData: subjectRecordsService('facilities', db, identity, FACILITIES_PERSONAL_DATA),
  };
}
