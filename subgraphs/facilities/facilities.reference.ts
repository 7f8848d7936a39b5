import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { byIdStub, calendarStub } from '../core/references';
import type { FacilitiesContext } from './facilities.context';

/** How other subgraphs' references to entities here are resolved: batched per request. */
export const facilitiesReferenceResolvers: GraphQLResolverMap<FacilitiesContext> = {
  Facility: {
    __resolveReference: (ref: { id: string }, ctx: FacilitiesContext) =>
      ctx.loaders.facility.load(ref.id),
  },
  Space: {
    __resolveReference: (ref: { id: string }, ctx: FacilitiesContext) =>
      ctx.loaders.space.load(ref.id),
  },
  // Private: null for a caller who may not see it (an event's support part names it).
  Reservation: {
    __resolveReference: async (ref: { id: string }, ctx: FacilitiesContext) => {
      const reservation = await ctx.loaders.reservation.load(ref.id);
      return reservation && ctx.reservations.maySee(reservation.associationId) ? reservation : null;
    },
  },
  EquipmentReservation: {
    __resolveReference: async (ref: { id: string }, ctx: FacilitiesContext) => {
      const loan = await ctx.loaders.equipmentReservation.load(ref.id);
      return loan && ctx.equipment.maySee(loan) ? loan : null;
    },
  },
  // Any id is a valid key: an association or area with no rows here has empty lists.
  Association: byIdStub,
  ServiceArea: byIdStub,
  // The events subgraph owns the calendar; any year and area is a calendar to add seasons to.
  Calendar: calendarStub,
  // Any association and year has support, nothing when it booked nothing.
  AssociationSupport: {
    __resolveReference: (ref: { id: string }, ctx: FacilitiesContext) => ctx.inKind.byKey(ref.id),
  },
  BookingSeason: {
    __resolveReference: (ref: { id: string }, ctx: FacilitiesContext) =>
      ctx.loaders.season.load(ref.id),
  },
};
