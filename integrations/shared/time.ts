/** Time-zone arithmetic the integrations share, with the platform's IANA data. */

function offsetMinutes(at: number, timeZone: string): number {
  const name =
    new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
      .formatToParts(new Date(at))
      .find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  if (!match) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return match[1] === '-' ? -minutes : minutes;
}

/** A wall-clock time in an IANA zone as a UTC moment, right across DST changes. */
export function zonedToUtc(
  t: { year: number; month: number; day: number; hour: number; minute: number; second: number },
  timeZone: string,
): Date {
  const asUtc = Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second);
  const first = offsetMinutes(asUtc - 3 * 3_600_000, timeZone);
  const guess = asUtc - first * 60_000;
  const second = offsetMinutes(guess, timeZone);
  return new Date(second === first ? guess : asUtc - second * 60_000);
}

/** Midnight at the start of a calendar date ("2027-05-01") in an IANA zone, as a moment. */
export function zonedMidnight(date: string, timeZone: string): Date {
  const [year, month, day] = date.split('-').map(Number);
  return zonedToUtc({ year, month, day, hour: 0, minute: 0, second: 0 }, timeZone);
}

/** The calendar date after `date`, "YYYY-MM-DD". */
export function nextDate(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/** The calendar date of a moment in an IANA zone, "YYYY-MM-DD". */
export function zonedDate(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone }).format(at);
}
