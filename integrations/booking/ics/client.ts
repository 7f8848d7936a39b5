import { checkTarget, OutboundRefusedError, type OutboundRules } from '../../shared/outbound';
import { type BookingHttp, bookingHttp, type HttpOptions } from '../http';
import { ReadOnlyBookingSystem } from '../read-only';
import type { BookingResource, BookingSystem, BusyTime } from '../types';
import { parseBusyTimes } from './mapper';

/**
 * Busy times from any iCalendar feed (RFC 5545). A space linked to a feed has the feed's
 * URL as its external id; the feed lists when the space is taken. Feeds take no bookings:
 * requests are handled in the hub.
 */
export type IcsClientOptions = Partial<HttpOptions> & {
  /** Development and tests: feeds on this machine (never in production). */
  allowLoopback?: boolean;
};

export class IcsClient extends ReadOnlyBookingSystem implements BookingSystem {
  readonly kind = 'ICS' as const;
  protected readonly whereReservationsAreMade =
    'requests for feed-linked spaces are handled in the hub';
  private readonly http: BookingHttp;
  private readonly outbound: OutboundRules;

  constructor(
    options: IcsClientOptions = {},
    private readonly resolve?: (host: string) => Promise<string[]>,
  ) {
    super();
    // Feed URLs are typed by staff: every fetch goes through the outbound policy.
    this.outbound = { allowLoopback: options.allowLoopback ?? false, allowHttp: true };
    this.http = bookingHttp('ICS', { ...options, outbound: this.outbound });
  }

  /** The outbound policy's verdict on a feed URL, as the sync would meet it. */
  async externalIdProblem(feedUrl: string): Promise<string | null> {
    try {
      await checkTarget(feedUrl, this.outbound, this.resolve);
      return null;
    } catch (error) {
      if (error instanceof OutboundRefusedError) return error.reason;
      throw error;
    }
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
}
