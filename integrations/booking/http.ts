import { HttpClient, type HttpOptions } from '../shared/http';
import {
  BookingSystemRequestError,
  BookingSystemResponseError,
  BookingSystemUnavailableError,
} from './errors';

export type { HttpAnswer, HttpOptions } from '../shared/http';
export type BookingHttp = HttpClient;

/**
 * The shared HTTP client speaking the booking-system error family, with the defaults every
 * booking client starts from; a deployment overrides them.
 */
export function bookingHttp(system: string, options: Partial<HttpOptions>): BookingHttp {
  return new HttpClient(
    {
      unavailable: (message) => new BookingSystemUnavailableError(system, message),
      refused: (message, status) => new BookingSystemRequestError(system, message, status),
      malformed: (message) => new BookingSystemResponseError(system, message),
    },
    {
      timeoutMs: options.timeoutMs ?? 10_000,
      retries: options.retries ?? 2,
      backoffMs: options.backoffMs ?? 500,
      sleep: options.sleep,
      outbound: options.outbound,
      resolve: options.resolve,
    },
  );
}
