import type { CalendarItem } from './icalendar';
import { helsinkiStamp } from './icalendar';
import type { FeedCalendar, FeedEvent } from './feed.queries';

/** UIDs are "<kind>-<id>@<domain>": stable for ever, unique across every kind of item. */
const UID_DOMAIN = 'city-association-hub';

const STATUS: Record<FeedEvent['status'], CalendarItem['status']> = {
  SCHEDULED: 'CONFIRMED',
  POSTPONED: 'TENTATIVE',
  CANCELLED: 'CANCELLED',
  DRAFT: 'TENTATIVE',
};

export function placeOf(event: FeedEvent): string | null {
  if (event.venue) {
    const { street, city } = event.venue.facility.address;
    return [event.venue.name.fi, event.venue.facility.name.fi, street, city]
      .filter(Boolean)
      .join(', ');
  }
  return event.location ?? event.onlineUrl;
}

export function eventItem(event: FeedEvent): CalendarItem {
  const organizers = event.organizers.map((o) => o.name.fi).filter(Boolean);
  const description = [
    event.description?.fi,
    organizers.length ? `Järjestäjät: ${organizers.join(', ')}` : null,
    event.onlineUrl,
  ]
    .filter(Boolean)
    .join('\n\n');
  return {
    uid: `event-${event.id}@${UID_DOMAIN}`,
    summary: event.title.fi ?? event.title.en ?? event.title.sv ?? '',
    description: description || null,
    location: placeOf(event),
    url: event.onlineUrl,
    categories: [event.kind, ...event.keywords],
    status: STATUS[event.status],
    sequence: event.sequence,
    modifiedAt: new Date(event.updatedAt),
    start: { at: new Date(event.startsAt) },
    end: { at: new Date(event.endsAt) },
  };
}

const dayAfter = (date: string) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** The Helsinki date of a moment, "YYYY-MM-DD". */
function helsinkiDay(iso: string): string {
  const stamp = helsinkiStamp(new Date(iso));
  return `${stamp.slice(0, 4)}-${stamp.slice(4, 6)}-${stamp.slice(6, 8)}`;
}

/** The whole cooperation year: events, milestones, grant deadlines and booking seasons. */
export function calendarItems(calendar: FeedCalendar): CalendarItem[] {
  const items: CalendarItem[] = calendar.events.map(eventItem);
  for (const m of calendar.milestones) {
    items.push({
      uid: `milestone-${m.id}@${UID_DOMAIN}`,
      summary: m.title.fi ?? '',
      description: m.description?.fi ?? null,
      url: m.url,
      categories: [m.kind],
      sequence: m.sequence,
      modifiedAt: new Date(m.updatedAt),
      start: { date: m.startsOn },
      end: { date: dayAfter(m.endsOn) },
    });
  }
  // A grant window is an all-day item on its deadline: the date associations must not miss.
  for (const r of calendar.applicationRounds) {
    const deadline = helsinkiDay(r.closesAt);
    items.push({
      uid: `round-${r.id}@${UID_DOMAIN}`,
      summary: `Avustushaku päättyy: ${r.program.name.fi ?? ''}`,
      description: `Haku on auki ${helsinkiDay(r.opensAt)} – ${deadline}.`,
      url: r.program.rulesUrl,
      categories: ['GRANT_DEADLINE'],
      sequence: r.sequence,
      modifiedAt: new Date(r.updatedAt),
      start: { date: deadline },
      end: { date: dayAfter(deadline) },
    });
  }
  for (const s of calendar.bookingSeasons) {
    items.push({
      uid: `season-${s.id}@${UID_DOMAIN}`,
      summary: `Vuorokausi: ${s.name.fi ?? ''}`,
      description: `Vuoroja haetaan ${helsinkiDay(s.applicationsOpenAt)} – ${helsinkiDay(s.applicationsCloseAt)}.`,
      categories: ['BOOKING_SEASON'],
      sequence: 0,
      modifiedAt: new Date(s.applicationsOpenAt),
      start: { date: s.startsOn },
      end: { date: dayAfter(s.endsOn) },
    });
  }
  return items;
}

const EVENT_STATUS: Record<FeedEvent['status'], string> = {
  SCHEDULED: 'https://schema.org/EventScheduled',
  POSTPONED: 'https://schema.org/EventPostponed',
  CANCELLED: 'https://schema.org/EventCancelled',
  DRAFT: 'https://schema.org/EventScheduled',
};

/** ISO 8601 with Helsinki's offset, as schema.org consumers show local times. */
export function helsinkiIso(iso: string): string {
  const at = new Date(iso);
  const stamp = helsinkiStamp(at);
  const local = Date.UTC(
    +stamp.slice(0, 4),
    +stamp.slice(4, 6) - 1,
    +stamp.slice(6, 8),
    +stamp.slice(9, 11),
    +stamp.slice(11, 13),
    +stamp.slice(13, 15),
  );
  const offset = Math.round((local - at.getTime()) / 60_000);
  const sign = offset >= 0 ? '+' : '-';
  const hh = String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0');
  const mm = String(Math.abs(offset) % 60).padStart(2, '0');
  return `${stamp.slice(0, 4)}-${stamp.slice(4, 6)}-${stamp.slice(6, 8)}T${stamp.slice(9, 11)}:${stamp.slice(11, 13)}:${stamp.slice(13, 15)}${sign}${hh}:${mm}`;
}

/** schema.org Event as JSON-LD, for the web team to embed in a page. */
export function eventJsonLd(event: FeedEvent): Record<string, unknown> {
  const places: Array<Record<string, unknown>> = [];
  if (event.venue) {
    const address = event.venue.facility.address;
    places.push({
      '@type': 'Place',
      name: [event.venue.name.fi, event.venue.facility.name.fi].filter(Boolean).join(', '),
      address: {
        '@type': 'PostalAddress',
        streetAddress: address.street,
        postalCode: address.postalCode,
        addressLocality: address.city,
        addressCountry: 'FI',
      },
    });
  } else if (event.location) {
    places.push({ '@type': 'Place', name: event.location });
  }
  if (event.onlineUrl) places.push({ '@type': 'VirtualLocation', url: event.onlineUrl });
  const online = Boolean(event.onlineUrl);
  const inPerson = Boolean(event.venue || event.location);
  return {
    '@context': 'https://schema.org',
    '@type': 'Event',
    name: event.title.fi,
    description: event.description?.fi ?? undefined,
    startDate: helsinkiIso(event.startsAt),
    endDate: helsinkiIso(event.endsAt),
    eventStatus: EVENT_STATUS[event.status],
    eventAttendanceMode: `https://schema.org/${online && inPerson ? 'Mixed' : online ? 'Online' : 'Offline'}EventAttendanceMode`,
    location: places.length === 1 ? places[0] : places,
    organizer: [
      ...event.organizers.map((o) => ({ '@type': 'Organization', name: o.name.fi })),
      ...event.serviceAreas.map((a) => ({ '@type': 'GovernmentOrganization', name: a.name.fi })),
    ],
    isAccessibleForFree: event.isFree,
    keywords: event.keywords.join(', ') || undefined,
    inLanguage: 'fi',
  };
}
