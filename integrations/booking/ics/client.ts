import { BookingHttp, type HttpOptions } from '../http';
import { BookingSystemUnsupportedError } from '../errors';
import type {
  BookingResource,
  BookingSystem,
  BusyTime,
  ExternalReservationStatus,
  SubmittedReservation,
} from '../types';
import { parseBusyTimes } from './mapper';

/**
 * Busy times from any iCalendar feed (RFC 5545). A space linked to a feed has the feed's
 * URL as its external id; the feed lists when the space is taken. Feeds take no bookings:
 * requests are handled in the hub.
 */
export type IcsClientOptions = Partial<Omit<HttpOptions, 'system'>>;

export class IcsClient implements BookingSystem {
  readonly kind = 'ICS' as const;
  readonly acceptsReservations = false;
  private readonly http: BookingHttp;

  constructor(options: IcsClientOptions = {}) {
    this.http = new BookingHttp({
      system: 'ICS',
      timeoutMs: options.timeoutMs ?? 10_000,
      retries: options.retries ?? 2,
      backoffMs: options.backoffMs ?? 500,
      sleep: options.sleep,
    });
  }

  /** A feed is not a list of resources: spaces are linked to feeds by their URL. */
  listResources(): Promise<BookingResource[]> {
    return Promise.resolve([]);
  }

  async busyTimes(feedUrls: readonly string[], from: Date, to: Date): Promise<BusyTime[]> {
    const busy: BusyTime[] = [];
    for (const url of feedUrls) {
      const answer = await this.http.request(url, { headers: { accept: 'text/calendar' } });
      busy.push(...parseBusyTimes(answer.text, url, from, to));
    }
    return busy;
  }

  submitReservation(): Promise<SubmittedReservation> {
    return Promise.reject(
      new BookingSystemUnsupportedError('ICS', 'a calendar feed takes no reservations'),
    );
  }

  cancelReservation(): Promise<void> {
    return Promise.reject(
      new BookingSystemUnsupportedError('ICS', 'a calendar feed takes no reservations'),
    );
  }

  reservationStatus(): Promise<ExternalReservationStatus> {
    return Promise.reject(
      new BookingSystemUnsupportedError('ICS', 'a calendar feed has no reservations'),
    );
  }
}
