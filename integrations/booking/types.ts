/**
 * What the hub needs from a booking system (the city's system of record for reservations),
 * whatever the system is. The facilities subgraph depends on this interface only; each
 * adapter (timmi, respa, ics) speaks its own protocol behind it.
 */
export type BookingSystemKind = 'TIMMI' | 'RESPA' | 'ICS';

/** Text as booking systems give it: Respa has fi/sv/en, TIMMI and ICS Finnish only. */
export interface BookingText {
  fi?: string;
  sv?: string;
  en?: string;
}

/** A bookable resource in the booking system: a room, a room part, a field. */
export interface BookingResource {
  externalId: string;
  name: BookingText;
  /** The building or unit the resource is in, as the system names it. */
  buildingName?: string;
  capacity?: number;
}

/** A time a resource is taken in the booking system. */
export interface BusyTime {
  /** Stable id of the booking in that system, so a re-sync updates instead of duplicating. */
  externalId: string;
  resourceId: string;
  startsAt: Date;
  endsAt: Date;
  /** Free text from the system (an event name); never personal data we show publicly. */
  title?: string;
}

export type ExternalReservationStatus = 'REQUESTED' | 'CONFIRMED' | 'REJECTED' | 'CANCELLED';

export interface ReservationRequest {
  resourceId: string;
  startsAt: Date;
  endsAt: Date;
  purpose: string;
  attendees?: number | null;
  /** The association's name, shown to the system's staff. */
  reserverName: string;
}

export interface SubmittedReservation {
  externalId: string;
  status: ExternalReservationStatus;
}

export interface BookingSystem {
  readonly kind: BookingSystemKind;
  /**
   * False for systems that take no bookings from outside (TIMMI's public calendar, an ICS
   * feed): requests stay in the hub and staff enter them into the system by hand.
   */
  readonly acceptsReservations: boolean;
  listResources(): Promise<BookingResource[]>;
  /** Bookings of the given resources that overlap [from, to). */
  busyTimes(resourceIds: readonly string[], from: Date, to: Date): Promise<BusyTime[]>;
  submitReservation(request: ReservationRequest): Promise<SubmittedReservation>;
  cancelReservation(externalId: string): Promise<void>;
  reservationStatus(externalId: string): Promise<ExternalReservationStatus>;
  /**
   * Why staff may not link a space to this id, or null when they may: for systems whose id
   * is a URL the hub will fetch (an ICS feed), the outbound policy's verdict, given when the
   * link is made rather than only at the next sync.
   */
  externalIdProblem?(externalId: string): Promise<string | null>;
}
