import { fromHelsinkiLocal, helsinkiMinuteOfDay } from '../../core/time';
import { addDays, helsinkiDate, isoWeekday } from '../../core/time';
import type { OpeningExceptionRow, OpeningHoursRow } from '../facility/facility.types';

/**
 * Free time = opening hours minus busy times. Opening hours are Helsinki wall-clock times,
 * so each local date is turned into UTC on its own: a Tuesday 17–21 is 15–19 UTC in
 * winter and 14–18 UTC in summer, and the night the clocks change is handled by
 * fromHelsinkiLocal. Everything here is pure, so it is tested without a database.
 */
export interface Interval {
  start: number;
  end: number;
}

// Calendar-date helpers live in core: the events subgraph needs them too.
export { addDays, helsinkiDate, helsinkiMinuteOfDay, isoWeekday } from '../../core/time';

/** "08:00:00" (PostgreSQL time) or "08:00" → "08:00". */
export function hhmm(time: string): string {
  return time.slice(0, 5);
}

function localMoment(date: string, time: string): number {
  // PostgreSQL's time allows 24:00, the end of the day: the next date's midnight.
  if (hhmm(time) === '24:00') return fromHelsinkiLocal(`${addDays(date, 1)}T00:00`).getTime();
  return fromHelsinkiLocal(`${date}T${hhmm(time)}`).getTime();
}

/** The periods a facility is open on one local date, honouring that date's exception. */
export function openingPeriodsOn(
  date: string,
  hours: readonly OpeningHoursRow[],
  exceptions: readonly OpeningExceptionRow[],
): Interval[] {
  const exception = exceptions.find((e) => e.date === date);
  if (exception) {
    if (exception.opens === null || exception.closes === null) return [];
    return [
      { start: localMoment(date, exception.opens), end: localMoment(date, exception.closes) },
    ];
  }
  const weekday = isoWeekday(date);
  return hours
    .filter((h) => h.weekday === weekday)
    .map((h) => ({ start: localMoment(date, h.opens), end: localMoment(date, h.closes) }))
    .sort((a, b) => a.start - b.start);
}

/** Every opening period that touches [from, to), whole (not clipped). */
export function openingPeriods(
  from: Date,
  to: Date,
  hours: readonly OpeningHoursRow[],
  exceptions: readonly OpeningExceptionRow[],
): Interval[] {
  const periods: Interval[] = [];
  // From the day before: a period may run past midnight into the range.
  for (
    let date = addDays(helsinkiDate(from), -1);
    date <= helsinkiDate(to);
    date = addDays(date, 1)
  ) {
    for (const p of openingPeriodsOn(date, hours, exceptions)) {
      if (p.end > from.getTime() && p.start < to.getTime()) periods.push(p);
    }
  }
  return periods;
}

/** `free` minus every busy interval; both may be unsorted, the result is sorted. */
export function subtractIntervals(
  free: readonly Interval[],
  busy: readonly Interval[],
): Interval[] {
  const sortedBusy = [...busy].sort((a, b) => a.start - b.start);
  const result: Interval[] = [];
  for (const period of [...free].sort((a, b) => a.start - b.start)) {
    let cursor = period.start;
    for (const b of sortedBusy) {
      if (b.end <= cursor || b.start >= period.end) continue;
      if (b.start > cursor) result.push({ start: cursor, end: b.start });
      cursor = Math.max(cursor, b.end);
      if (cursor >= period.end) break;
    }
    if (cursor < period.end) result.push({ start: cursor, end: period.end });
  }
  return result;
}

/** Free slots in [from, to): opening periods clipped to the range, minus busy times. */
export function freeSlots(
  from: Date,
  to: Date,
  hours: readonly OpeningHoursRow[],
  exceptions: readonly OpeningExceptionRow[],
  busy: readonly Interval[],
): Interval[] {
  const open = openingPeriods(from, to, hours, exceptions).map((p) => ({
    start: Math.max(p.start, from.getTime()),
    end: Math.min(p.end, to.getTime()),
  }));
  return subtractIntervals(open, busy);
}

/** True when [start, end) lies inside a single opening period. */
export function insideOpeningHours(
  start: Date,
  end: Date,
  hours: readonly OpeningHoursRow[],
  exceptions: readonly OpeningExceptionRow[],
): boolean {
  return openingPeriods(start, end, hours, exceptions).some(
    (p) => p.start <= start.getTime() && p.end >= end.getTime(),
  );
}

/** True when a moment falls on the slot grid (whole slots from Helsinki midnight). */
export function onSlotGrid(at: Date, slotMinutes: number): boolean {
  return (
    at.getUTCSeconds() === 0 &&
    at.getUTCMilliseconds() === 0 &&
    helsinkiMinuteOfDay(at) % slotMinutes === 0
  );
}
