import { LinkedEventsResponseError } from './errors';
import type { ImportedEvent, LinkedEvent, LinkedEventsPage, LinkedText } from './types';

/** A Linked Events text without HTML (descriptions come as HTML), blank languages dropped. */
function text(value: LinkedText | undefined): { fi?: string; sv?: string; en?: string } {
  const result: { fi?: string; sv?: string; en?: string } = {};
  for (const language of ['fi', 'sv', 'en'] as const) {
    const raw = value?.[language];
    const plain = raw
      ?.replace(/<br\s*\/?>/gi, '\n')
      .replace(/<\/p>/gi, '\n')
      .replace(/<[^>]+>/g, '')
      .replace(/&nbsp;/g, ' ')
      .replace(/&amp;/g, '&')
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

/** One event, checked; an event without a title or a valid start is refused by name. */
export function toImported(raw: unknown): ImportedEvent {
  const e = raw as Partial<LinkedEvent>;
  if (typeof e?.id !== 'string') throw new LinkedEventsResponseError('an event has no id');
  const title = text(e.name);
  if (!title.fi && !title.sv && !title.en)
    throw new LinkedEventsResponseError(`event ${e.id} has no name`);
  // The hub's titles always have Finnish; fall back to another language's name.
  title.fi ??= title.en ?? title.sv;
  const startsAt = new Date(e.start_time ?? '');
  if (Number.isNaN(startsAt.getTime()))
    throw new LinkedEventsResponseError(`event ${e.id} has no valid start_time`);
  const end = e.end_time ? new Date(e.end_time) : null;
  // An event without an end is shown as two hours long, as Linked Events' own UIs do.
  const endsAt =
    end && !Number.isNaN(end.getTime()) && end > startsAt
      ? end
      : new Date(startsAt.getTime() + 2 * 3_600_000);
  const description = text(e.short_description?.fi ? e.short_description : e.description);
  const place = e.location
    ? [
        text(e.location.name).fi,
        text(e.location.street_address).fi,
        text(e.location.address_locality).fi,
      ]
        .filter(Boolean)
        .join(', ')
    : '';
  return {
    sourceId: e.id,
    title,
    description: Object.keys(description).length ? description : null,
    startsAt,
    endsAt,
    status: STATUS[e.event_status ?? 'EventScheduled'] ?? 'SCHEDULED',
    location: place || null,
    keywords: (e.keywords ?? [])
      .map((k) => text(k.name).fi?.toLowerCase())
      .filter((k): k is string => Boolean(k)),
    isFree: e.offers?.some((o) => o.is_free === true) ?? false,
    modifiedAt: new Date(e.last_modified_time ?? e.start_time ?? 0),
  };
}
