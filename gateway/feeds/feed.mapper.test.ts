import { calendarItems, eventItem, eventJsonLd, lastHelsinkiDay } from './feed.mapper';
import type { FeedCalendar, FeedEvent } from './feed.queries';

const BASE = 'https://yhdistykset.lahti.fi';

const event = (over: Partial<FeedEvent> = {}): FeedEvent => ({
  id: 'e1',
  kind: 'JOINT_EVENT',
  status: 'SCHEDULED',
  startsAt: '2027-05-05T15:00:00Z',
  endsAt: '2027-05-05T17:00:00Z',
  allDay: false,
  location: null,
  onlineUrl: null,
  sequence: 0,
  updatedAt: '2027-01-01T00:00:00Z',
  keywords: [],
  isFree: true,
  title: { fi: 'Kevätrieha', sv: null, en: null },
  description: null,
  venue: null,
  organizers: [],
  serviceAreas: [],
  ...over,
});

describe('calendar items', () => {
  const calendar: FeedCalendar = {
    events: [],
    milestones: [],
    applicationRounds: [
      {
        id: 'r1',
        opensAt: '2027-01-31T22:00:00Z',
        // Midnight in Helsinki: the last day to apply is 28 February.
        closesAt: '2027-02-28T22:00:00Z',
        sequence: 0,
        updatedAt: '2027-01-01T00:00:00Z',
        program: { name: { fi: 'Toiminta-avustus' }, rulesUrl: null },
      },
    ],
    bookingSeasons: [
      {
        id: 's1',
        startsOn: '2027-08-16',
        endsOn: '2027-12-19',
        applicationsOpenAt: '2027-03-01T06:00:00Z',
        applicationsCloseAt: '2027-03-31T13:00:00Z',
        name: { fi: 'Syyskausi 2027' },
      },
    ],
    surveys: [
      {
        id: 'k1',
        opensAt: '2027-04-04T06:00:00Z',
        // 23.59 on 29 April in Helsinki (UTC+3): the last day to answer is the 29th.
        closesAt: '2027-04-29T20:59:00Z',
        sequence: 2,
        updatedAt: '2027-03-01T00:00:00Z',
        title: { fi: 'Yhdistyskysely 2027' },
        description: null,
      },
    ],
  };
  const items = calendarItems(calendar, BASE);

  it('puts a survey on its last day to answer, with its SEQUENCE', () => {
    expect(items.find((i) => i.uid === 'survey-k1@city-association-hub')).toMatchObject({
      summary: 'Kysely sulkeutuu: Yhdistyskysely 2027',
      description: 'Vastausaika 4.4.2027 klo 09.00 – 29.4.2027 klo 23.59.',
      categories: ['SURVEY_DEADLINE'],
      sequence: 2,
      start: { date: '2027-04-29' },
      end: { date: '2027-04-30' },
    });
  });

  it('puts a grant deadline on the last day to apply, in Helsinki, with the exact closing time', () => {
    const round = items.find((i) => i.uid.startsWith('round-'))!;
    expect(round.start).toEqual({ date: '2027-02-28' });
    expect(round.description).toBe('Haku on auki 1.2.2027 klo 00.00 – 1.3.2027 klo 00.00.');
    expect(lastHelsinkiDay('2027-03-01T00:00:00Z')).toBe('2027-03-01');
  });

  it('names a booking season by its slots, and shows its application deadline as an item of its own', () => {
    const season = items.find((i) => i.uid === 'season-s1@city-association-hub')!;
    expect(season.summary).toBe('Kausivuorot: Syyskausi 2027');
    expect(season.start).toEqual({ date: '2027-08-16' });
    const deadline = items.find((i) => i.uid === 'season-deadline-s1@city-association-hub')!;
    expect(deadline).toMatchObject({
      summary: 'Kausivuorojen haku päättyy: Syyskausi 2027',
      start: { date: '2027-03-31' },
      end: { date: '2027-04-01' },
    });
    expect(items.some((i) => /Vuorokausi/.test(i.summary))).toBe(false);
  });

  it('writes an all-day event as dates, in the calendar and in JSON-LD (its last day inclusive)', () => {
    const weekend = event({
      allDay: true,
      startsAt: '2027-04-30T21:00:00Z',
      endsAt: '2027-05-02T21:00:00Z',
    });
    expect(eventItem(weekend, BASE)).toMatchObject({
      start: { date: '2027-05-01' },
      end: { date: '2027-05-03' },
    });
    expect(eventJsonLd(weekend, BASE)).toMatchObject({
      startDate: '2027-05-01',
      endDate: '2027-05-02',
    });
  });

  it('links every event to its description at the hub', () => {
    expect(eventItem(event(), BASE).url).toBe(`${BASE}/feeds/events/e1.jsonld`);
  });
});

/**
 * Google's Event structured data: required name, startDate and location (a Place with an
 * address, or a VirtualLocation with a url); recommended description, endDate, eventStatus,
 * eventAttendanceMode, organizer (name, url) and offers (price, priceCurrency, url,
 * availability). https://developers.google.com/search/docs/appearance/structured-data/event
 */
describe('schema.org JSON-LD', () => {
  it('gives a free-text location an address, and a free event an offer', () => {
    const ld = eventJsonLd(event({ location: 'Kirjaston piha, Kirkkokatu 31, Lahti' }), BASE);
    expect(ld.location).toEqual({
      '@type': 'Place',
      name: 'Kirjaston piha, Kirkkokatu 31, Lahti',
      address: 'Kirjaston piha, Kirkkokatu 31, Lahti',
    });
    expect(ld.offers).toEqual({
      '@type': 'Offer',
      price: 0,
      priceCurrency: 'EUR',
      url: `${BASE}/feeds/events/e1.jsonld`,
      availability: 'https://schema.org/InStock',
    });
    expect(ld.url).toBe(`${BASE}/feeds/events/e1.jsonld`);
  });

  it('leaves out what it does not know instead of writing empty lists', () => {
    const ld = eventJsonLd(event({ isFree: false }), BASE);
    expect(ld).not.toHaveProperty('location');
    expect(ld).not.toHaveProperty('organizer');
    expect(ld).not.toHaveProperty('offers');
    expect(ld).not.toHaveProperty('keywords');
    expect(ld).not.toHaveProperty('description');
  });

  it('names organisers with their web sites and keeps a keyword holding a comma whole', () => {
    const ld = eventJsonLd(
      event({
        onlineUrl: 'https://meet.example.fi/riehu',
        organizers: [{ name: { fi: 'Lahden Urheiluseura ry' }, website: 'https://lus.fi' }],
        keywords: ['liikunta', 'lapset, nuoret'],
      }),
      BASE,
    );
    expect(ld.organizer).toEqual({
      '@type': 'Organization',
      name: 'Lahden Urheiluseura ry',
      url: 'https://lus.fi',
    });
    expect(ld.keywords).toEqual(['liikunta', 'lapset, nuoret']);
    expect(ld.location).toEqual({
      '@type': 'VirtualLocation',
      url: 'https://meet.example.fi/riehu',
    });
    expect(ld.eventAttendanceMode).toBe('https://schema.org/OnlineEventAttendanceMode');
  });
});
