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

/** Where an event is described on the web: its schema.org document at the hub. */
export function eventUrl(event: Pick<FeedEvent, 'id'>, publicBaseUrl: string): string {
  return `${publicBaseUrl}/feeds/events/${event.id}.jsonld`;
}

export function eventItem(event: FeedEvent, publicBaseUrl: string): CalendarItem {
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
    url: eventUrl(event, publicBaseUrl),
    categories: [event.kind, ...event.keywords],
    status: STATUS[event.status],
    sequence: event.sequence,
    modifiedAt: new Date(event.updatedAt),
    // Whole days are dates: a calendar shows them in the all-day row, in any time zone.
    start: event.allDay ? { date: helsinkiDay(event.startsAt) } : { at: new Date(event.startsAt) },
    end: event.allDay ? { date: helsinkiDay(event.endsAt) } : { at: new Date(event.endsAt) },
  };
}

const dayAfter = (date: string) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** The Helsinki date of a moment, "YYYY-MM-DD". */
function helsinkiDay(iso: string): string {
  const stamp = helsinkiStamp(new Date(iso));
  return `${stamp.slice(0, 4)}-${stamp.slice(4, 6)}-${stamp.slice(6, 8)}`;
}

/**
 * The last day to act on a deadline, in Helsinki: a window that closes at local midnight
 * closed at the end of the day before, so that is the day to show.
 */
export function lastHelsinkiDay(closesAt: string): string {
  return helsinkiDay(new Date(Date.parse(closesAt) - 1).toISOString());
}

/** "1.3.2027 klo 16.00", as Finnish readers write a moment. */
export function finnishMoment(iso: string): string {
  const stamp = helsinkiStamp(new Date(iso));
  return `${Number(stamp.slice(6, 8))}.${Number(stamp.slice(4, 6))}.${stamp.slice(0, 4)} klo ${stamp.slice(9, 11)}.${stamp.slice(11, 13)}`;
}

/** The whole cooperation year: events, milestones, grant, booking and survey deadlines. */
export function calendarItems(calendar: FeedCalendar, publicBaseUrl: string): CalendarItem[] {
  const items: CalendarItem[] = calendar.events.map((e) => eventItem(e, publicBaseUrl));
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
  // A grant window is an all-day item on its last day: the date associations must not miss.
  for (const r of calendar.applicationRounds) {
    const deadline = lastHelsinkiDay(r.closesAt);
    items.push({
      uid: `round-${r.id}@${UID_DOMAIN}`,
      summary: `Avustushaku päättyy: ${r.program.name.fi ?? ''}`,
      description: `Haku on auki ${finnishMoment(r.opensAt)} – ${finnishMoment(r.closesAt)}.`,
      url: r.program.rulesUrl,
      categories: ['GRANT_DEADLINE'],
      sequence: r.sequence,
      modifiedAt: new Date(r.updatedAt),
      start: { date: deadline },
      end: { date: dayAfter(deadline) },
    });
  }
  // A season is two items: the weeks its slots run ("kausivuorot"; a "vuorokausi" would be
  // a 24-hour day) and, on its own, the last day to apply for them.
  for (const s of calendar.bookingSeasons) {
    const name = s.name.fi ?? '';
    const applications = `Kausivuoroja haetaan ${finnishMoment(s.applicationsOpenAt)} – ${finnishMoment(s.applicationsCloseAt)}.`;
    items.push({
      uid: `season-${s.id}@${UID_DOMAIN}`,
      summary: `Kausivuorot: ${name}`,
      description: applications,
      categories: ['BOOKING_SEASON'],
      sequence: 0,
      modifiedAt: new Date(s.applicationsOpenAt),
      start: { date: s.startsOn },
      end: { date: dayAfter(s.endsOn) },
    });
    const deadline = lastHelsinkiDay(s.applicationsCloseAt);
    items.push({
      uid: `season-deadline-${s.id}@${UID_DOMAIN}`,
      summary: `Kausivuorojen haku päättyy: ${name}`,
      description: applications,
      categories: ['BOOKING_SEASON_DEADLINE'],
      sequence: 0,
      modifiedAt: new Date(s.applicationsOpenAt),
      start: { date: deadline },
      end: { date: dayAfter(deadline) },
    });
  }
  // A survey is an all-day item on its last day to answer, as a grant deadline is.
  for (const s of calendar.surveys) {
    const lastDay = lastHelsinkiDay(s.closesAt);
    items.push({
      uid: `survey-${s.id}@${UID_DOMAIN}`,
      summary: `Kysely sulkeutuu: ${s.title.fi ?? ''}`,
      description: [
        `Vastausaika ${finnishMoment(s.opensAt)} – ${finnishMoment(s.closesAt)}.`,
        s.description?.fi,
      ]
        .filter(Boolean)
        .join('\n'),
      categories: ['SURVEY_DEADLINE'],
      sequence: s.sequence,
      modifiedAt: new Date(s.updatedAt),
      start: { date: lastDay },
      end: { date: dayAfter(lastDay) },
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

/**
 * schema.org Event as JSON-LD, for the web team to embed in a page: Google's required
 * properties (name, startDate, location with an address) and its recommended ones wherever
 * the hub has the data (endDate, description, eventStatus, attendance mode, organizer with
 * url, offers for free events). What the hub does not know is left out, never written empty.
 */
export function eventJsonLd(event: FeedEvent, publicBaseUrl: string): Record<string, unknown> {
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
    // Free text ("Kirjaston pihalla, Kirkkokatu 31"): the best address the hub has.
    places.push({ '@type': 'Place', name: event.location, address: event.location });
  }
  if (event.onlineUrl) places.push({ '@type': 'VirtualLocation', url: event.onlineUrl });
  const online = Boolean(event.onlineUrl);
  const inPerson = Boolean(event.venue || event.location);
  const organizers = [
    ...event.organizers.map((o) => ({
      '@type': 'Organization',
      name: o.name.fi,
      ...(o.website ? { url: o.website } : {}),
    })),
    ...event.serviceAreas.map((a) => ({ '@type': 'GovernmentOrganization', name: a.name.fi })),
  ];
  const url = eventUrl(event, publicBaseUrl);
  const ld: Record<string, unknown> = {
    '@context': 'https://schema.org',
    '@type': 'Event',
    '@id': url,
    url,
    name: event.title.fi ?? event.title.en ?? event.title.sv,
    // schema.org takes a Date for an event of whole days; its endDate is the last day.
    startDate: event.allDay ? helsinkiDay(event.startsAt) : helsinkiIso(event.startsAt),
    endDate: event.allDay
      ? helsinkiDay(new Date(Date.parse(event.endsAt) - 1).toISOString())
      : helsinkiIso(event.endsAt),
    eventStatus: EVENT_STATUS[event.status],
    eventAttendanceMode: `https://schema.org/${online && inPerson ? 'Mixed' : online ? 'Online' : 'Offline'}EventAttendanceMode`,
    isAccessibleForFree: event.isFree,
    inLanguage: 'fi',
  };
  if (event.description?.fi) ld.description = event.description.fi;
  if (places.length) ld.location = places.length === 1 ? places[0] : places;
  if (organizers.length) ld.organizer = organizers.length === 1 ? organizers[0] : organizers;
  // A keyword may hold a comma: a list keeps each one whole.
  if (event.keywords.length) ld.keywords = event.keywords;
  if (event.isFree) {
    ld.offers = {
      '@type': 'Offer',
      price: 0,
      priceCurrency: 'EUR',
      url,
      availability: 'https://schema.org/InStock',
    };
  }
  return ld;
}
