import type { IncomingMessage } from 'node:http';
import { type Answer, MisbehavingTestServer } from '../shared/test-server';
import type { LinkedDeletedEvent, LinkedEvent } from './types';

/**
 * A stand-in for a Linked Events API: `GET /linkedevents/v1/event/` answers pages of the
 * events a test puts in, sorted by last_modified_time, honouring `last_modified_since`,
 * `page_size` and `page`, with `meta.next` links; deleted events only with
 * `show_deleted=true`, as Linked Events does; `brokenPage` makes one page answer with a
 * body that is not JSON, as a proxy error page would.
 */
export class LinkedEventsTestServer extends MisbehavingTestServer {
  readonly events: Array<LinkedEvent | LinkedDeletedEvent> = [];
  brokenPage: number | null = null;

  get baseUrl(): string {
    return `${this.origin}/linkedevents/v1/`;
  }

  protected answer(_method: string, url: URL, _headers: IncomingMessage['headers']): Answer {
    if (url.pathname !== '/linkedevents/v1/event/')
      return { status: 404, body: JSON.stringify({ detail: 'Not found.' }) };
    const since = url.searchParams.get('last_modified_since');
    const page = Number(url.searchParams.get('page') ?? 1);
    if (page === this.brokenPage)
      return {
        body: '<html><body>502 Bad Gateway</body></html>',
        headers: { 'content-type': 'text/html' },
      };
    const showDeleted = url.searchParams.get('show_deleted') === 'true';
    const matching = this.events
      .filter((e) => showDeleted || !('deleted' in e && e.deleted))
      .filter((e) => !since || Date.parse(e.last_modified_time) >= Date.parse(since))
      .sort((a, b) => Date.parse(a.last_modified_time) - Date.parse(b.last_modified_time));
    const paged = this.pageOf(url, matching);
    return {
      body: JSON.stringify({
        meta: { count: paged.count, next: paged.next, previous: paged.previous },
        data: paged.rows,
      }),
    };
  }
}

/** A Linked Events event as the API serves it, with `include=location,keywords`. */
export function linkedEvent(n: number, extra: Partial<LinkedEvent> = {}): LinkedEvent {
  return {
    id: `lahti:agf${String(n).padStart(4, '0')}`,
    name: { fi: `Tapahtuma ${n}`, sv: `Evenemang ${n}`, en: null },
    short_description: { fi: `<p>Kuvaus ${n} &amp; lisää</p>` },
    start_time: `2027-0${1 + (n % 8)}-1${n % 10}T15:00:00Z`,
    end_time: `2027-0${1 + (n % 8)}-1${n % 10}T17:00:00Z`,
    event_status: 'EventScheduled',
    last_modified_time: new Date(Date.UTC(2026, 9, 1) + n * 60_000).toISOString(),
    location: {
      '@id': 'https://api.example/place/tprek:1/',
      name: { fi: 'Lahden kaupunginkirjasto' },
      street_address: { fi: 'Kirkkokatu 31' },
    },
    keywords: [{ '@id': 'https://api.example/keyword/yso:p1235/', name: { fi: 'Musiikki' } }],
    offers: [{ is_free: n % 2 === 0 }],
    ...extra,
  };
}
