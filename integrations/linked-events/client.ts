import { HttpClient, type HttpOptions } from '../shared/http';
import {
  LinkedEventsRequestError,
  LinkedEventsResponseError,
  LinkedEventsUnavailableError,
} from './errors';
import { parsePage, toSourceRecord } from './mapper';
import type { DeletedEvent, ImportedEvent } from './types';

export interface LinkedEventsClientOptions extends Partial<HttpOptions> {
  /** The API root, e.g. https://api.hel.fi/linkedevents/v1/ */
  baseUrl: string;
  /** Only events of this publisher (organisation id), e.g. "ahjo:00001". */
  publisher?: string;
  pageSize?: number;
}

/** One page of events, or the reason it could not be read: an import goes on page by page. */
export interface EventPage {
  events: ImportedEvent[];
  /** Deleted at the source since the last run (asked for with show_deleted=true). */
  deletions: DeletedEvent[];
  count: number;
  next: string | null;
}

/**
 * Reads events from a Linked Events API: `GET /event/?last_modified_since=…&include=location,keywords`,
 * following `meta.next`. A page is parsed whole or refused whole.
 */
export class LinkedEventsClient {
  private readonly http: HttpClient;
  private readonly base: string;

  constructor(private readonly options: LinkedEventsClientOptions) {
    this.base = options.baseUrl.replace(/\/?$/, '/');
    this.http = new HttpClient(
      {
        unavailable: (message) => new LinkedEventsUnavailableError(message),
        refused: (message, status) => new LinkedEventsRequestError(message, status),
        malformed: (message) => new LinkedEventsResponseError(message),
      },
      {
        timeoutMs: options.timeoutMs ?? 15_000,
        retries: options.retries ?? 2,
        backoffMs: options.backoffMs ?? 500,
        sleep: options.sleep,
      },
    );
  }

  /** The URL of the first page of events changed since `since` (all when null). */
  firstPage(since: Date | null): string {
    const query = new URLSearchParams({
      include: 'location,keywords',
      page_size: String(this.options.pageSize ?? 100),
      sort: 'last_modified_time',
      // Without it a deletion never reaches an incremental import.
      show_deleted: 'true',
    });
    if (since) query.set('last_modified_since', since.toISOString());
    if (this.options.publisher) query.set('publisher', this.options.publisher);
    return `${this.base}event/?${query.toString()}`;
  }

  async page(url: string): Promise<EventPage> {
    const { body } = await this.http.json<unknown>(url, {
      headers: { accept: 'application/json' },
    });
    const page = parsePage(body);
    const records = page.data.map(toSourceRecord);
    return {
      events: records.flatMap((r) => (r.kind === 'event' ? [r.event] : [])),
      deletions: records.flatMap((r) => (r.kind === 'deleted' ? [r.deleted] : [])),
      count: page.meta.count,
      next: page.meta.next,
    };
  }
}
