import type { OpeningExceptionRow, OpeningHoursRow } from '../facility/facility.types';
import { addDays, freeSlots, helsinkiDate, type Interval, openingPeriodsOn } from './availability';

/** Whether an event fits a space, and if not, every reason why. */
export interface VenueVerdict {
  fits: boolean;
  /** Helsinki dates (YYYY-MM-DD) within the event on which the building is closed all day. */
  closedOn: string[];
  /** The event runs outside opening hours on a day the building is open. */
  outsideOpeningHours: boolean;
  /** Reservations and busy times of the space, its parts or its whole, during the event. */
  clashes: Interval[];
}

/**
 * An event holds its venue (issue 29, item 2): the facilities subgraph, which owns opening
 * hours and busy times, judges whether [from, to) fits a space: open for the whole time,
 * on no closed day, and free of anything else (the event's own hold left out, so moving it
 * within its own time is no clash). Pure, so it is tested without a database.
 */
export function judgeVenue(
  from: Date,
  to: Date,
  hours: readonly OpeningHoursRow[],
  exceptions: readonly OpeningExceptionRow[],
  busy: readonly Interval[],
): VenueVerdict {
  const closedOn: string[] = [];
  const last = helsinkiDate(new Date(to.getTime() - 1));
  for (let date = helsinkiDate(from); date <= last; date = addDays(date, 1)) {
    if (openingPeriodsOn(date, hours, exceptions).length === 0) closedOn.push(date);
  }
  // Open for the whole time: the opening periods, joined where one ends as the next starts.
  let covered = from.getTime();
  for (const period of freeSlots(from, to, hours, exceptions, [])) {
    if (period.start <= covered) covered = Math.max(covered, period.end);
  }
  const whole = covered >= to.getTime();
  const clashes = busy
    .filter((b) => b.start < to.getTime() && b.end > from.getTime())
    .sort((a, b) => a.start - b.start);
  const outsideOpeningHours = !whole && closedOn.length === 0;
  return {
    fits: whole && closedOn.length === 0 && clashes.length === 0,
    closedOn,
    outsideOpeningHours,
    clashes,
  };
}
