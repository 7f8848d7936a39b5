import ICAL from 'ical.js';
import { Client } from 'pg';
import { eventId, serviceAreaId } from '../../demo/data';
import { helsinkiYear } from '../../subgraphs/core/time';
import { startTestHub, type TestHub } from '../setup/test-hub';

/** A feed parsed the way a calendar app would, VTIMEZONE registered. */
function parse(text: string) {
  const root = new ICAL.Component(ICAL.parse(text));
  for (const tz of root.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
  return root.getAllSubcomponents('vevent').map((c) => ({
    uid: c.getFirstPropertyValue('uid') as string,
    summary: c.getFirstPropertyValue('summary') as string,
    status: c.getFirstPropertyValue('status') as string,
    sequence: Number(c.getFirstPropertyValue('sequence')),
    tzid: c.getFirstProperty('dtstart')?.getParameter('tzid') as string | undefined,
    start: new ICAL.Event(c).startDate,
  }));
}

describe('iCalendar feeds and JSON-LD through the gateway', () => {
  let t: TestHub;
  const all = '?from=2026-01-01T00:00:00Z&to=2028-01-01T00:00:00Z';

  beforeAll(async () => {
    t = await startTestHub();
  });

  afterAll(() => t.stop());

  const feed = async (path: string) => {
    const response = await fetch(`${t.hub.gateway.url}${path}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/text\/calendar/);
    return response.text();
  };

  it('serves public events with stable UIDs, Helsinki times and the cancelled one marked CANCELLED', async () => {
    const text = await feed(`/feeds/events.ics${all}`);
    expect(text).toContain('BEGIN:VTIMEZONE\r\nTZID:Europe/Helsinki');
    const events = parse(text);
    const evening = events.find(
      (e) => e.uid === `event-${eventId('yhdistysilta-kevat')}@city-association-hub`,
    )!;
    expect(evening).toMatchObject({
      summary: 'Yhdistysilta: kevät 2027',
      status: 'CONFIRMED',
      tzid: 'Europe/Helsinki',
    });
    // 17:00 in Helsinki in March, before the change: 15:00 UTC.
    expect(evening.start.toJSDate().toISOString()).toBe('2027-03-16T15:00:00.000Z');
    expect(
      events.find((e) => e.uid.startsWith(`event-${eventId('hiihtotapahtuma')}`))!.status,
    ).toBe('CANCELLED');
    expect(events.some((e) => e.uid.startsWith(`event-${eventId('hyvinvointityopaja')}`))).toBe(
      false,
    );
    expect(await feed(`/feeds/events.ics${all}`)).toBe(text);
  });

  it('raises SEQUENCE and keeps the UID when an event changes', async () => {
    const uid = `event-${eventId('tapahtumainfo')}@city-association-hub`;
    const before = parse(await feed(`/feeds/events.ics${all}`)).find((e) => e.uid === uid)!;
    const db = new Client({ connectionString: t.database.url });
    await db.connect();
    try {
      await db.query(
        `UPDATE events.event SET starts_at = starts_at + interval '1 hour', ends_at = ends_at + interval '1 hour' WHERE id = $1`,
        [eventId('tapahtumainfo')],
      );
    } finally {
      await db.end();
    }
    const after = parse(await feed(`/feeds/events.ics${all}`)).find((e) => e.uid === uid)!;
    expect(after.sequence).toBe(before.sequence + 1);
    expect(after.start.toJSDate().getTime() - before.start.toJSDate().getTime()).toBe(3_600_000);
  });

  it('moves a grant deadline in subscribed calendars when staff change the round', async () => {
    const rounds = (await t
      .client()
      .request(
        `{ applicationRounds(filter: { statuses: [OPEN] }) { id closesAt continuous } }`,
      )) as {
      applicationRounds: Array<{ id: string; closesAt: string; continuous: boolean }>;
    };
    const round = rounds.applicationRounds.find((r) => !r.continuous)!;
    // The calendar of the deadline's year shows it.
    const year = helsinkiYear(new Date(round.closesAt));
    const uid = `round-${round.id}@city-association-hub`;
    const calendar = `/feeds/calendar.ics?year=${year}`;
    const before = parse(await feed(calendar)).find((e) => e.uid === uid)!;
    expect(before.sequence).toBe(0);
    const admin = await t.token({ role: 'admin' });
    await t
      .client(admin)
      .request(
        `mutation ($input: UpdateApplicationRoundInput!) { updateApplicationRound(input: $input) { id } }`,
        {
          input: {
            overwrite: true,
            id: round.id,
            closesAt: new Date(new Date(round.closesAt).getTime() + 86_400_000).toISOString(),
          },
        },
      );
    const after = parse(await feed(calendar)).find((e) => e.uid === uid)!;
    expect(after.sequence).toBe(1);
    expect(after.start.toJSDate().getTime() - before.start.toJSDate().getTime()).toBe(86_400_000);
  });

  it('filters the events feed with query parameters', async () => {
    const events = parse(await feed(`/feeds/events.ics${all}&kinds=ASSOCIATION_EVENING`));
    expect(events.map((e) => e.summary).sort()).toEqual([
      'Yhdistysilta: kevät 2027',
      'Yhdistysilta: syksy 2026',
    ]);
    const bad = await fetch(`${t.hub.gateway.url}/feeds/events.ics?from=yesterday`);
    expect(bad.status).toBe(400);
  });

  it('counts every value of a repeated list parameter, and refuses a repeated single one', async () => {
    const repeated = parse(
      await feed(`/feeds/events.ics${all}&kinds=ASSOCIATION_EVENING&kinds=FORUM`),
    );
    const commas = parse(await feed(`/feeds/events.ics${all}&kinds=ASSOCIATION_EVENING,FORUM`));
    expect(repeated.map((e) => e.uid).sort()).toEqual(commas.map((e) => e.uid).sort());
    // Both kinds: more than the two association evenings alone.
    expect(repeated.length).toBeGreaterThan(2);
    const twice = await fetch(`${t.hub.gateway.url}/feeds/calendar.ics?year=2027&year=2028`);
    expect(twice.status).toBe(400);
    expect(await twice.json()).toEqual({ error: 'year may be given only once' });
  });

  it('serves the whole cooperation year: events, milestones, grant deadlines, booking seasons and surveys', async () => {
    const year = helsinkiYear(new Date());
    const items = parse(await feed(`/feeds/calendar.ics?year=${year}`));
    const kinds = new Set(items.map((i) => i.uid.split('-')[0]));
    for (const kind of kinds) {
      expect(['event', 'milestone', 'round', 'season', 'survey']).toContain(kind);
    }
    expect(kinds.has('milestone')).toBe(true);
    expect(kinds.has('round')).toBe(true);
    expect(kinds.has('season')).toBe(true);
    const survey = items.find((i) => i.summary === 'Yhdistyskysely auki')!;
    expect(survey.start.isDate).toBe(true);
    const sports = parse(
      await feed(`/feeds/calendar.ics?year=${year}&serviceArea=${serviceAreaId('sports')}`),
    );
    expect(sports.length).toBeLessThan(items.length);
    expect((await fetch(`${t.hub.gateway.url}/feeds/calendar.ics`)).status).toBe(400);
  });

  it('describes an event as schema.org JSON-LD for web pages', async () => {
    const response = await fetch(
      `${t.hub.gateway.url}/feeds/events/${eventId('yhdistysilta-kevat')}.jsonld`,
    );
    expect(response.headers.get('content-type')).toMatch(/application\/ld\+json/);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'Event',
      name: 'Yhdistysilta: kevät 2027',
      startDate: '2027-03-16T17:00:00+02:00',
      eventStatus: 'https://schema.org/EventScheduled',
      location: { '@type': 'Place', address: { '@type': 'PostalAddress', addressCountry: 'FI' } },
    });
    const cancelled = (await (
      await fetch(`${t.hub.gateway.url}/feeds/events/${eventId('hiihtotapahtuma')}.jsonld`)
    ).json()) as Record<string, unknown>;
    expect(cancelled.eventStatus).toBe('https://schema.org/EventCancelled');
    expect(
      (await fetch(`${t.hub.gateway.url}/feeds/events/${eventId('hyvinvointityopaja')}.jsonld`))
        .status,
    ).toBe(404);
  });
});
