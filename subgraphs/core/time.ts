/** The city's time zone: stored times are UTC, people see Helsinki time. */
export const CITY_TIME_ZONE = 'Europe/Helsinki';

const offsetFormat = new Intl.DateTimeFormat('en-US', {
  timeZone: CITY_TIME_ZONE,
  timeZoneName: 'longOffset',
});

/** Helsinki's offset from UTC at a moment, in minutes (120 in winter, 180 in summer). */
export function helsinkiOffsetMinutes(at: Date): number {
  const name =
    offsetFormat.formatToParts(at).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  if (!match) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return match[1] === '-' ? -minutes : minutes;
}

/**
 * A Helsinki wall-clock time ("2027-03-16T17:00") as a UTC moment, right on both sides of
 * a daylight-saving change.
 */
export function fromHelsinkiLocal(local: string): Date {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(local)) {
    throw new TypeError(`Expected a local time like 2027-03-16T17:00, got ${local}`);
  }
  const asUtc = Date.parse(`${local}Z`);
  const first = helsinkiOffsetMinutes(new Date(asUtc - 120 * 60_000));
  const guess = new Date(asUtc - first * 60_000);
  const second = helsinkiOffsetMinutes(guess);
  return second === first ? guess : new Date(asUtc - second * 60_000);
}

/** The calendar year in Helsinki at a moment: New Year's night counts as the new year. */
export function helsinkiYear(at: Date): number {
  return Number(helsinkiDate(at).slice(0, 4));
}

const DAY_MS = 86_400_000;

/** The Helsinki calendar date of a moment, "YYYY-MM-DD". */
export function helsinkiDate(at: Date): string {
  return new Date(at.getTime() + helsinkiOffsetMinutes(at) * 60_000).toISOString().slice(0, 10);
}

/** Minutes since Helsinki midnight of a moment. */
export function helsinkiMinuteOfDay(at: Date): number {
  const local = at.getTime() + helsinkiOffsetMinutes(at) * 60_000;
  return Math.round((((local % DAY_MS) + DAY_MS) % DAY_MS) / 60_000);
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** ISO weekday of a date: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay() || 7;
}

/**
 * The same Helsinki wall-clock time `days` calendar days earlier (later when negative): three
 * days before a deadline at 16:00 is 16:00 three days before, also across a daylight-saving
 * change, where 72 hours would be 15:00 or 17:00.
 */
export function helsinkiDaysBefore(at: Date, days: number): Date {
  const minute = helsinkiMinuteOfDay(at);
  const hh = String(Math.floor(minute / 60) % 24).padStart(2, '0');
  const mm = String(minute % 60).padStart(2, '0');
  const seconds = at.getTime() % 60_000;
  return new Date(
    fromHelsinkiLocal(`${addDays(helsinkiDate(at), -days)}T${hh}:${mm}`).getTime() + seconds,
  );
}
