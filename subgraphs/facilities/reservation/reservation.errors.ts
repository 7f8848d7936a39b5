import { ConflictError, UpstreamUnavailableError } from '../../core/errors';
import { PgErrorCode, pgErrorCode } from '../../core/database';
import {
  BookingSystemRequestError,
  BookingSystemUnavailableError,
} from '../../../integrations/booking/errors';
import type { Clash } from './reservation.repository';

/** The requested time is taken; says by what and when, in Helsinki-neutral ISO times. */
export class ReservationClashError extends ConflictError {
  constructor(field: string, clash: Clash | undefined) {
    const what = clash?.kind === 'BLOCKED' ? 'busy in the booking system' : 'already reserved';
    super(
      clash
        ? `${field}: the space is ${what} from ${clash.startsAt.toISOString()} to ${clash.endsAt.toISOString()}`
        : `${field}: the space was reserved for an overlapping time by another request`,
      {
        field,
        clash: clash
          ? {
              spaceId: clash.spaceId,
              startsAt: clash.startsAt.toISOString(),
              endsAt: clash.endsAt.toISOString(),
              kind: clash.kind,
            }
          : null,
      },
    );
  }
}

/** A booking-system failure as the client sees it: unavailable, or a refusal there. */
export function bookingSystemFailure(error: unknown, system: string): Error {
  if (error instanceof BookingSystemUnavailableError) {
    return new UpstreamUnavailableError(system, error.message);
  }
  if (
    error instanceof BookingSystemRequestError &&
    (error.status === 409 || error.status === 400)
  ) {
    return new ConflictError(`${system} refused the reservation: ${error.message}`, { system });
  }
  return error instanceof Error ? error : new Error(String(error));
}

/** Is this PostgreSQL error the double-booking exclusion constraint? */
export function isDoubleBooking(error: unknown): boolean {
  return pgErrorCode(error) === PgErrorCode.EXCLUSION_VIOLATION;
}
