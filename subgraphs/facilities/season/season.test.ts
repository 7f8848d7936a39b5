import { randomUUID } from 'node:crypto';
import { fromHelsinkiLocal } from '../../core/time';
import { facilitiesSubgraph } from '../facilities.subgraph';
import { createFacilitiesContext } from '../facilities.context';
import { BookingBridge } from '../booking/booking-bridge';
import {
  makeBlockedTime,
  makeFacility,
  makeReservation,
  makeSpace,
} from '../../../tests/factories/facilities.factory';
import {
  errorCodes,
  startTestSubgraph,
  type TestSubgraph,
} from '../../../tests/setup/subgraph-harness';
import { addDays, helsinkiDate, isoWeekday } from '../space/availability';
import { weekdaysBetween } from './season.service';

const APPLY = `mutation($input: ApplyForSeasonSlotInput!) {
  applyForSeasonSlot(input: $input) { id status weekday startsAtLocal endsAtLocal preferredSpaces { id } association { id } } }`;
const ALLOCATE = `mutation($input: AllocateSeasonSlotInput!) {
  allocateSeasonSlot(input: $input) {
    application { status allocatedSpace { id } decisionNote }
    reservations { startsAt endsAt status }
    clashes { date startsAt reason } } }`;

/** The facilities subgraph's clock in these tests: the real one, unless a test sets another. */
let clock = () => new Date();

describe('BookingSeason', () => {
  let subgraph: TestSubgraph;
  const areaId = randomUUID();
  const associationId = randomUUID();
  let spaceId: string;
  let openSeason: string;
  let closedSeason: string;
  let representative: string;
  let staff: string;

  async function makeSeason(row: {
    open: boolean;
    startsOn: string;
    endsOn: string;
    name?: string;
  }): Promise<string> {
    const now = Date.now();
    const rows: Array<{ id: string }> = await subgraph.db.query(
      `INSERT INTO facilities.booking_season (name, service_area_id, applications_open_at, applications_close_at, starts_on, ends_on)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [
        JSON.stringify({ fi: row.name ?? 'Kevätkausi 2027' }),
        areaId,
        new Date(now - 10 * 86_400_000),
        new Date(row.open ? now + 10 * 86_400_000 : now - 86_400_000),
        row.startsOn,
        row.endsOn,
      ],
    );
    return rows[0].id;
  }

  beforeAll(async () => {
    subgraph = await startTestSubgraph({
      ...facilitiesSubgraph,
      createContext: (db, identity, shared) =>
        createFacilitiesContext(db, identity, shared, BookingBridge.none(), () => clock()),
    });
    // Open every day 8–22, but closed on Tuesday 6 April 2027 (the day after Easter Monday, say).
    const facility = await makeFacility(subgraph.db, {
      serviceAreaId: areaId,
      exceptions: [{ date: '2027-04-06' }],
    });
    spaceId = await makeSpace(subgraph.db, facility, { type: 'GYM' });
    // Spring 2027 Tuesdays from 16 March to 13 April: five weeks across the DST change of 28 March.
    openSeason = await makeSeason({ open: true, startsOn: '2027-03-15', endsOn: '2027-04-14' });
    closedSeason = await makeSeason({ open: false, startsOn: '2027-03-15', endsOn: '2027-04-14' });
    representative = await subgraph.token({
      role: 'representative',
      associationIds: [associationId],
    });
    staff = await subgraph.token({ role: 'staff', serviceAreaIds: [areaId] });
  });

  afterAll(() => subgraph.stop());

  const slot = (seasonId: string) => ({
    seasonId,
    associationId,
    weekday: 2,
    startTime: '17:00',
    endTime: '18:30',
    spaceIds: [spaceId],
    purpose: 'Junioreiden salibandy',
    attendees: 20,
  });

  it('lists every date of a weekday in a season', () => {
    expect(weekdaysBetween('2027-03-15', '2027-04-14', 2)).toEqual([
      '2027-03-16',
      '2027-03-23',
      '2027-03-30',
      '2027-04-06',
      '2027-04-13',
    ]);
  });

  it('takes applications only while the window is open, from the association’s representatives', async () => {
    const closed = await subgraph.request(APPLY, { input: slot(closedSeason) }, representative);
    expect(closed.errors[0].extensions?.fields).toEqual([
      expect.objectContaining({ field: 'input.seasonId', rule: 'APPLICATION_WINDOW' }),
    ]);
    const stranger = await subgraph.token({
      role: 'representative',
      associationIds: [randomUUID()],
    });
    expect(
      errorCodes(await subgraph.request(APPLY, { input: slot(openSeason) }, stranger)),
    ).toEqual(['FORBIDDEN']);
    const bad = await subgraph.request(
      APPLY,
      { input: { ...slot(openSeason), startTime: '18:30', endTime: '7pm', weekday: 8 } },
      representative,
    );
    expect(
      (bad.errors[0].extensions?.fields as Array<{ field: string; rule: string }>).map(
        (f) => `${f.field} ${f.rule}`,
      ),
    ).toEqual(['input.weekday MAX', 'input.endTime TIME']);
  });

  it('turns an allocation into a weekly series, DST-correct, reporting each clashing week with its reason', async () => {
    const applied = await subgraph.request<{ applyForSeasonSlot: { id: string; status: string } }>(
      APPLY,
      { input: slot(openSeason) },
      representative,
    );
    expect(applied.errors).toEqual([]);
    expect(applied.data!.applyForSeasonSlot.status).toBe('SUBMITTED');
    // Someone already holds 23 March; TIMMI says 13 April is busy; 6 April the house is closed.
    await makeReservation(subgraph.db, spaceId, {
      startsAt: fromHelsinkiLocal('2027-03-23T18:00'),
      endsAt: fromHelsinkiLocal('2027-03-23T19:00'),
    });
    await makeBlockedTime(subgraph.db, spaceId, {
      startsAt: fromHelsinkiLocal('2027-04-13T16:00'),
      endsAt: fromHelsinkiLocal('2027-04-13T20:00'),
      source: 'TIMMI',
    });
    // Allocated in February 2027, before the season's weeks, whatever day this runs (the
    // weeks gone by have their own test below).
    clock = () => new Date('2027-02-15T10:00:00Z');
    const answer = await subgraph
      .request(
        ALLOCATE,
        {
          input: {
            applicationId: applied.data!.applyForSeasonSlot.id,
            spaceId,
            note: 'Tiistait teille',
          },
        },
        staff,
      )
      .finally(() => (clock = () => new Date()));
    expect(answer.errors).toEqual([]);
    expect(answer.data).toEqual({
      allocateSeasonSlot: {
        application: {
          status: 'ALLOCATED',
          allocatedSpace: { id: spaceId },
          decisionNote: 'Tiistait teille',
        },
        reservations: [
          // 17:00 in Helsinki is 15:00 UTC before 28 March and 14:00 UTC after it.
          {
            startsAt: '2027-03-16T15:00:00.000Z',
            endsAt: '2027-03-16T16:30:00.000Z',
            status: 'CONFIRMED',
          },
          {
            startsAt: '2027-03-30T14:00:00.000Z',
            endsAt: '2027-03-30T15:30:00.000Z',
            status: 'CONFIRMED',
          },
        ],
        clashes: [
          { date: '2027-03-23', startsAt: '2027-03-23T15:00:00.000Z', reason: 'RESERVED' },
          { date: '2027-04-06', startsAt: '2027-04-06T14:00:00.000Z', reason: 'CLOSED' },
          { date: '2027-04-13', startsAt: '2027-04-13T14:00:00.000Z', reason: 'BLOCKED' },
        ],
      },
    });
    const again = await subgraph.request(
      ALLOCATE,
      { input: { applicationId: applied.data!.applyForSeasonSlot.id, spaceId } },
      staff,
    );
    expect(again.errors[0].extensions?.fields).toEqual([
      expect.objectContaining({ rule: 'STATUS_TRANSITION' }),
    ]);
  });

  it('reports the weeks that had gone by when a season already under way is allocated', async () => {
    const today = helsinkiDate(new Date());
    const running = await makeSeason({
      open: true,
      startsOn: addDays(today, -21),
      endsOn: addDays(today, 20),
      name: 'Käynnissä oleva kausi',
    });
    const weekday = isoWeekday(addDays(today, 1));
    const applied = await subgraph.request<{ applyForSeasonSlot: { id: string } }>(
      APPLY,
      { input: { ...slot(running), weekday, startTime: '09:00', endTime: '10:00' } },
      representative,
    );
    const answer = await subgraph.request<{
      allocateSeasonSlot: { reservations: unknown[]; clashes: Array<{ reason: string }> };
    }>(ALLOCATE, { input: { applicationId: applied.data!.applyForSeasonSlot.id, spaceId } }, staff);
    expect(answer.errors).toEqual([]);
    // Three weeks back are past; tomorrow and the two weeks after it are reserved.
    expect(answer.data!.allocateSeasonSlot.clashes.map((c) => c.reason)).toEqual([
      'PAST',
      'PAST',
      'PAST',
    ]);
    expect(answer.data!.allocateSeasonSlot.reservations).toHaveLength(3);
  });

  it('lets only staff of the season’s service area allocate or decline', async () => {
    const applied = await subgraph.request<{ applyForSeasonSlot: { id: string } }>(
      APPLY,
      { input: { ...slot(openSeason), weekday: 4 } },
      representative,
    );
    const id = applied.data!.applyForSeasonSlot.id;
    const otherStaff = await subgraph.token({ role: 'staff', serviceAreaIds: [randomUUID()] });
    for (const token of [otherStaff, representative]) {
      expect(
        errorCodes(
          await subgraph.request(ALLOCATE, { input: { applicationId: id, spaceId } }, token),
        ),
      ).toEqual(['FORBIDDEN']);
    }
    const declined = await subgraph.request(
      `mutation($input: DeclineSeasonApplicationInput!) { declineSeasonApplication(input: $input) { status decisionNote } }`,
      { input: { applicationId: id, note: 'Torstait ovat täynnä' } },
      staff,
    );
    expect(declined.data).toEqual({
      declineSeasonApplication: { status: 'DECLINED', decisionNote: 'Torstait ovat täynnä' },
    });
  });

  it('lists an association’s applications to its representatives and staff only', async () => {
    const APPS = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Association { seasonApplications { status weekday } } } }`;
    const r = [{ __typename: 'Association', id: associationId }];
    const mine = await subgraph.request<{
      _entities: Array<{ seasonApplications: Array<{ status: string }> }>;
    }>(APPS, { r }, representative);
    expect(mine.data!._entities[0].seasonApplications.map((a) => a.status).sort()).toEqual([
      'ALLOCATED',
      'ALLOCATED',
      'DECLINED',
    ]);
    expect(errorCodes(await subgraph.request(APPS, { r }))).toEqual(['FORBIDDEN']);
  });

  it('shows seasons of a year with their window, and applications only to whom they belong', async () => {
    type Seasons = {
      bookingSeasons: Array<{
        name: { fi: string };
        applicationWindow: string;
        applications: unknown[];
      }>;
    };
    const QUERY = `{ bookingSeasons(year: 2027) { name { fi } applicationWindow applications { association { id } } } }`;
    // Only the spring 2027 seasons made above: the one under way may reach into 2027 on some dates.
    const spring = async (token?: string) =>
      (await subgraph.request<Seasons>(QUERY, {}, token)).data!.bookingSeasons.filter(
        (season) => season.name.fi === 'Kevätkausi 2027',
      );
    const asStaff = await spring(staff);
    expect(asStaff.map((s) => s.applicationWindow).sort()).toEqual(['CLOSED', 'OPEN']);
    expect(asStaff.flatMap((s) => s.applications)).toHaveLength(2);
    expect((await spring()).flatMap((s) => s.applications)).toEqual([]);
    const none = await subgraph.request<{ bookingSeasons: unknown[] }>(
      `{ bookingSeasons(year: 2031) { id } }`,
    );
    expect(none.data!.bookingSeasons).toEqual([]);
  });
});

describe('Calendar.bookingSeasons', () => {
  let subgraph: TestSubgraph;
  const sports = randomUUID();
  const culture = randomUUID();

  beforeAll(async () => {
    subgraph = await startTestSubgraph(facilitiesSubgraph);
    // Each season's applications are taken in the weeks before it, in the same year: fixed
    // dates, so the calendar of each year is the same on whatever day this runs.
    for (const [name, area, startsOn] of [
      ['Liikunta kevät', sports, '2027-01-10'],
      ['Kulttuuri kevät', culture, '2027-01-10'],
      ['Koko kaupunki syksy', null, '2027-08-15'],
      ['Liikunta 2028', sports, '2028-01-10'],
    ] as const) {
      await subgraph.db.query(
        `INSERT INTO facilities.booking_season (name, service_area_id, applications_open_at, applications_close_at, starts_on, ends_on)
         VALUES ($1, $2, date_trunc('year', $3::date) + interval '8 hours',
                 $3::date - interval '2 days', $3, $3::date + 120)`,
        [JSON.stringify({ fi: name }), area, startsOn],
      );
    }
  });

  afterAll(() => subgraph.stop());

  async function seasonsOf(year: number, serviceAreaId: string | null): Promise<string[]> {
    const answer = await subgraph.request<{
      _entities: Array<{ bookingSeasons: Array<{ name: { fi: string } }> }>;
    }>(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Calendar { bookingSeasons { name { fi } } } } }`,
      { r: [{ __typename: 'Calendar', year, serviceAreaId }] },
    );
    expect(answer.errors).toEqual([]);
    return answer.data!._entities[0].bookingSeasons.map((s) => s.name.fi);
  }

  it('adds a year’s seasons to the calendar: an area’s own and the city-wide ones', async () => {
    expect(await seasonsOf(2027, sports)).toEqual(['Liikunta kevät', 'Koko kaupunki syksy']);
    expect(await seasonsOf(2027, null)).toEqual([
      'Kulttuuri kevät',
      'Liikunta kevät',
      'Koko kaupunki syksy',
    ]);
    expect(await seasonsOf(2028, culture)).toEqual([]);
  });

  it('shows a season in the year its applications are taken, even when its slots are all in the next', async () => {
    await subgraph.db.query(
      `INSERT INTO facilities.booking_season (name, service_area_id, applications_open_at, applications_close_at, starts_on, ends_on)
       VALUES ($1, NULL, '2029-12-01T08:00:00+02:00', '2029-12-20T16:00:00+02:00', '2030-01-07', '2030-05-31')`,
      [JSON.stringify({ fi: 'Kevät 2030' })],
    );
    expect(await seasonsOf(2029, null)).toEqual(['Kevät 2030']);
    expect(await seasonsOf(2030, null)).toEqual(['Kevät 2030']);
    expect(await seasonsOf(2031, null)).toEqual([]);
  });
});
