import type { IncomingMessage } from 'node:http';
import { type Answer, MisbehavingTestServer } from '../../shared/test-server';
import type { RespaReservation, RespaResource, RespaUnit } from './mapper';

/**
 * A stand-in for a Respa (6Aika resource reservation API) service: units, resources and
 * reservations as `{count, next, previous, results}` pages honouring `page_size`, new
 * reservations by POST (refusing an overlap with 400 as Respa does), cancellation by
 * DELETE, and a reservation's state by GET. Writes need `Authorization: Token <token>`.
 */
export class RespaApiTestServer extends MisbehavingTestServer {
  readonly units: RespaUnit[] = [];
  readonly resources: RespaResource[] = [];
  readonly reservations: RespaReservation[] = [];
  /** Resources with a price: Respa creates their reservations `waiting_for_payment`. */
  readonly paidResources = new Set<string>();
  private nextId = 1000;

  constructor(private readonly token = 'respa-test-token') {
    super();
  }

  get baseUrl(): string {
    return `${this.origin}/respa/`;
  }

  protected answer(
    method: string,
    url: URL,
    headers: IncomingMessage['headers'],
    body: string,
  ): Answer {
    const path = url.pathname.replace('/respa', '');
    if (method === 'GET' && path === '/v1/unit/') return this.page(url, this.units);
    if (method === 'GET' && path === '/v1/resource/') return this.page(url, this.resources);
    if (method === 'GET' && path === '/v1/reservation/') {
      const resource = url.searchParams.get('resource');
      const start = Date.parse(url.searchParams.get('start') ?? '');
      const end = Date.parse(url.searchParams.get('end') ?? '');
      return this.page(
        url,
        this.reservations.filter(
          (r) =>
            (!resource || r.resource === resource) &&
            Date.parse(r.end) > start &&
            Date.parse(r.begin) < end,
        ),
      );
    }
    if (headers.authorization !== `Token ${this.token}`) {
      return {
        status: 401,
        body: JSON.stringify({ detail: 'Authentication credentials were not provided.' }),
      };
    }
    const one = /^\/v1\/reservation\/(\d+)\/$/.exec(path);
    if (method === 'POST' && path === '/v1/reservation/') {
      const input = JSON.parse(body) as {
        resource: string;
        begin: string;
        end: string;
        event_subject?: string;
      };
      const overlap = this.reservations.some(
        (r) =>
          r.resource === input.resource &&
          !['cancelled', 'denied'].includes(r.state) &&
          Date.parse(r.end) > Date.parse(input.begin) &&
          Date.parse(r.begin) < Date.parse(input.end),
      );
      if (overlap)
        return {
          status: 400,
          body: JSON.stringify({
            non_field_errors: ['The resource is already reserved for some of the period'],
          }),
        };
      const state = this.paidResources.has(input.resource) ? 'waiting_for_payment' : 'requested';
      const created: RespaReservation = { id: this.nextId++, state, ...input };
      this.reservations.push(created);
      return { status: 201, body: JSON.stringify(created) };
    }
    if (one) {
      const reservation = this.reservations.find((r) => String(r.id) === one[1]);
      if (!reservation) return { status: 404, body: JSON.stringify({ detail: 'Not found.' }) };
      if (method === 'DELETE') {
        reservation.state = 'cancelled';
        return { status: 204, body: '' };
      }
      if (method === 'GET') return { body: JSON.stringify(reservation) };
    }
    return { status: 404, body: JSON.stringify({ detail: 'Not found.' }) };
  }

  private page(url: URL, rows: unknown[]): Answer {
    const page = this.pageOf(url, rows);
    return {
      body: JSON.stringify({
        count: page.count,
        next: page.next,
        previous: page.previous,
        results: page.rows,
      }),
    };
  }
}
