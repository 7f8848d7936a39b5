import { decodeHTML } from 'entities';
import { nextDate, zonedDate, zonedMidnight } from '../shared/time';
import { LinkedEventsResponseError } from './errors';
import type {
  DeletedEvent,
  ImportedEvent,
  LinkedEvent,
  LinkedEventsPage,
  LinkedText,
} from './types';

/** Linked Events times without a zone, and dates alone, are the city's. */
const CITY_TIME_ZONE = 'Europe/Helsinki';
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A Linked Events text without HTML (descriptions come as HTML), every character reference
 * decoded (`&lt;`, `&auml;`, `&#8211;`, not only `&amp;` and `&nbsp;`), blank languages dropped.
 */
export function plainText(value: LinkedText | undefined): {
  fi?: string;
  sv?: string;
  en?: string;
} {
  const result: { fi?: string; sv?: string; en?: string } = {};
  for (const language of ['fi', 'sv', 'en'] as const) {
    const raw = value?.[language];
    if (!raw) continue;
    const plain = decodeHTML(
      raw
        .replace(/<br\s*\/?>/gi, '\n')
        .replace(/<\/p>/gi, '\n')
        .replace(/<[^>]+>/g, ''),
    )
      .replace(/\u00a0/g, ' ')
      .replace(/\n{3,}/g, '\n\n')
      .trim();
    if (plain) result[language] = plain;
  }
  return result;
}

const STATUS: Record<string, ImportedEvent['status']> = {
  EventScheduled: 'SCHEDULED',
  EventRescheduled: 'SCHEDULED',
  EventPostponed: 'POSTPONED',
  EventCancelled: 'CANCELLED',
};

export function parsePage(body: unknown): LinkedEventsPage {
  const page = body as Partial<LinkedEventsPage>;
  if (!page?.meta || typeof page.meta.count !== 'number' || !Array.isArray(page.data)) {
    throw new LinkedEventsResponseError('the answer is not a {meta: {count, next}, data} page');
  }
  return page as LinkedEventsPage;
}

/** What one record of a page is to the importer. */
export type SourceRecord =
  | { kind: 'event'; event: ImportedEvent }
  | { kind: 'deleted'; deleted: DeletedEvent }
  /** A recurring series' umbrella: its occurrences come as events of their own. */
  | { kind: 'skipped'; sourceId: string; reason: string };

function moment(value: string, what: string, id: string): Date {
  const at = new Date(value);
  if (Number.isNaN(at.getTime()))
    throw new LinkedEventsResponseError(`event ${id} has no valid ${what}`);
  return at;
}

/**
 * When an event happens. A date alone (or `has_start_time: false`) means whole days in
 * Helsinki: from midnight of the first day to midnight after the last (a date-only end is the
 * last day, inclusive). Without an end, a timed event gets two hours, as Linked Events' own
 * UIs show it, and an all-day one its single day.
 */
function timesOf(e: Partial<LinkedEvent> & { id: string }): {
  startsAt: Date;
  endsAt: Date;
  allDay: boolean;
} {
  if (!e.start_time) throw new LinkedEventsResponseError(`event ${e.id} has no valid start_time`);
  const allDay = DATE_ONLY.test(e.start_time) || e.has_start_time === false;
  if (allDay) {
    const first = DATE_ONLY.test(e.start_time)
      ? e.start_time
      : zonedDate(moment(e.start_time, 'start_time', e.id), CITY_TIME_ZONE);
    if (!DATE_ONLY.test(first)) moment(first, 'start_time', e.id);
    let last = first;
    if (e.end_time) {
      last = DATE_ONLY.test(e.end_time)
        ? e.end_time
        : zonedDate(moment(e.end_time, 'end_time', e.id), CITY_TIME_ZONE);
    }
    if (last < first) last = first;
    return {
      startsAt: zonedMidnight(first, CITY_TIME_ZONE),
      endsAt: zonedMidnight(nextDate(last), CITY_TIME_ZONE),
      allDay: true,
    };
  }
  const startsAt = moment(e.start_time, 'start_time', e.id);
  const end =
    e.end_time && DATE_ONLY.test(e.end_time)
      ? zonedMidnight(nextDate(e.end_time), CITY_TIME_ZONE)
      : e.end_time
        ? new Date(e.end_time)
        : null;
  const endsAt =
    end && !Number.isNaN(end.getTime()) && end > startsAt
      ? end
      : new Date(startsAt.getTime() + 2 * 3_600_000);
  return { startsAt, endsAt, allDay: false };
}

/** The place as one line: the location's name and address, or the extra info alone. */
function placeOf(e: Partial<LinkedEvent>): string | null {
  const extra = plainText(e.location_extra_info).fi;
  const place = e.location
    ? [
        plainText(e.location.name).fi,
        plainText(e.location.street_address).fi,
        plainText(e.location.address_locality).fi,
      ].filter(Boolean)
    : [];
  const parts = [...place, extra].filter(Boolean);
  return parts.length ? parts.join(', ') : null;
}

/** One record of a page, checked; an event without a title or a valid start is refused by name. */
export function toSourceRecord(raw: unknown): SourceRecord {
  const e = raw as Partial<LinkedEvent> & Partial<{ deleted: boolean; replaced_by: string | null }>;
  if (typeof e?.id !== 'string') throw new LinkedEventsResponseError('an event has no id');
  if (e.deleted === true) {
    return {
      kind: 'deleted',
      deleted: {
        sourceId: e.id,
        replacedBy: typeof e.replaced_by === 'string' ? e.replaced_by : null,
        modifiedAt: moment(e.last_modified_time ?? '', 'last_modified_time', e.id),
      },
    };
  }
  if (e.super_event_type === 'recurring') {
    return {
      kind: 'skipped',
      sourceId: e.id,
      reason: 'a recurring series; its occurrences are imported',
    };
  }
  const title = plainText(e.name);
  if (!title.fi && !title.sv && !title.en)
    throw new LinkedEventsResponseError(`event ${e.id} has no name`);
  // The hub's titles always have Finnish; fall back to another language's name.
  title.fi ??= title.en ?? title.sv;
  const { startsAt, endsAt, allDay } = timesOf(e as Partial<LinkedEvent> & { id: string });
  const description = plainText(e.short_description?.fi ? e.short_description : e.description);
  const online = typeof e.virtualevent_url === 'string' && /^https?:\/\//.test(e.virtualevent_url);
  return {
    kind: 'event',
    event: {
      sourceId: e.id,
      title,
      description: Object.keys(description).length ? description : null,
      startsAt,
      endsAt,
      allDay,
      status: STATUS[e.event_status ?? 'EventScheduled'] ?? 'SCHEDULED',
      location: placeOf(e),
      onlineUrl: online ? e.virtualevent_url! : null,
      keywords: (e.keywords ?? [])
        .map((k) => plainText(k.name).fi?.toLowerCase())
        .filter((k): k is string => Boolean(k)),
      isFree: e.offers?.some((o) => o.is_free === true) ?? false,
      modifiedAt: new Date(e.last_modified_time ?? e.start_time ?? 0),
    },
  };
}
