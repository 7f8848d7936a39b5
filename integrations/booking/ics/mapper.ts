import ICAL from 'ical.js';
import { BookingSystemResponseError } from '../errors';
import type { BusyTime } from '../types';
import { zonedToUtc } from '../../shared/time';

/** Feeds without a zone on their times are read as the city's time. */
export const DEFAULT_TIME_ZONE = 'Europe/Helsinki';
/** A feed with a runaway rule (FREQ=MINUTELY, no end) cannot make us loop forever. */
const MAX_OCCURRENCES_PER_EVENT = 5_000;

function isKnownZone(tzid: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tzid });
    return true;
  } catch {
    return false;
  }
}

/**
 * An ICAL.Time as a moment. UTC times are exact; zoned times are converted with the
 * platform's IANA data for their TZID (feeds name Europe/Helsinki far more often than they
 * ship a correct VTIMEZONE), floating times and all-day dates as Helsinki wall-clock.
 */
function moment(time: ICAL.Time, tzid: string | undefined): Date {
  if (time.zone?.tzid === 'UTC' || time.zone === ICAL.Timezone.utcTimezone) return time.toJSDate();
  const zone = tzid && isKnownZone(tzid) ? tzid : DEFAULT_TIME_ZONE;
  return zonedToUtc(
    {
      year: time.year,
      month: time.month,
      day: time.day,
      hour: time.isDate ? 0 : time.hour,
      minute: time.isDate ? 0 : time.minute,
      second: time.isDate ? 0 : time.second,
    },
    zone,
  );
}

/** Busy times of one feed overlapping [from, to), recurring events expanded. */
export function parseBusyTimes(feed: string, resourceId: string, from: Date, to: Date): BusyTime[] {
  let root: ICAL.Component;
  try {
    root = new ICAL.Component(ICAL.parse(feed));
  } catch (error) {
    throw new BookingSystemResponseError(
      'ICS',
      `the feed is not iCalendar: ${(error as Error).message}`,
    );
  }
  if (root.name !== 'vcalendar')
    throw new BookingSystemResponseError('ICS', 'the feed has no VCALENDAR');
  const components = root.getAllSubcomponents('vevent');
  // An occurrence moved or cancelled on its own is a VEVENT with the master's UID and a
  // RECURRENCE-ID (RFC 5545 3.8.4.4): it replaces that occurrence of the master, so it is
  // related to its master and not read again as an event of its own.
  const masters = new Map<string, ICAL.Event>();
  for (const component of components) {
    const event = new ICAL.Event(component);
    if (!event.isRecurrenceException() && event.uid) masters.set(event.uid, event);
  }
  for (const component of components) {
    const event = new ICAL.Event(component);
    if (event.isRecurrenceException() && masters.has(event.uid)) {
      masters.get(event.uid)!.relateException(event);
    }
  }
  const busy: BusyTime[] = [];
  /** Cancelled and "free" (transparent) events and occurrences do not take the space. */
  const takesTheSpace = (component: ICAL.Component) =>
    String(component.getFirstPropertyValue('status') ?? '').toUpperCase() !== 'CANCELLED' &&
    String(component.getFirstPropertyValue('transp') ?? '').toUpperCase() !== 'TRANSPARENT';
  const tzidOf = (component: ICAL.Component) =>
    component.getFirstProperty('dtstart')?.getParameter('tzid') as string | undefined;
  for (const component of components) {
    const event = new ICAL.Event(component);
    if (event.isRecurrenceException() && masters.has(event.uid)) continue;
    if (!event.startDate || !event.uid) {
      throw new BookingSystemResponseError('ICS', 'a VEVENT has no UID or DTSTART');
    }
    const add = (item: ICAL.Event, start: ICAL.Time, end: ICAL.Time, key: string) => {
      if (!takesTheSpace(item.component)) return;
      const tzid = tzidOf(item.component);
      const startsAt = moment(start, tzid);
      const endsAt = moment(end, tzid);
      if (endsAt > from && startsAt < to && endsAt > startsAt) {
        busy.push({
          externalId: key,
          resourceId,
          startsAt,
          endsAt,
          title: item.summary || undefined,
        });
      }
    };
    if (!event.isRecurring()) {
      add(event, event.startDate, event.endDate, event.uid);
      continue;
    }
    const iterator = event.iterator();
    const masterTzid = tzidOf(component);
    for (
      let i = 0, next = iterator.next();
      next && i < MAX_OCCURRENCES_PER_EVENT;
      i++, next = iterator.next()
    ) {
      // With its exception applied: a moved occurrence has its new times, a cancelled one
      // its STATUS:CANCELLED.
      const details = event.getOccurrenceDetails(next);
      if (
        moment(details.recurrenceId, masterTzid) >= to &&
        moment(details.startDate, tzidOf(details.item.component)) >= to
      )
        break;
      add(
        details.item,
        details.startDate,
        details.endDate,
        `${event.uid}/${details.recurrenceId.toString()}`,
      );
    }
  }
  return busy;
}
