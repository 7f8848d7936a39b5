import { randomUUID } from 'node:crypto';
import { finnishHolidays } from '../../core/holidays';
import { addDays, fromHelsinkiLocal, helsinkiDate, isoWeekday } from '../../core/time';
import { IcsClient } from '../../../integrations/booking/ics/client';
import { BookingBridge } from '../booking/booking-bridge';
import { createFacilitiesSubgraph, facilitiesSubgraph } from '../facilities.subgraph';
import {
  makeBlockedTime,
  makeFacility,
  makeReservation,
  makeSpace,
} from '../../../tests/factories/facilities.factory';
import {
  brokenRules,
  errorCodes,
  startTestSubgraph,
  type TestSubgraph,
} from '../../../tests/setup/subgraph-harness';

const rules = brokenRules;
const at = (local: string) => fromHelsinkiLocal(local).toISOString();

/**
 * A Tuesday some weeks ahead that is no public holiday, whatever day this runs: the opening
 * hours above are a Tuesday's, and a day gone by has no availability to show.
 */
function comingTuesday(): string {
  let day = addDays(helsinkiDate(new Date()), 30);
  day = addDays(day, (2 - isoWeekday(day) + 7) % 7);
  const holidays = new Set(finnishHolidays(Number(day.slice(0, 4))).map((h) => h.date));
  while (holidays.has(day)) day = addDays(day, 7);
  return day;
}

describe('managing facilities and spaces', () => {
  let subgraph: TestSubgraph;
  const areaId = randomUUID();
  let staff: string;
  let facilityId: string;
  let spaceId: string;

  beforeAll(async () => {
    subgraph = await startTestSubgraph(facilitiesSubgraph);
    staff = await subgraph.token({ role: 'staff', serviceAreaIds: [areaId] });
    facilityId = await makeFacility(subgraph.db, { serviceAreaId: areaId });
    spaceId = await makeSpace(subgraph.db, facilityId, { type: 'HALL' });
  });

  afterAll(() => subgraph.stop());

  const AVAILABILITY = `query($id: ID!, $from: DateTime!, $to: DateTime!) { space(id: $id) { availability(from: $from, to: $to) { startsAt endsAt } } }`;
  const availability = async (id: string, day: string) =>
    (
      await subgraph.request<{
        space: { availability: Array<{ startsAt: string; endsAt: string }> };
      }>(AVAILABILITY, {
        id,
        from: at(`${day}T00:00`),
        to: at(`${day}T23:59`),
      })
    ).data!.space.availability;

  describe('createFacility and updateFacility', () => {
    const CREATE = `mutation($input: CreateFacilityInput!) { createFacility(input: $input) { name { fi } kind municipalityCode serviceArea { id } links { url kind } } }`;
    const input = {
      name: { fi: ' Nastolan kylätalo ' },
      kind: 'MULTIPURPOSE_HOUSE',
      address: { street: 'Kylätie 1', postalCode: '15560', city: 'Nastola' },
      municipalityCode: '398',
      serviceAreaId: areaId,
      links: [{ url: 'https://nastola.example/talo', kind: 'WEBSITE' }],
    };

    it('lets staff add a facility to their own service area', async () => {
      const answer = await subgraph.request(CREATE, { input }, staff);
      expect(answer.data).toEqual({
        createFacility: {
          name: { fi: 'Nastolan kylätalo' },
          kind: 'MULTIPURPOSE_HOUSE',
          municipalityCode: '398',
          serviceArea: { id: areaId },
          links: [{ url: 'https://nastola.example/talo', kind: 'WEBSITE' }],
        },
      });
    });

    it('refuses other areas’ staff and names every bad field', async () => {
      const otherArea = { ...input, serviceAreaId: randomUUID() };
      expect(errorCodes(await subgraph.request(CREATE, { input: otherArea }, staff))).toEqual([
        'FORBIDDEN',
      ]);
      const bad = await subgraph.request(
        CREATE,
        {
          input: {
            ...input,
            name: { fi: '' },
            municipalityCode: '999',
            links: [{ url: 'ftp://x.example', kind: 'MAP' }],
          },
        },
        staff,
      );
      expect(rules(bad)).toEqual([
        'input.name.fi REQUIRED',
        'input.municipalityCode MUNICIPALITY',
        'input.links[0].url URL_SCHEME',
      ]);
    });

    it('changes only what is given', async () => {
      const answer = await subgraph.request(
        `mutation($input: UpdateFacilityInput!) { updateFacility(input: $input) { kind accessibility { fi } municipalityCode } }`,
        { input: { overwrite: true, id: facilityId, accessibility: { fi: 'Luiska pääovella' } } },
        staff,
      );
      expect(answer.data).toEqual({
        updateFacility: {
          kind: 'MULTIPURPOSE_HOUSE',
          accessibility: { fi: 'Luiska pääovella' },
          municipalityCode: '398',
        },
      });
    });
  });

  describe('opening hours', () => {
    const HOURS = `mutation($input: SetOpeningHoursInput!) { setOpeningHours(input: $input) { openingHours { weekday opens closes } } }`;
    const EXCEPTION = `mutation($input: SetOpeningExceptionInput!) { setOpeningException(input: $input) { openingExceptions { date closed } } }`;

    it('replaces the week, up to midnight, and availability follows', async () => {
      const answer = await subgraph.request(
        HOURS,
        {
          input: {
            facilityId,
            periods: [
              { weekday: 2, opens: '16:00', closes: '24:00' },
              { weekday: 2, opens: '08:00', closes: '12:00' },
            ],
          },
        },
        staff,
      );
      expect(answer.data).toEqual({
        setOpeningHours: {
          openingHours: [
            { weekday: 2, opens: '08:00', closes: '12:00' },
            { weekday: 2, opens: '16:00', closes: '24:00' },
          ],
        },
      });
      expect(await availability(spaceId, '2027-01-12')).toEqual([
        { startsAt: '2027-01-12T06:00:00.000Z', endsAt: '2027-01-12T10:00:00.000Z' },
        { startsAt: '2027-01-12T14:00:00.000Z', endsAt: '2027-01-12T21:59:00.000Z' },
      ]);
    });

    it('refuses overlapping periods, backwards times and bad weekdays', async () => {
      const answer = await subgraph.request(
        HOURS,
        {
          input: {
            facilityId,
            periods: [
              { weekday: 1, opens: '08:00', closes: '16:00' },
              { weekday: 1, opens: '15:00', closes: '18:00' },
              { weekday: 8, opens: '10:00', closes: '09:00' },
            ],
          },
        },
        staff,
      );
      expect(rules(answer)).toEqual([
        'input.periods[2].weekday MAX',
        'input.periods[2].closes AFTER_OPENS',
        'input.periods[1] OVERLAP',
      ]);
    });

    it('closes a day with an exception, and opens it again when the exception goes', async () => {
      const day = comingTuesday();
      const closed = await subgraph.request(
        EXCEPTION,
        { input: { facilityId, date: day, note: { fi: 'Remontti' } } },
        staff,
      );
      expect(closed.errors).toEqual([]);
      expect(await availability(spaceId, day)).toEqual([]);
      const bad = await subgraph.request(
        EXCEPTION,
        { input: { facilityId, date: '2027-02-30', opens: '10:00' } },
        staff,
      );
      expect(rules(bad)).toEqual(['input.date DATE', 'input.closes BOTH_OR_NEITHER']);
      await subgraph.request(
        `mutation { removeOpeningException(facilityId: "${facilityId}", date: "${day}") { id } }`,
        {},
        staff,
      );
      expect(await availability(spaceId, day)).toHaveLength(2);
    });
  });

  describe('createSpace and updateSpace', () => {
    const UPDATE = `mutation($input: UpdateSpaceInput!) { updateSpace(input: $input) {
      pricing { isFree hourlyRate { amount } listHourlyRate { amount } } bookingRules { slotMinutes minDurationMinutes } bookingSystem { kind externalId } equipment } }`;

    it('adds a part of a hall in the same facility only', async () => {
      const CREATE = `mutation($input: CreateSpaceInput!) { createSpace(input: $input) { name { fi } parent { id } } }`;
      const half = await subgraph.request(
        CREATE,
        { input: { facilityId, parentSpaceId: spaceId, name: { fi: 'Sali A' }, type: 'HALL' } },
        staff,
      );
      expect(half.data).toEqual({
        createSpace: { name: { fi: 'Sali A' }, parent: { id: spaceId } },
      });
      const elsewhere = await makeSpace(
        subgraph.db,
        await makeFacility(subgraph.db, { serviceAreaId: areaId }),
      );
      const wrong = await subgraph.request(
        CREATE,
        { input: { facilityId, parentSpaceId: elsewhere, name: { fi: 'X' }, type: 'HALL' } },
        staff,
      );
      expect(rules(wrong)).toEqual(['input.parentSpaceId SAME_FACILITY']);
    });

    it('changes prices, rules, equipment and the booking-system link', async () => {
      const answer = await subgraph.request(
        UPDATE,
        {
          input: {
            overwrite: true,
            id: spaceId,
            isFree: false,
            hourlyRate: '19.90',
            listHourlyRate: '49.90',
            slotMinutes: 60,
            minDurationMinutes: 60,
            bookingSystem: 'TIMMI',
            externalId: '4711',
            equipment: ['Piano', 'stage', 'piano'],
          },
        },
        staff,
      );
      expect(answer.data).toEqual({
        updateSpace: {
          pricing: {
            isFree: false,
            hourlyRate: { amount: '19.90' },
            listHourlyRate: { amount: '49.90' },
          },
          bookingRules: { slotMinutes: 60, minDurationMinutes: 60 },
          bookingSystem: { kind: 'TIMMI', externalId: '4711' },
          equipment: ['piano', 'stage'],
        },
      });
      const local = await subgraph.request(
        UPDATE,
        { input: { overwrite: true, id: spaceId, bookingSystem: 'LOCAL' } },
        staff,
      );
      expect(local.data).toMatchObject({
        updateSpace: { bookingSystem: { kind: 'LOCAL', externalId: null } },
      });
    });

    it('checks the rules between fields on the space as it will be', async () => {
      const answer = await subgraph.request(
        UPDATE,
        {
          input: {
            overwrite: true,
            id: spaceId,
            hourlyRate: null,
            listHourlyRate: '-5.00',
            slotMinutes: 45,
            maxDurationMinutes: 30,
            bookingSystem: 'ICS',
            equipment: ['two words'],
          },
        },
        staff,
      );
      expect(rules(answer)).toEqual([
        'input.equipment[0] KEYWORD',
        'input.hourlyRate REQUIRED',
        'input.listHourlyRate MIN',
        'input.maxDurationMinutes AT_LEAST_MIN',
        'input.minDurationMinutes SLOT_GRID',
        'input.maxDurationMinutes SLOT_GRID',
        'input.externalId REQUIRED',
      ]);
    });

    it('refuses representatives, and a second space linked to the same external id', async () => {
      const representative = await subgraph.token({
        role: 'representative',
        associationIds: [randomUUID()],
      });
      expect(
        errorCodes(
          await subgraph.request(
            UPDATE,
            { input: { overwrite: true, id: spaceId, capacity: 5 } },
            representative,
          ),
        ),
      ).toEqual(['FORBIDDEN']);
      await makeSpace(subgraph.db, facilityId, { bookingSystem: 'TIMMI', externalId: '9999' });
      const taken = await subgraph.request(
        UPDATE,
        { input: { overwrite: true, id: spaceId, bookingSystem: 'TIMMI', externalId: '9999' } },
        staff,
      );
      expect(errorCodes(taken)).toEqual(['CONFLICT']);
    });
  });

  describe('blockSpaceTime and unblockSpaceTime', () => {
    it('blocks a space, lists the reservations it falls on, and unblocks it', async () => {
      // A house of its own, open 08–22 every day, whatever other tests did to their hours.
      const room = await makeSpace(
        subgraph.db,
        await makeFacility(subgraph.db, { serviceAreaId: areaId }),
      );
      const reservation = await makeReservation(subgraph.db, room, {
        startsAt: new Date(at('2027-01-26T09:00')),
        endsAt: new Date(at('2027-01-26T10:00')),
      });
      const BLOCK = `mutation($input: BlockSpaceTimeInput!) { blockSpaceTime(input: $input) { block { id source reason } overlappingReservations { id } } }`;
      const answer = await subgraph.request<{ blockSpaceTime: { block: { id: string } } }>(
        BLOCK,
        {
          input: {
            spaceId: room,
            startsAt: at('2027-01-26T08:00'),
            endsAt: at('2027-01-26T12:00'),
            reason: 'Lattian vahaus',
          },
        },
        staff,
      );
      expect(answer.data).toEqual({
        blockSpaceTime: {
          block: { id: expect.any(String), source: 'STAFF', reason: 'Lattian vahaus' },
          overlappingReservations: [{ id: reservation }],
        },
      });
      expect(await availability(room, '2027-01-26')).toEqual([
        { startsAt: '2027-01-26T10:00:00.000Z', endsAt: '2027-01-26T20:00:00.000Z' },
      ]);
      const UNBLOCK = `mutation($id: ID!) { unblockSpaceTime(id: $id) { reason } }`;
      expect(
        (await subgraph.request(UNBLOCK, { id: answer.data!.blockSpaceTime.block.id }, staff)).data,
      ).toEqual({
        unblockSpaceTime: { reason: 'Lattian vahaus' },
      });
      // Open again, but for the reservation the block fell on (09–10, untouched by it).
      expect(await availability(room, '2027-01-26')).toEqual([
        { startsAt: '2027-01-26T06:00:00.000Z', endsAt: '2027-01-26T07:00:00.000Z' },
        { startsAt: '2027-01-26T08:00:00.000Z', endsAt: '2027-01-26T20:00:00.000Z' },
      ]);
    });

    it('leaves busy times from a booking system to that system', async () => {
      const room = await makeSpace(subgraph.db, facilityId);
      await makeBlockedTime(subgraph.db, room, {
        startsAt: new Date(at('2027-01-27T08:00')),
        endsAt: new Date(at('2027-01-27T09:00')),
        source: 'TIMMI',
      });
      const rows: Array<{ id: string }> = await subgraph.db.query(
        'SELECT id FROM facilities.blocked_time WHERE space_id = $1',
        [room],
      );
      const answer = await subgraph.request(
        `mutation($id: ID!) { unblockSpaceTime(id: $id) { id } }`,
        { id: rows[0].id },
        staff,
      );
      expect(rules(answer)).toEqual(['id FROM_BOOKING_SYSTEM']);
    });
  });
});

describe('linking a space to a calendar feed (issue 28, item 6)', () => {
  let subgraph: TestSubgraph;
  const areaId = randomUUID();
  let staff: string;
  let spaceId: string;
  // What the feeds' host names resolve to, as the outbound policy will see them.
  const dns: Record<string, string[]> = {
    'feeds.example': ['93.184.216.34'],
    'intranet.example': ['10.20.0.5'],
    'rebind.example': ['93.184.216.34', '169.254.169.254'],
  };

  beforeAll(async () => {
    const ics = new IcsClient({}, async (host) => dns[host] ?? []);
    subgraph = await startTestSubgraph(
      createFacilitiesSubgraph(new BookingBridge({ ICS: ics }, 3_600_000)),
    );
    staff = await subgraph.token({ role: 'staff', serviceAreaIds: [areaId] });
    spaceId = await makeSpace(
      subgraph.db,
      await makeFacility(subgraph.db, { serviceAreaId: areaId }),
    );
  });
  afterAll(() => subgraph.stop());

  const link = (externalId: string) =>
    subgraph.request(
      `mutation($input: UpdateSpaceInput!) { updateSpace(input: $input) { bookingSystem { kind externalId } } }`,
      { input: { id: spaceId, overwrite: true, bookingSystem: 'ICS', externalId } },
      staff,
    );

  it.each([
    ['loopback', 'http://127.0.0.1:8080/feed.ics'],
    ['a private network', 'https://intranet.example/feed.ics'],
    ['link-local among the answers', 'https://rebind.example/feed.ics'],
    ['an IPv4-mapped loopback', 'http://[::ffff:127.0.0.1]/feed.ics'],
  ])('refuses a feed on %s when staff set it, naming the rule', async (_what, url) => {
    const answer = await link(url);
    expect(rules(answer)).toEqual(['input.externalId OUTBOUND_POLICY']);
    const rows = await subgraph.db.query(
      `SELECT booking_system, external_id FROM facilities.space WHERE id = $1`,
      [spaceId],
    );
    expect(rows[0]).toEqual({ booking_system: 'LOCAL', external_id: null });
  });

  it('takes a feed on a public address', async () => {
    const answer = await link('https://feeds.example/sali.ics');
    expect(answer.errors).toEqual([]);
    expect(answer.data).toEqual({
      updateSpace: {
        bookingSystem: { kind: 'ICS', externalId: 'https://feeds.example/sali.ics' },
      },
    });
  });
});
