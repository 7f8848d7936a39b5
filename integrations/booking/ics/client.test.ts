import { BookingSystemResponseError, BookingSystemUnavailableError } from '../errors';
import { IcsClient } from './client';
import { IcsFeedTestServer } from './ics-feed-test-server';

const noWait = () => Promise.resolve();

const FEED = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//Test//Sali//FI',
  'BEGIN:VEVENT',
  'UID:utc-1@example.fi',
  'DTSTAMP:20270101T000000Z',
  'DTSTART:20270112T150000Z',
  'DTEND:20270112T170000Z',
  'SUMMARY:Kuoro',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:zoned-1@example.fi',
  'DTSTAMP:20270101T000000Z',
  'DTSTART;TZID=Europe/Helsinki:20270615T180000',
  'DTEND;TZID=Europe/Helsinki:20270615T200000',
  'SUMMARY:Kesäilta',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:weekly@example.fi',
  'DTSTAMP:20270101T000000Z',
  'DTSTART;TZID=Europe/Helsinki:20270316T170000',
  'DTEND;TZID=Europe/Helsinki:20270316T183000',
  'RRULE:FREQ=WEEKLY;COUNT=3',
  'EXDATE;TZID=Europe/Helsinki:20270323T170000',
  'SUMMARY:Viikkoharjoitus',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:cancelled@example.fi',
  'DTSTAMP:20270101T000000Z',
  'DTSTART:20270112T180000Z',
  'DTEND:20270112T190000Z',
  'STATUS:CANCELLED',
  'END:VEVENT',
  'END:VCALENDAR',
].join('\r\n');

/**
 * A third-party feed as calendar programs export one (shaped after RFC 5545 3.8.4.4 and
 * 3.8.5.3 and a Google Calendar export): a weekly series whose 2nd occurrence was moved by an
 * hour and whose 3rd was cancelled, each an override VEVENT with the series' UID and a
 * RECURRENCE-ID naming the occurrence it replaces, written after the master as Google does.
 */
const SERIES_WITH_OVERRIDES = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//Google Inc//Google Calendar 70.9054//EN',
  'CALSCALE:GREGORIAN',
  'METHOD:PUBLISH',
  'BEGIN:VEVENT',
  'DTSTART;TZID=Europe/Helsinki:20270907T180000',
  'DTEND;TZID=Europe/Helsinki:20270907T193000',
  'RRULE:FREQ=WEEKLY;BYDAY=TU;COUNT=4',
  'DTSTAMP:20270801T090000Z',
  'UID:0a1b2c3d4e5f@google.com',
  'SEQUENCE:2',
  'STATUS:CONFIRMED',
  'SUMMARY:Sählyvuoro',
  'TRANSP:OPAQUE',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'DTSTART;TZID=Europe/Helsinki:20270914T190000',
  'DTEND;TZID=Europe/Helsinki:20270914T203000',
  'DTSTAMP:20270801T090000Z',
  'UID:0a1b2c3d4e5f@google.com',
  'RECURRENCE-ID;TZID=Europe/Helsinki:20270914T180000',
  'SEQUENCE:3',
  'STATUS:CONFIRMED',
  'SUMMARY:Sählyvuoro (siirretty)',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'DTSTART;TZID=Europe/Helsinki:20270921T180000',
  'DTEND;TZID=Europe/Helsinki:20270921T193000',
  'DTSTAMP:20270801T090000Z',
  'UID:0a1b2c3d4e5f@google.com',
  'RECURRENCE-ID;TZID=Europe/Helsinki:20270921T180000',
  'SEQUENCE:3',
  'STATUS:CANCELLED',
  'SUMMARY:Sählyvuoro',
  'END:VEVENT',
  'END:VCALENDAR',
].join('\r\n');

describe(IcsClient.name, () => {
  let server: IcsFeedTestServer;
  let client: IcsClient;

  beforeEach(async () => {
    server = await new IcsFeedTestServer().start();
    server.feeds.set('/sali.ics', FEED);
    // Room for a busy machine: no test here waits for a timeout.
    client = new IcsClient({ timeoutMs: 10_000, backoffMs: 1, sleep: noWait, allowLoopback: true });
  });

  afterEach(() => server.stop());

  const iso = (busy: Array<{ startsAt: Date; endsAt: Date }>) =>
    busy.map((b) => [b.startsAt.toISOString(), b.endsAt.toISOString()]);

  it('reads UTC and Helsinki-zoned events, skipping cancelled ones', async () => {
    const busy = await client.busyTimes(
      [server.url('/sali.ics')],
      new Date('2027-01-01T00:00:00Z'),
      new Date('2027-12-31T00:00:00Z'),
    );
    expect(busy.find((b) => b.externalId === 'utc-1@example.fi')?.title).toBe('Kuoro');
    expect(busy.some((b) => b.externalId === 'cancelled@example.fi')).toBe(false);
    // 18:00 in Helsinki in June is 15:00 UTC.
    expect(iso(busy.filter((b) => b.externalId === 'zoned-1@example.fi'))).toEqual([
      ['2027-06-15T15:00:00.000Z', '2027-06-15T17:00:00.000Z'],
    ]);
  });

  it('expands a weekly rule across the spring DST change, honouring EXDATE', async () => {
    const busy = await client.busyTimes(
      [server.url('/sali.ics')],
      new Date('2027-03-01T00:00:00Z'),
      new Date('2027-04-30T00:00:00Z'),
    );
    // 16 March is winter time (+02); 30 March summer time (+03); 23 March is excluded.
    expect(iso(busy.filter((b) => b.externalId.startsWith('weekly@')))).toEqual([
      ['2027-03-16T15:00:00.000Z', '2027-03-16T16:30:00.000Z'],
      ['2027-03-30T14:00:00.000Z', '2027-03-30T15:30:00.000Z'],
    ]);
  });

  it('keeps only what overlaps the range', async () => {
    const busy = await client.busyTimes(
      [server.url('/sali.ics')],
      new Date('2027-01-12T16:00:00Z'),
      new Date('2027-01-12T16:30:00Z'),
    );
    expect(busy.map((b) => b.externalId)).toEqual(['utc-1@example.fi']);
  });

  it('refuses a feed that is not iCalendar, and reports a dead feed as unavailable', async () => {
    server.feeds.set('/broken.ics', '<html>Not a calendar</html>');
    await expect(
      client.busyTimes([server.url('/broken.ics')], new Date(0), new Date()),
    ).rejects.toBeInstanceOf(BookingSystemResponseError);
    server.misbehave({ status: 500 }, { status: 500 }, { status: 500 });
    await expect(
      client.busyTimes([server.url('/sali.ics')], new Date(0), new Date()),
    ).rejects.toBeInstanceOf(BookingSystemUnavailableError);
  });

  it('applies moved and cancelled occurrences: each counted once, at its new time, or not at all', async () => {
    server.feeds.set('/series.ics', SERIES_WITH_OVERRIDES);
    const busy = await client.busyTimes(
      [server.url('/series.ics')],
      new Date('2027-09-01T00:00:00Z'),
      new Date('2027-10-31T00:00:00Z'),
    );
    // Helsinki is +03 in September: 18:00 is 15:00 UTC.
    expect(iso(busy)).toEqual([
      ['2027-09-07T15:00:00.000Z', '2027-09-07T16:30:00.000Z'],
      ['2027-09-14T16:00:00.000Z', '2027-09-14T17:30:00.000Z'], // moved to 19:00
      // 21 September: cancelled
      ['2027-09-28T15:00:00.000Z', '2027-09-28T16:30:00.000Z'],
    ]);
    expect(busy[1].title).toBe('Sählyvuoro (siirretty)');
    expect(new Set(busy.map((b) => b.externalId)).size).toBe(3);
  });
});
