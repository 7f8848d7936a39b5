import { BookingSystemUnsupportedError } from './errors';
import type { BookingSystemKind, ExternalReservationStatus, SubmittedReservation } from './types';

/**
 * The writing half of BookingSystem for systems that take no bookings from outside (a
 * public calendar, a feed): every write is refused, saying where it is done instead.
 */
export abstract class ReadOnlyBookingSystem {
  abstract readonly kind: BookingSystemKind;
  readonly acceptsReservations = false;

  /** Where reservations are made instead, for the refusal's message. */
  protected abstract readonly whereReservationsAreMade: string;

  submitReservation(): Promise<SubmittedReservation> {
    return this.refuse();
  }

  cancelReservation(): Promise<void> {
    return this.refuse();
  }

  reservationStatus(): Promise<ExternalReservationStatus> {
    return this.refuse();
  }

  private refuse(): Promise<never> {
    return Promise.reject(
      new BookingSystemUnsupportedError(
        this.kind,
        `takes no reservations; ${this.whereReservationsAreMade}`,
      ),
    );
  }
}
