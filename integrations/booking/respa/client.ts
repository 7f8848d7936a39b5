import { type BookingHttp, bookingHttp, type HttpOptions } from '../http';
import type {
  BookingResource,
  BookingSystem,
  BusyTime,
  ExternalReservationStatus,
  ReservationRequest,
  SubmittedReservation,
} from '../types';
import { parsePage, toReservation, toResource, toStatus, toUnit } from './mapper';

/**
 * The 6Aika resource reservation API (Respa, the base of Helsinki's Varaamo):
 * `GET /v1/unit/`, `GET /v1/resource/`, `GET /v1/reservation/?resource=&start=&end=`, `POST /v1/reservation/`,
 * `GET|DELETE /v1/reservation/<id>/`. Lists are `{count, next, previous, results}` pages
 * followed through `next`; names are `{fi, sv, en}`. Reads are retried; a POST is not (a
 * reservation sent twice could be made twice).
 */
export interface RespaClientOptions extends Partial<HttpOptions> {
  /** The API root, e.g. https://api.hel.fi/respa/ */
  baseUrl: string;
  /** An API token of a service account allowed to make reservations. */
  apiToken?: string;
  /** Guards against a `next` link that never ends. */
  maxPages?: number;
}

export class RespaClient implements BookingSystem {
  readonly kind = 'RESPA' as const;
  readonly acceptsReservations = true;
  private readonly http: BookingHttp;
  private readonly base: string;

  constructor(private readonly options: RespaClientOptions) {
    this.base = options.baseUrl.replace(/\/?$/, '/');
    this.http = bookingHttp('RESPA', options);
  }

  /** Resources with the name of their unit (the building) looked up in `/v1/unit/`. */
  async listResources(): Promise<BookingResource[]> {
    const units = new Map(
      (await this.allPages(`${this.base}v1/unit/?page_size=100`, 'unit list'))
        .map(toUnit)
        .map((u) => [u.id, u.name]),
    );
    const resources = await this.allPages(
      `${this.base}v1/resource/?page_size=100`,
      'resource list',
    );
    return resources.map((raw) => toResource(raw, units));
  }

  async busyTimes(resourceIds: readonly string[], from: Date, to: Date): Promise<BusyTime[]> {
    const busy: BusyTime[] = [];
    for (const resource of resourceIds) {
      const query = new URLSearchParams({
        resource,
        start: from.toISOString(),
        end: to.toISOString(),
        page_size: '100',
      });
      const rows = await this.allPages(
        `${this.base}v1/reservation/?${query.toString()}`,
        'reservation list',
      );
      for (const row of rows) {
        const { busy: time, status } = toReservation(row);
        // Denied and cancelled reservations free the time.
        if (status === 'REQUESTED' || status === 'CONFIRMED') busy.push(time);
      }
    }
    return busy;
  }

  async submitReservation(request: ReservationRequest): Promise<SubmittedReservation> {
    const { body } = await this.http.json<unknown>(`${this.base}v1/reservation/`, {
      method: 'POST',
      headers: this.headers(),
      body: JSON.stringify({
        resource: request.resourceId,
        begin: request.startsAt.toISOString(),
        end: request.endsAt.toISOString(),
        event_subject: request.purpose,
        reserver_name: request.reserverName,
        number_of_participants: request.attendees ?? undefined,
      }),
    });
    const { busy, status } = toReservation(body);
    return { externalId: busy.externalId, status };
  }

  async cancelReservation(externalId: string): Promise<void> {
    await this.http.request(`${this.base}v1/reservation/${encodeURIComponent(externalId)}/`, {
      method: 'DELETE',
      headers: this.headers(),
    });
  }

  async reservationStatus(externalId: string): Promise<ExternalReservationStatus> {
    const { body } = await this.http.json<{ state?: unknown }>(
      `${this.base}v1/reservation/${encodeURIComponent(externalId)}/`,
      { headers: this.headers() },
    );
    return toStatus(body?.state);
  }

  private headers(): Record<string, string> {
    return {
      'content-type': 'application/json',
      accept: 'application/json',
      ...(this.options.apiToken ? { authorization: `Token ${this.options.apiToken}` } : {}),
    };
  }

  private async allPages(first: string, what: string): Promise<unknown[]> {
    const rows: unknown[] = [];
    let url: string | null = first;
    for (let page = 0; url && page < (this.options.maxPages ?? 100); page++) {
      const { body } = await this.http.json<unknown>(url, { headers: this.headers() });
      const parsed = parsePage(body, what);
      rows.push(...parsed.results);
      url = parsed.next;
    }
    return rows;
  }
}
