import type { DomainEventBus } from '../../core/domain-events';
import type { SupportOrigin } from '../../core/event-support';
import { reservationEvent } from './reservation.events';
import { checkPeriod } from '../../core/validation';
import type { FacilitiesData } from '../facilities.repositories';
import { type AssociationDirectory, requireAssociations } from '../../core/association-directory';
import {
  associationScope,
  isCityStaff,
  representsAssociation,
  requireThat,
  worksInServiceArea,
} from '../../core/authorization';
import type { ConnectionResult } from '../../core/connection';
import { ConflictError, NotFoundError, UpstreamUnavailableError } from '../../core/errors';
import type { Identity } from '../../core/identity';
import { requireUuid } from '../../core/ids';
import { Validator } from '../../core/validation';
import type { BookingBridge } from '../booking/booking-bridge';
import type { FacilitiesLoaders } from '../facilities.loaders';
import type { Space } from '../space/space.entity';
import { BookingSystemKind } from '../space/space.enums';
import type { Reservation } from './reservation.entity';
import { ReservationClashError, bookingSystemFailure, isDoubleBooking } from './reservation.errors';
import { ReservationDecision, ReservationOrder, ReservationStatus } from './reservation.enums';
import type {
  AssociationReservationsArgs,
  DecideReservationInput,
  RequestReservationInput,
  ReservationsArgs,
} from './reservation.inputs';
import { checkBookingRules } from './reservation.rules';

const ACTIVE = [ReservationStatus.REQUESTED, ReservationStatus.CONFIRMED];

/**
 * Reservations of spaces: who may ask, decide and cancel, and the rules a request must
 * meet. Double booking is refused by PostgreSQL's exclusion constraint; this service turns
 * that refusal into a CONFLICT that names the clash.
 */
export class ReservationService {
  constructor(
    private readonly data: FacilitiesData,
    private readonly loaders: FacilitiesLoaders,
    private readonly identity: Identity,
    private readonly associations: AssociationDirectory,
    private readonly bridge: BookingBridge,
    private readonly events: DomainEventBus,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Reservations are the association's business: its representatives and city staff. */
  maySee(associationId: string): boolean {
    return isCityStaff(this.identity) || representsAssociation(this.identity, associationId);
  }

  async reservation(id: string): Promise<Reservation | null> {
    const reservation = await this.loaders.reservation.load(requireUuid('id', id));
    return reservation && this.maySee(reservation.associationId) ? reservation : null;
  }

  async spaceOf(reservation: Reservation): Promise<Space> {
    const space = await this.loaders.space.load(reservation.spaceId);
    if (!space) throw new NotFoundError('Space', reservation.spaceId);
    return space;
  }

  /**
   * TIMMI takes no bookings from outside: staff must enter a request there by hand, also
   * one they already confirmed in the hub, until a sync finds it there and links it.
   */
  async awaitingEntryInBookingSystem(reservation: Reservation): Promise<boolean> {
    if (!ACTIVE.includes(reservation.status) || reservation.externalId) return false;
    return (await this.spaceOf(reservation)).bookingSystem === BookingSystemKind.TIMMI;
  }

  list(args: ReservationsArgs): Promise<ConnectionResult<Reservation>> {
    const filter = args.filter ?? {};
    const v = new Validator();
    const requested = v.ids('filter.associationIds', filter.associationIds);
    const spaceIds = v.ids('filter.spaceIds', filter.spaceIds);
    const serviceAreaIds = v.ids('filter.serviceAreaIds', filter.serviceAreaIds);
    v.throwIfInvalid();
    checkPeriod('filter', filter);
    const associationIds = associationScope(this.identity, requested, 'reservations');
    return this.data.repositories.reservations.page(
      {
        ...filter,
        associationIds,
        spaceIds,
        serviceAreaIds,
        statuses: filter.statuses ?? undefined,
      },
      args.orderBy ?? ReservationOrder.STARTS_AT,
      args,
    );
  }

  ofAssociation(
    associationId: string,
    args: AssociationReservationsArgs,
  ): Promise<ConnectionResult<Reservation>> {
    requireThat(
      this.identity,
      this.maySee(associationId),
      `reading reservations of ${associationId}`,
    );
    return this.data.repositories.reservations.page(
      { associationIds: [associationId], statuses: args.statuses ?? undefined, from: args.from },
      args.orderBy ?? ReservationOrder.STARTS_AT,
      args,
    );
  }

  /**
   * `origin`: the reservation is a part of an event's support request, made by its
   * consumer (facilities' support.consumer.ts) as the requester would; the event's own hold
   * on the space is then no clash.
   */
  async request(input: RequestReservationInput, origin?: SupportOrigin): Promise<Reservation> {
    const v = new Validator();
    const spaceId = v.ids('input.spaceId', [input.spaceId])?.[0];
    const associationId = v.ids('input.associationId', [input.associationId])?.[0];
    const purpose = v.text('input.purpose', input.purpose, { max: 500, required: true });
    const attendees = v.int('input.attendees', input.attendees, { min: 1, max: 100_000 });
    v.throwIfInvalid();
    requireThat(
      this.identity,
      representsAssociation(this.identity, associationId!),
      `requesting reservations for association ${associationId} (only its representatives may)`,
    );
    await requireAssociations(this.associations, [associationId!]);
    const space = await this.loaders.space.load(spaceId!);
    if (!space) throw new NotFoundError('Space', spaceId!);
    const [hours, exceptions] = await Promise.all([
      this.loaders.openingHoursOfFacility.load(space.facilityId),
      this.loaders.openingExceptionsOfFacility.load(space.facilityId),
    ]);
    checkBookingRules(v, space, { ...input, attendees }, { hours, exceptions }, this.now());
    v.throwIfInvalid();

    const system = this.bridge.systemOf(space);
    if (system?.acceptsReservations && system.breaker?.isOpen) {
      // Fail fast and say so, rather than hold a transaction open on a system that is down.
      throw new UpstreamUnavailableError(
        system.kind,
        'recent calls failed; try again in a few minutes',
      );
    }
    let id: string;
    try {
      id = await this.data.transaction(
        async ({ reservations: repository, venueHolds }, connection) => {
          // An event's pending hold that lapsed (the event was never written) claims nothing.
          await venueHolds.dropLapsed(space.id, this.now());
          // Busy times from a booking system are not in the exclusion constraint (the next
          // sync may bring our own request back from there); they are checked here.
          const blocked = (
            await repository.clashes(space.id, input.startsAt, input.endsAt, {
              eventId: origin?.eventId,
            })
          ).find((c) => c.kind === 'BLOCKED');
          if (blocked) throw new ReservationClashError('input.startsAt', blocked);
          const newId = await repository.insert({
            spaceId: space.id,
            associationId: associationId!,
            requestedBy: this.identity.subject ?? 'unknown',
            startsAt: input.startsAt,
            endsAt: input.endsAt,
            purpose: purpose!,
            attendees: attendees ?? null,
            forEventId: origin?.eventId ?? null,
          });
          if (system?.acceptsReservations) {
            // The hub holds the time first, then asks the system of record; if it says no or
            // cannot be reached, the transaction rolls back and nothing is kept.
            const submitted = await system
              .submitReservation({
                resourceId: space.externalId ?? '',
                startsAt: input.startsAt,
                endsAt: input.endsAt,
                purpose: purpose!,
                attendees: attendees ?? null,
                reserverName: associationId!,
              })
              .catch((error: unknown) => {
                throw bookingSystemFailure(error, system.kind);
              });
            await repository.setExternal(
              newId,
              submitted.externalId,
              submitted.status as ReservationStatus,
            );
          }
          await origin?.made(connection, newId);
          return newId;
        },
      );
    } catch (error) {
      if (isDoubleBooking(error)) {
        const clash = (
          await this.data.repositories.reservations.clashes(space.id, input.startsAt, input.endsAt)
        )[0];
        throw new ReservationClashError('input.startsAt', clash);
      }
      throw error;
    }
    return this.fresh(id);
  }

  async decide(input: DecideReservationInput): Promise<Reservation> {
    const reservation = await this.existing(requireUuid('input.id', input.id));
    const space = await this.spaceOf(reservation);
    const facility = await this.loaders.facility.load(space.facilityId);
    requireThat(
      this.identity,
      facility?.serviceAreaId != null && worksInServiceArea(this.identity, facility.serviceAreaId),
      `deciding reservations of ${space.name.fi ?? space.id} (staff of the service area that owns the facility)`,
    );
    const v = new Validator();
    const note = v.text('input.note', input.note, { max: 1000 });
    if (input.decision === ReservationDecision.REJECT && !note) {
      v.problem('input.note', 'REQUIRED', 'say why when rejecting a reservation');
    }
    this.requireStatus(v, 'input.id', reservation, [ReservationStatus.REQUESTED], input.decision);
    if (this.bridge.systemOf(space)?.acceptsReservations) {
      v.problem(
        'input.id',
        'DECIDED_IN_BOOKING_SYSTEM',
        `this space's reservations are decided in ${space.bookingSystem}; the next sync brings the decision here`,
      );
    }
    v.throwIfInvalid();
    const to =
      input.decision === ReservationDecision.CONFIRM
        ? ReservationStatus.CONFIRMED
        : ReservationStatus.REJECTED;
    // The decision and the event that tells the association are one transaction.
    const moved = await this.data.transaction(
      async ({ reservations, supportLedger }, connection) => {
        const done = await reservations.transition(
          reservation.id,
          [ReservationStatus.REQUESTED],
          to,
          {
            decisionNote: note ?? null,
            decidedBy: this.identity.subject ?? 'unknown',
          },
        );
        if (done) {
          await this.events.record(
            connection,
            reservationEvent(
              'reservation.decided',
              reservation,
              space,
              facility,
              to,
              note ?? null,
              this.now(),
              await supportLedger.partOf(reservation.id),
            ),
          );
        }
        return done;
      },
    );
    if (!moved) {
      throw new ConflictError(
        'input.id: the reservation was decided or cancelled by someone else meanwhile; reload it',
        { field: 'input.id' },
      );
    }
    this.events.wake();
    return this.fresh(reservation.id);
  }

  async cancel(idArg: string): Promise<Reservation> {
    const reservation = await this.existing(requireUuid('id', idArg));
    const space = await this.spaceOf(reservation);
    const facility = await this.loaders.facility.load(space.facilityId);
    requireThat(
      this.identity,
      representsAssociation(this.identity, reservation.associationId) ||
        (facility?.serviceAreaId != null &&
          worksInServiceArea(this.identity, facility.serviceAreaId)),
      `cancelling reservation ${reservation.id} (the association's representatives or the facility's staff)`,
    );
    const v = new Validator();
    this.requireStatus(v, 'id', reservation, ACTIVE, 'CANCEL');
    v.throwIfInvalid();
    const system = this.bridge.systemOf(space);
    if (system?.acceptsReservations && reservation.externalId) {
      // Cancelled there first: if the system is down, nothing changes here either.
      await system.cancelReservation(reservation.externalId).catch((error: unknown) => {
        throw bookingSystemFailure(error, system.kind);
      });
    }
    const moved = await this.data.transaction(
      async ({ reservations, supportLedger }, connection) => {
        const done = await reservations.transition(
          reservation.id,
          ACTIVE,
          ReservationStatus.CANCELLED,
          {
            cancelledBy: this.identity.subject ?? 'unknown',
          },
        );
        if (done) {
          await this.events.record(
            connection,
            reservationEvent(
              'reservation.cancelled',
              reservation,
              space,
              facility,
              ReservationStatus.CANCELLED,
              null,
              this.now(),
              await supportLedger.partOf(reservation.id),
            ),
          );
        }
        return done;
      },
    );
    if (!moved) {
      throw new ConflictError('id: the reservation changed meanwhile; reload it', { field: 'id' });
    }
    this.events.wake();
    return this.fresh(reservation.id);
  }

  private requireStatus(
    v: Validator,
    field: string,
    reservation: Reservation,
    from: readonly ReservationStatus[],
    action: string,
  ): void {
    if (!from.includes(reservation.status)) {
      v.problem(
        field,
        'STATUS_TRANSITION',
        `a ${reservation.status} reservation cannot be given ${action}; only ${from.join(' or ')} ones can`,
      );
    }
  }

  /** The reservation, or NOT_FOUND also when the caller may not see it (no existence leak). */
  private async existing(id: string): Promise<Reservation> {
    const reservation = await this.loaders.reservation.load(id);
    if (!reservation || !this.maySee(reservation.associationId)) {
      throw new NotFoundError('Reservation', id);
    }
    return reservation;
  }

  private async fresh(id: string): Promise<Reservation> {
    this.loaders.reservation.clear(id);
    const reservation = await this.loaders.reservation.load(id);
    if (!reservation) throw new NotFoundError('Reservation', id);
    return reservation;
  }
}
