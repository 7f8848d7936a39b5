import DataLoader from 'dataloader';
import { byIdLoader, groupLoader } from '../core/loaders';
import type { EquipmentReservation } from './equipment/equipment.entity';
import type { Commitment } from './equipment/equipment.repository';
import type { FacilitiesRepositories } from './facilities.repositories';
import type { InKindRow } from './in-kind/in-kind.repository';
import type { Interval } from './space/availability';

/**
 * Every relation of the facilities graph, batched per request: a page of spaces with their
 * facilities, opening hours, parts and availability costs the same few statements
 * whatever its length.
 */
export function createFacilitiesLoaders({
  facilities,
  spaces,
  reservations,
  seasons,
  equipment,
  inKind,
}: FacilitiesRepositories) {
  const inKindByYear = new Map<number, DataLoader<string, InKindRow | null>>();
  const commitmentsByRange = new Map<string, DataLoader<string, Commitment[]>>();
  const loansByStart = new Map<string, DataLoader<string, EquipmentReservation[]>>();
  // One loader per time range: the batch query takes the range as a parameter.
  const busyByRange = new Map<string, DataLoader<string, Interval[]>>();
  return {
    facility: byIdLoader(
      (ids) => facilities.facilitiesByIds(ids),
      (f) => f.id,
    ),
    facilitiesOfServiceArea: groupLoader(
      (ids) => facilities.facilitiesOfServiceAreas(ids),
      (f) => f.serviceAreaId ?? '',
    ),
    openingHoursOfFacility: groupLoader(
      (ids) => facilities.openingHoursOf(ids),
      (h) => h.facilityId,
    ),
    openingExceptionsOfFacility: groupLoader(
      (ids) => facilities.openingExceptionsOf(ids),
      (e) => e.facilityId,
    ),
    space: byIdLoader(
      (ids) => spaces.spacesByIds(ids),
      (s) => s.id,
    ),
    spacesOfFacility: groupLoader(
      (ids) => spaces.spacesOfFacilities(ids),
      (s) => s.facilityId,
    ),
    partsOfSpace: groupLoader(
      (ids) => spaces.partsOf(ids),
      (s) => s.parentSpaceId ?? '',
    ),
    reservation: byIdLoader(
      (ids) => reservations.reservationsByIds(ids),
      (r) => r.id,
    ),
    season: byIdLoader(
      (ids) => seasons.seasonsByIds(ids),
      (s) => s.id,
    ),
    equipmentItem: byIdLoader(
      (ids) => equipment.itemsByIds(ids),
      (e) => e.id,
    ),
    equipmentReservation: byIdLoader(
      (ids) => equipment.reservationsByIds(ids),
      (r) => r.id,
    ),
    seasonApplicationsOfAssociation: groupLoader(
      (ids) => seasons.applicationsOfAssociations(ids),
      (a) => a.associationId,
    ),
    commitmentsOfItem(from: Date, to: Date): DataLoader<string, Commitment[]> {
      const key = `${from.toISOString()}/${to.toISOString()}`;
      let loader = commitmentsByRange.get(key);
      if (!loader) {
        loader = groupLoader(
          (ids) => equipment.commitments(ids, from, to),
          (c) => c.itemId,
        );
        commitmentsByRange.set(key, loader);
      }
      return loader;
    },
    /** An association's equipment loans ending after `from` (one loader per `from`). */
    loansOfAssociation(from: Date): DataLoader<string, EquipmentReservation[]> {
      const key = from.toISOString();
      let loader = loansByStart.get(key);
      if (!loader) {
        loader = groupLoader(
          (ids) => equipment.reservationsOfAssociations(ids, from),
          (r) => r.associationId,
        );
        loansByStart.set(key, loader);
      }
      return loader;
    },
    busyOfSpace(from: Date, to: Date): DataLoader<string, Interval[]> {
      const key = `${from.toISOString()}/${to.toISOString()}`;
      let loader = busyByRange.get(key);
      if (!loader) {
        loader = groupLoader(
          (ids) => reservations.busyOfSpaces(ids, from, to),
          (b) => b.spaceId,
        );
        busyByRange.set(key, loader);
      }
      return loader;
    },
    /** Each association's support in kind in `year`: one statement per year asked. */
    inKindOfYear(year: number): DataLoader<string, InKindRow | null> {
      let loader = inKindByYear.get(year);
      if (!loader) {
        loader = byIdLoader(
          (ids) => inKind.ofYear(year, ids),
          (row) => row.associationId,
        );
        inKindByYear.set(year, loader);
      }
      return loader;
    },
  };
}
export type FacilitiesLoaders = ReturnType<typeof createFacilitiesLoaders>;
