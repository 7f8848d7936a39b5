import { type BookingHttp, bookingHttp, type HttpOptions } from '../http';
import { BookingSystemResponseError } from '../errors';
import { ReadOnlyBookingSystem } from '../read-only';
import type { BookingResource, BookingSystem, BusyTime } from '../types';
import { parseEpisodes, parseRoomParts } from './mapper';

/**
 * TIMMI has no published API. Cities publish a WebTimmi calendar that anyone may read as a
 * guest; this client reads it the way the calendar page does:
 *
 * 1. `GET login.do?loginAsGuest=true&adminAreaId=<area>` opens a guest session (a
 *    JSESSIONID cookie) for one admin area (a city's unit, e.g. the youth services).
 * 2. `GET getRoomPartsForCalendarAjax.do` lists the bookable room parts:
 *    `[{ roomPartId, roomPartName, buildingName, ... }]`.
 * 3. `GET calendarAjax.do?actionCode=getEpisodes&roomPartIds=1,2&startTime=<ms>&endTime=<ms>`
 *    returns the bookings (episodes): `[{ eventBookingId, roomPartId, startDateInMills,
 *    endDateInMills, ... }]`.
 *
 * An expired session answers with the HTML login page instead of JSON; the client logs in
 * again once and repeats the call. WebTimmi takes no bookings from outside, so requests made
 * in the hub stay there until staff enter them into TIMMI.
 */
export interface TimmiClientOptions extends Partial<HttpOptions> {
  /** The WebTimmi root, e.g. https://timmi.lahti.fi/WebTimmi/ */
  baseUrl: string;
  /** The admin area whose calendar is read as a guest. */
  adminAreaId: string;
}

export class TimmiClient extends ReadOnlyBookingSystem implements BookingSystem {
  readonly kind = 'TIMMI' as const;
  protected readonly whereReservationsAreMade = 'staff enter them in TIMMI';
  private readonly http: BookingHttp;
  private readonly base: string;
  private session: string | null = null;

  constructor(private readonly options: TimmiClientOptions) {
    super();
    this.base = options.baseUrl.replace(/\/?$/, '/');
    this.http = bookingHttp('TIMMI', options);
  }

  async listResources(): Promise<BookingResource[]> {
    return parseRoomParts(await this.getJson('getRoomPartsForCalendarAjax.do'));
  }

  async busyTimes(resourceIds: readonly string[], from: Date, to: Date): Promise<BusyTime[]> {
    if (resourceIds.length === 0) return [];
    const query = new URLSearchParams({
      actionCode: 'getEpisodes',
      roomPartIds: resourceIds.join(','),
      startTime: String(from.getTime()),
      endTime: String(to.getTime()),
    });
    const episodes = parseEpisodes(await this.getJson(`calendarAjax.do?${query.toString()}`));
    return episodes.filter((e) => resourceIds.includes(e.resourceId));
  }

  private async login(): Promise<string> {
    const query = new URLSearchParams({
      loginAsGuest: 'true',
      adminAreaId: this.options.adminAreaId,
    });
    const answer = await this.http.request(`${this.base}login.do?${query.toString()}`);
    const cookie = /JSESSIONID=([^;]+)/.exec(answer.headers.get('set-cookie') ?? '');
    if (!cookie) throw new BookingSystemResponseError('TIMMI', 'login.do gave no session cookie');
    this.session = cookie[1];
    return this.session;
  }

  /** A JSON call in the guest session; an expired session is renewed once. */
  private async getJson(path: string): Promise<unknown> {
    for (let attempt = 0; attempt < 2; attempt++) {
      const session = this.session ?? (await this.login());
      const answer = await this.http.request(`${this.base}${path}`, {
        headers: { cookie: `JSESSIONID=${session}`, accept: 'application/json' },
      });
      const text = answer.text.trim();
      if (text.startsWith('<')) {
        // The login page: the session ran out. Log in again and repeat, once.
        this.session = null;
        continue;
      }
      try {
        return JSON.parse(text);
      } catch {
        throw new BookingSystemResponseError(
          'TIMMI',
          `${path.split('?')[0]} did not answer with JSON: ${text.slice(0, 80)}`,
        );
      }
    }
    throw new BookingSystemResponseError(
      'TIMMI',
      'the guest session expired again right after logging in',
    );
  }
}
