/**
 * RFC 5545 iCalendar, written by hand because what matters is exact: CRLF line ends, lines
 * folded at 75 octets (never inside a UTF-8 character), TEXT escaping, DTSTAMP in UTC,
 * local times with TZID=Europe/Helsinki and the VTIMEZONE that defines it, stable UIDs and
 * a SEQUENCE that grows when an item changes. Pure functions; parsed back with ical.js in tests.
 */
export const TIME_ZONE = 'Europe/Helsinki';

/** Helsinki since 1996: EET/EEST, changing on the last Sundays of March and October. */
const VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  'TZID:Europe/Helsinki',
  'X-LIC-LOCATION:Europe/Helsinki',
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0300',
  'TZNAME:EEST',
  'DTSTART:19700329T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0300',
  'TZOFFSETTO:+0200',
  'TZNAME:EET',
  'DTSTART:19701025T040000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
];

export interface CalendarItem {
  /** Globally unique and stable: the same item keeps its UID in every feed, forever. */
  uid: string;
  summary: string;
  description?: string | null;
  location?: string | null;
  url?: string | null;
  categories?: string[];
  status?: 'CONFIRMED' | 'TENTATIVE' | 'CANCELLED';
  sequence: number;
  /** When the item last changed: DTSTAMP and LAST-MODIFIED, so an unchanged feed is byte-identical. */
  modifiedAt: Date;
  start: { at: Date } | { date: string };
  /** Exclusive end: a moment, or for all-day items the day after the last. */
  end: { at: Date } | { date: string };
}

/**
 * TEXT values (RFC 5545 3.3.11): backslash, semicolon and comma escaped; every line break
 * (CRLF, LF or a lone CR) written as \n; and the control characters a TEXT value cannot
 * hold (all of U+0000–U+001F but TAB, and DEL) dropped: a lone CR or a vertical tab in a
 * description made the whole feed unreadable to strict parsers.
 */
export function escapeText(text: string): string {
  return (
    text
      .replace(/\r\n?|\n/g, '\n')
      // eslint-disable-next-line no-control-regex -- these are what a TEXT value cannot hold
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
      .replace(/\\/g, '\\\\')
      .replace(/;/g, '\\;')
      .replace(/,/g, '\\,')
      .replace(/\n/g, '\\n')
  );
}

/** Folds a content line into lines of at most 75 octets, continuation lines led by a space. */
export function foldLine(line: string): string {
  const bytes = (s: string) => Buffer.byteLength(s, 'utf8');
  if (bytes(line) <= 75) return line;
  const parts: string[] = [];
  let current = '';
  let limit = 75;
  for (const char of line) {
    if (bytes(current) + bytes(char) > limit) {
      parts.push(current);
      current = '';
      limit = 74; // the leading space takes one octet
    }
    current += char;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

function utcStamp(at: Date): string {
  return at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/** A moment as Helsinki wall-clock time, "YYYYMMDDTHHMMSS". */
export function helsinkiStamp(at: Date): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: TIME_ZONE,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}${parts.month}${parts.day}T${parts.hour}${parts.minute}${parts.second}`;
}

const HOUR_MS = 3_600_000;

/**
 * A Helsinki wall-clock time that happens twice: in the hour repeated when summer time ends
 * (03:00–04:00 on the last Sunday of October), the same local stamp names two moments.
 */
export function isAmbiguousInHelsinki(at: Date): boolean {
  const stamp = helsinkiStamp(at);
  return (
    helsinkiStamp(new Date(at.getTime() - HOUR_MS)) === stamp ||
    helsinkiStamp(new Date(at.getTime() + HOUR_MS)) === stamp
  );
}

/**
 * Local time with TZID where the local time names one moment; UTC where it names two,
 * because RFC 5545 reads an ambiguous local time as its first occurrence (an hour early for
 * an event in the second one).
 */
function timeProperty(name: 'DTSTART' | 'DTEND', value: CalendarItem['start']): string {
  if ('date' in value) return `${name};VALUE=DATE:${value.date.replace(/-/g, '')}`;
  return isAmbiguousInHelsinki(value.at)
    ? `${name}:${utcStamp(value.at)}`
    : `${name};TZID=${TIME_ZONE}:${helsinkiStamp(value.at)}`;
}

/**
 * A URI property's value (RFC 5545 §3.3.13: not escaped like text): the URL as WHATWG parses
 * it, or nothing for a value that is no http(s) URL or holds a control character (stored
 * before the input rule refused them): a line break must never start a property of its own.
 */
export function uriValue(raw: string | null | undefined): string | null {
  // eslint-disable-next-line no-control-regex -- control characters are what it looks for
  if (!raw || /[\u0000-\u001f\u007f]/.test(raw)) return null;
  try {
    const url = new URL(raw);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

function vevent(item: CalendarItem): string[] {
  const lines = [
    'BEGIN:VEVENT',
    `UID:${item.uid}`,
    `DTSTAMP:${utcStamp(item.modifiedAt)}`,
    `LAST-MODIFIED:${utcStamp(item.modifiedAt)}`,
    `SEQUENCE:${item.sequence}`,
    timeProperty('DTSTART', item.start),
    timeProperty('DTEND', item.end),
    `SUMMARY:${escapeText(item.summary)}`,
  ];
  if (item.description) lines.push(`DESCRIPTION:${escapeText(item.description)}`);
  if (item.location) lines.push(`LOCATION:${escapeText(item.location)}`);
  const url = uriValue(item.url);
  if (url) lines.push(`URL:${url}`);
  if (item.categories?.length)
    lines.push(`CATEGORIES:${item.categories.map(escapeText).join(',')}`);
  lines.push(`STATUS:${item.status ?? 'CONFIRMED'}`, 'TRANSP:OPAQUE', 'END:VEVENT');
  return lines;
}

export function writeCalendar(name: string, items: readonly CalendarItem[]): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//City-association hub//Cooperation calendar//FI',
    'CALSCALE:GREGORIAN',
    // No METHOD: RFC 5546 makes PUBLISH require an ORGANIZER (a calendar address) in every
    // event, and the hub knows organisers by name only. A plain VCALENDAR is a valid feed.
    `X-WR-CALNAME:${escapeText(name)}`,
    `X-WR-TIMEZONE:${TIME_ZONE}`,
    ...VTIMEZONE,
    ...items.flatMap(vevent),
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
