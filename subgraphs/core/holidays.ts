import { addDays, isoWeekday } from './time';

/**
 * Finland's public holidays (and the eves that close most city buildings) of a year, as the
 * Holidays Act and the Church's calendar set them: Easter by the Gregorian computus, the
 * movable Saturdays (Midsummer, All Saints') by their week. Dates are Helsinki calendar
 * days, "YYYY-MM-DD". Tests plan and check the awkward days from it; nothing here reads
 * the clock.
 */
export interface FinnishHoliday {
  date: string;
  fi: string;
  en: string;
}

/** Easter Sunday of a Gregorian year (the anonymous Gregorian algorithm). */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The first date from `from` on (inclusive) that falls on an ISO weekday. */
function weekdayFrom(from: string, weekday: number): string {
  return addDays(from, (weekday - isoWeekday(from) + 7) % 7);
}

/** The last Sunday of a month: when Europe changes to and from summer time. */
export function lastSunday(year: number, month: number): string {
  const nextMonth =
    month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`;
  const last = addDays(nextMonth, -1);
  return addDays(last, -(isoWeekday(last) % 7));
}

export function finnishHolidays(year: number): FinnishHoliday[] {
  const easter = easterSunday(year);
  const midsummerEve = weekdayFrom(`${year}-06-19`, 5);
  return [
    { date: `${year}-01-01`, fi: 'Uudenvuodenpäivä', en: "New Year's Day" },
    { date: `${year}-01-06`, fi: 'Loppiainen', en: 'Epiphany' },
    { date: addDays(easter, -2), fi: 'Pitkäperjantai', en: 'Good Friday' },
    { date: easter, fi: 'Pääsiäispäivä', en: 'Easter Sunday' },
    { date: addDays(easter, 1), fi: '2. pääsiäispäivä', en: 'Easter Monday' },
    { date: `${year}-05-01`, fi: 'Vappu', en: 'May Day' },
    { date: addDays(easter, 39), fi: 'Helatorstai', en: 'Ascension Day' },
    { date: addDays(easter, 49), fi: 'Helluntaipäivä', en: 'Whit Sunday' },
    { date: midsummerEve, fi: 'Juhannusaatto', en: 'Midsummer Eve' },
    { date: addDays(midsummerEve, 1), fi: 'Juhannuspäivä', en: 'Midsummer Day' },
    { date: weekdayFrom(`${year}-10-31`, 6), fi: 'Pyhäinpäivä', en: "All Saints' Day" },
    { date: `${year}-12-06`, fi: 'Itsenäisyyspäivä', en: 'Independence Day' },
    { date: `${year}-12-24`, fi: 'Jouluaatto', en: 'Christmas Eve' },
    { date: `${year}-12-25`, fi: 'Joulupäivä', en: 'Christmas Day' },
    { date: `${year}-12-26`, fi: 'Tapaninpäivä', en: "St Stephen's Day" },
  ];
}

/**
 * The days date-dependent code is most likely to get wrong in a year: every public holiday,
 * both daylight-saving changes and the days either side of them, the leap day, the year's
 * first and last days.
 */
export function awkwardDays(year: number): string[] {
  const dst = [lastSunday(year, 3), lastSunday(year, 10)];
  const leap = new Date(Date.UTC(year, 1, 29)).getUTCMonth() === 1 ? [`${year}-02-29`] : [];
  const days = [
    ...finnishHolidays(year).map((h) => h.date),
    ...dst.flatMap((d) => [addDays(d, -1), d, addDays(d, 1)]),
    ...leap,
    `${year}-01-01`,
    `${year}-12-31`,
  ];
  return [...new Set(days)].sort();
}
