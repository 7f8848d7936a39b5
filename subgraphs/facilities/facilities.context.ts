import type { DataSource } from 'typeorm';
import type { BaseContext, SharedServices } from '../core/context';
import type { Identity } from '../core/identity';
import type { BookingBridge } from './booking/booking-bridge';
import { createFacilitiesLoaders, type FacilitiesLoaders } from './facilities.loaders';
import { EquipmentService } from './equipment/equipment.service';
import { FacilityAdminService } from './facility/facility-admin.service';
import { FacilityRepository } from './facility/facility.repository';
import { FacilityService } from './facility/facility.service';
import { ReservationService } from './reservation/reservation.service';
import { SeasonService } from './season/season.service';
import { SpaceAdminService } from './space/space-admin.service';
import { SpaceRepository } from './space/space.repository';
import { SpaceService } from './space/space.service';

export interface FacilitiesContext extends BaseContext {
  loaders: FacilitiesLoaders;
  facilities: FacilityService;
  spaces: SpaceService;
  reservations: ReservationService;
  seasons: SeasonService;
  equipment: EquipmentService;
  facilityAdmin: FacilityAdminService;
  spaceAdmin: SpaceAdminService;
}

export function createFacilitiesContext(
  db: DataSource,
  identity: Identity,
  shared: SharedServices,
  bridge: BookingBridge,
): FacilitiesContext {
  const loaders = createFacilitiesLoaders(db);
  const facilityAdmin = new FacilityAdminService(db, loaders, identity);
  return {
    identity,
    loaders,
    facilities: new FacilityService(new FacilityRepository(db), loaders),
    spaces: new SpaceService(new SpaceRepository(db), loaders, bridge),
    reservations: new ReservationService(db, loaders, identity, shared.associations, bridge),
    seasons: new SeasonService(db, loaders, identity, shared.associations),
    equipment: new EquipmentService(db, loaders, identity, shared.associations),
    facilityAdmin,
    spaceAdmin: new SpaceAdminService(db, loaders, facilityAdmin),
  };
}
