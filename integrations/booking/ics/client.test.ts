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

describe(IcsClient.name, () => {
  let server: IcsFeedTestServer;
  let client: IcsClient;

  beforeEach(async () => {
    server = await new IcsFeedTestServer().start();
    server.feeds.set('/sali.ics', FEED);
    client = new IcsClient({ timeoutMs: 300, backoffMs: 1, sleep: noWait });
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
});
