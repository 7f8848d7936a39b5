import type { SubgraphDefinition } from '../core/subgraph';
import { facilitiesReferenceResolvers } from './facilities.reference';
import { BookingBridge } from './booking/booking-bridge';
import { BookingSyncService, startSyncJob } from './booking/booking-sync.service';
import { createFacilitiesContext, type FacilitiesContext } from './facilities.context';
import { EquipmentItem, EquipmentReservation } from './equipment/equipment.entity';
import {
  EquipmentItemResolver,
  EquipmentReservationResolver,
} from './equipment/equipment.resolver';
import { Facility } from './facility/facility.entity';
import { FacilityAdminResolver } from './facility/facility-admin.resolver';
import { FacilityResolver, ServiceAreaFacilitiesResolver } from './facility/facility.resolver';
import { Initial1763800000000 } from './migrations/1763800000000-initial';
import { Bookings1764000000000 } from './migrations/1764000000000-bookings';
import { ClaimsInOrder1765000000000 } from './migrations/1765000000000-claims-in-order';
import { EditVersions1768000000000 } from './migrations/1768000000000-edit-versions';
import { EventHolds1768100000000 } from './migrations/1768100000000-event-holds';
import { FacilitiesSupportConsumer } from './support/support.consumer';
import { SupportLedger1768300000000 } from './migrations/1768300000000-support-ledger';
import { startLapsedHoldSweep, VenueHoldConsumer } from './space/venue-hold.consumer';
import { VenueHoldResolver } from './space/venue-hold.resolver';
import { InKindSupport1769000000000 } from './migrations/1769000000000-in-kind-support';
import { InKindSupport } from './in-kind/in-kind.types';
import { InKindResolver } from './in-kind/in-kind.resolver';
import { EventHoldClaims1768900000000 } from './migrations/1768900000000-event-hold-claims';
import { CONSUMERS } from '../core/domain-events';
import { Reservation } from './reservation/reservation.entity';
import { ReservationStatisticsResolver } from './statistics/reservation-statistics.resolver';
import {
  AssociationReservationsResolver,
  ReservationResolver,
} from './reservation/reservation.resolver';
import { CalendarRef } from './refs/calendar.ref';
import { BookingSeason, SeasonApplication } from './season/season.entity';
import {
  BookingSeasonResolver,
  CalendarSeasonsResolver,
  SeasonApplicationResolver,
} from './season/season.resolver';
import { Space } from './space/space.entity';
import { BlockedTime } from './space/blocked-time.entity';
import { SpaceAdminResolver } from './space/space-admin.resolver';
import { SpaceResolver } from './space/space.resolver';
import { PersonalData1769100000000 } from './migrations/1769100000000-personal-data';
import { FacilitiesPersonalDataResolver } from './privacy/personal-data.records';

/**
 * Buildings, bookable spaces, reservations and the bridge to the city's booking systems.
 * `bridge` holds the connected booking systems; without one the hub is the record.
 */
export function createFacilitiesSubgraph(
  bridge: BookingBridge = BookingBridge.none(),
  sync: { intervalMs: number; daysAhead: number } = { intervalMs: 0, daysAhead: 180 },
): SubgraphDefinition<FacilitiesContext> {
  return {
    name: 'facilities',
    schema: 'facilities',
    entities: [
      Facility,
      Space,
      Reservation,
      BookingSeason,
      SeasonApplication,
      EquipmentItem,
      EquipmentReservation,
      BlockedTime,
    ],
    // Reached only through _entities until the events subgraph adds `calendar(year:)`.
    // Reached only through `_entities`: the grants subgraph's `Association.support` names it.
    orphanedTypes: [CalendarRef, InKindSupport],
    migrations: [
      Initial1763800000000,
      Bookings1764000000000,
      ClaimsInOrder1765000000000,
      EditVersions1768000000000,
      EventHolds1768100000000,
      SupportLedger1768300000000,
      EventHoldClaims1768900000000,
      InKindSupport1769000000000,
      PersonalData1769100000000,
    ],
    resolvers: [
      FacilityResolver,
      InKindResolver,
      ReservationStatisticsResolver,
      FacilityAdminResolver,
      ServiceAreaFacilitiesResolver,
      SpaceResolver,
      SpaceAdminResolver,
      VenueHoldResolver,
      ReservationResolver,
      AssociationReservationsResolver,
      BookingSeasonResolver,
      SeasonApplicationResolver,
      CalendarSeasonsResolver,
      EquipmentItemResolver,
      EquipmentReservationResolver,
      FacilitiesPersonalDataResolver,
    ],
    referenceResolvers: facilitiesReferenceResolvers,
    createContext: (db, identity, shared) => createFacilitiesContext(db, identity, shared, bridge),
    startJobs: (db, log, shared, warn) => {
      const syncJob =
        sync.intervalMs > 0 && bridge.configured().length > 0
          ? startSyncJob(new BookingSyncService(db, bridge, shared.events), { ...sync, log })
          : { stop: () => Promise.resolve() };
      // Events at city spaces hold them: kept in step with the events subgraph's changes.
      const holds = new VenueHoldConsumer(db, shared.graph, shared.events);
      // The space and equipment parts of events' support requests.
      const support = new FacilitiesSupportConsumer(db, shared, bridge);
      const ready = Promise.all([
        shared.events.consume(CONSUMERS.venueHolds, (message) => holds.handle(message)),
        shared.events.consume(CONSUMERS.supportInFacilities, (message) => support.handle(message)),
      ])
        .then(() => undefined)
        .catch((error: Error) =>
          warn(`facilities: domain event consumers did not start: ${error.message}`),
        );
      const sweep = startLapsedHoldSweep(db, shared.events, warn);
      return {
        ready,
        stop: () => Promise.all([syncJob.stop(), sweep.stop()]).then(() => undefined),
      };
    },
  };
}

export const facilitiesSubgraph = createFacilitiesSubgraph();
