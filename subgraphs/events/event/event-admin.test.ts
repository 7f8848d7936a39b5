import { randomUUID } from 'node:crypto';
import { fromHelsinkiLocal } from '../../core/time';
import { eventsSubgraph } from '../events.subgraph';
import {
  brokenRules,
  errorCodes,
  startTestSubgraph,
  type TestSubgraph,
} from '../../../tests/setup/subgraph-harness';
import { SeriesFrequency } from './event.enums';
import { seriesDates } from './event-admin.service';

const SERIES = `mutation($input: CreateEventSeriesInput!) { createEventSeries(input: $input) { id startsAt sequence } }`;
const CREATE = `mutation($input: CreateEventInput!) { createEvent(input: $input) { id status title { fi } } }`;
const UPDATE = `mutation($input: UpdateEventInput!) { updateEvent(input: $input) { startsAt sequence seriesException status } }`;

describe('managing events', () => {
  let subgraph: TestSubgraph;
  const areaId = randomUUID();
  const associationId = randomUUID();
  let staff: string;
  let representative: string;

  beforeAll(async () => {
    subgraph = await startTestSubgraph(eventsSubgraph);
    staff = await subgraph.token({ role: 'staff', serviceAreaIds: [areaId] });
    representative = await subgraph.token({
      role: 'representative',
      associationIds: [associationId],
    });
  });

  afterAll(() => subgraph.stop());

  it('repeats weekly on the weekday and monthly on the nth weekday, the fifth falling back to the last', () => {
    expect(seriesDates('2027-01-20', SeriesFrequency.WEEKLY, 2, 3)).toEqual([
      '2027-01-20',
      '2027-02-03',
      '2027-02-17',
    ]);
    // 20 January 2027 is the third Wednesday.
    expect(seriesDates('2027-01-20', SeriesFrequency.MONTHLY, 1, 4)).toEqual([
      '2027-01-20',
      '2027-02-17',
      '2027-03-17',
      '2027-04-21',
    ]);
    // 29 January 2027 is the fifth Friday; February has four.
    expect(seriesDates('2027-01-29', SeriesFrequency.MONTHLY, 1, 2)).toEqual([
      '2027-01-29',
      '2027-02-26',
    ]);
  });

  it('creates a monthly working group at 15:00 Helsinki time on both sides of the March change', async () => {
    const answer = await subgraph.request<{
      createEventSeries: Array<{ id: string; startsAt: string }>;
    }>(
      SERIES,
      {
        input: {
          title: { fi: 'Tilatyöryhmä' },
          kind: 'WORKING_GROUP',
          status: 'SCHEDULED',
          startsAt: fromHelsinkiLocal('2027-01-20T15:00').toISOString(),
          endsAt: fromHelsinkiLocal('2027-01-20T16:30').toISOString(),
          serviceAreaIds: [areaId],
          frequency: 'MONTHLY',
          occurrences: 4,
        },
      },
      staff,
    );
    expect(answer.errors).toEqual([]);
    expect(answer.data!.createEventSeries.map((e) => e.startsAt)).toEqual([
      '2027-01-20T13:00:00.000Z',
      '2027-02-17T13:00:00.000Z',
      '2027-03-17T13:00:00.000Z',
      '2027-04-21T12:00:00.000Z', // summer time: 15:00 is 12:00 UTC
    ]);
  });

  it('changes one occurrence as an exception, raising only its SEQUENCE', async () => {
    const created = await subgraph.request<{ createEventSeries: Array<{ id: string }> }>(
      SERIES,
      {
        input: {
          title: { fi: 'Viestintätyöryhmä' },
          kind: 'WORKING_GROUP',
          status: 'SCHEDULED',
          startsAt: fromHelsinkiLocal('2027-02-03T16:00').toISOString(),
          endsAt: fromHelsinkiLocal('2027-02-03T17:00').toISOString(),
          serviceAreaIds: [areaId],
          frequency: 'WEEKLY',
          occurrences: 3,
        },
      },
      staff,
    );
    const [first, second, third] = created.data!.createEventSeries.map((e) => e.id);
    const moved = await subgraph.request(
      UPDATE,
      {
        input: {
          id: second,
          overwrite: true,
          startsAt: fromHelsinkiLocal('2027-02-11T16:00').toISOString(),
          endsAt: fromHelsinkiLocal('2027-02-11T17:00').toISOString(),
        },
      },
      staff,
    );
    expect(moved.data).toEqual({
      updateEvent: {
        startsAt: '2027-02-11T14:00:00.000Z',
        sequence: 1,
        seriesException: true,
        status: 'SCHEDULED',
      },
    });
    const cancelled = await subgraph.request<{ cancelEvent: { status: string } }>(
      `mutation($id: ID!) { cancelEvent(id: $id) { status } }`,
      { id: third },
      staff,
    );
    expect(cancelled.data!.cancelEvent.status).toBe('CANCELLED');
    const series = await subgraph.request<{
      event: {
        series: {
          frequency: string;
          occurrences: Array<{ sequence: number; seriesException: boolean; status: string }>;
        };
      };
    }>(
      `query($id: ID!) { event(id: $id) { series { frequency occurrences { sequence seriesException status } } } }`,
      { id: first },
    );
    expect(series.data!.event.series).toEqual({
      frequency: 'WEEKLY',
      occurrences: [
        { sequence: 0, seriesException: false, status: 'SCHEDULED' },
        { sequence: 1, seriesException: true, status: 'SCHEDULED' },
        { sequence: 1, seriesException: true, status: 'CANCELLED' },
      ],
    });
  });

  it('lets an association create its own community event, not the city’s meetings', async () => {
    const own = await subgraph.request(
      CREATE,
      {
        input: {
          title: { fi: 'Pihakirppis' },
          kind: 'COMMUNITY_EVENT',
          organizerIds: [associationId],
          startsAt: '2027-05-15T09:00:00Z',
          endsAt: '2027-05-15T13:00:00Z',
        },
      },
      representative,
    );
    expect(own.data).toMatchObject({
      createEvent: { status: 'DRAFT', title: { fi: 'Pihakirppis' } },
    });
    const evening = await subgraph.request(
      CREATE,
      {
        input: {
          title: { fi: 'Yhdistysilta' },
          kind: 'ASSOCIATION_EVENING',
          organizerIds: [associationId],
          startsAt: '2027-05-15T09:00:00Z',
          endsAt: '2027-05-15T13:00:00Z',
        },
      },
      representative,
    );
    expect(errorCodes(evening)).toEqual(['FORBIDDEN']);
    const otherStaff = await subgraph.token({ role: 'staff', serviceAreaIds: [randomUUID()] });
    const wrongArea = await subgraph.request(
      CREATE,
      {
        input: {
          title: { fi: 'Foorumi' },
          kind: 'FORUM',
          serviceAreaIds: [areaId],
          startsAt: '2027-05-15T09:00:00Z',
          endsAt: '2027-05-15T13:00:00Z',
        },
      },
      otherStaff,
    );
    expect(errorCodes(wrongArea)).toEqual(['FORBIDDEN']);
  });

  it('lets a representative name only associations they represent, and no service areas', async () => {
    const neighbour = randomUUID();
    const named = await subgraph.request(
      CREATE,
      {
        input: {
          title: { fi: 'Yhteinen kirppis' },
          kind: 'COMMUNITY_EVENT',
          organizerIds: [associationId, neighbour],
          serviceAreaIds: [areaId],
          startsAt: '2027-05-22T09:00:00Z',
          endsAt: '2027-05-22T13:00:00Z',
        },
      },
      representative,
    );
    expect(brokenRules(named)).toEqual([
      'input.organizerIds OWN_ASSOCIATIONS',
      'input.serviceAreaIds STAFF_ONLY',
    ]);
    expect(named.errors[0].message).toContain(neighbour);
    const rows = await subgraph.db.query(
      `SELECT count(*)::int AS n FROM events.event WHERE title->>'fi' = 'Yhteinen kirppis'`,
    );
    expect(rows).toEqual([{ n: 0 }]);
    // Staff may name any association and tag their own area.
    const byStaff = await subgraph.request(
      CREATE,
      {
        input: {
          title: { fi: 'Yhteinen kirppis' },
          kind: 'JOINT_EVENT',
          organizerIds: [associationId, neighbour],
          serviceAreaIds: [areaId],
          startsAt: '2027-05-22T09:00:00Z',
          endsAt: '2027-05-22T13:00:00Z',
        },
      },
      staff,
    );
    expect(byStaff.errors).toEqual([]);
  });

  it('names every bad field and writes nothing', async () => {
    const count = async () =>
      (
        (await subgraph.db.query(
          `SELECT count(*)::int AS n FROM events.event WHERE kind = 'FORUM'`,
        )) as Array<{ n: number }>
      )[0].n;
    const before = await count();
    const answer = await subgraph.request(
      CREATE,
      {
        input: {
          title: { fi: '' },
          kind: 'FORUM',
          serviceAreaIds: [areaId],
          startsAt: '2027-05-15T13:00:00Z',
          endsAt: '2027-05-15T09:00:00Z',
          onlineUrl: 'teams',
          capacity: 0,
        },
      },
      staff,
    );
    expect(brokenRules(answer)).toEqual([
      'input.title.fi REQUIRED',
      'input.onlineUrl URL',
      'input.capacity MIN',
      'input.endsAt AFTER_START',
    ]);
    expect(await count()).toBe(before);
  });

  it('links WORKING_GROUP events to their working group as its meetings, drafts for staff only', async () => {
    const groupId = randomUUID();
    const meeting = (startsAt: string, status: string, kind = 'WORKING_GROUP') => ({
      title: { fi: 'Tilatyöryhmän kokous' },
      kind,
      status,
      startsAt,
      endsAt: new Date(new Date(startsAt).getTime() + 3600_000).toISOString(),
      serviceAreaIds: [areaId],
      workingGroupId: groupId,
    });
    const created: string[] = [];
    for (const [startsAt, status] of [
      ['2029-03-10T15:00:00.000Z', 'SCHEDULED'],
      ['2029-02-10T15:00:00.000Z', 'SCHEDULED'],
      ['2029-04-10T15:00:00.000Z', 'DRAFT'],
    ]) {
      const answer = await subgraph.request<{ createEvent: { id: string } }>(
        CREATE,
        { input: meeting(startsAt, status) },
        staff,
      );
      expect(answer.errors).toEqual([]);
      created.push(answer.data!.createEvent.id);
    }
    const MEETINGS = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on WorkingGroup { meetings { id workingGroup { id } } } } }`;
    const meetings = async (token?: string) =>
      (
        await subgraph.request<{ _entities: Array<{ meetings: Array<{ id: string }> }> }>(
          MEETINGS,
          { r: [{ __typename: 'WorkingGroup', id: groupId }] },
          token,
        )
      ).data!._entities[0].meetings;
    expect(await meetings()).toEqual([
      { id: created[1], workingGroup: { id: groupId } },
      { id: created[0], workingGroup: { id: groupId } },
    ]);
    expect((await meetings(staff)).map((m) => m.id)).toEqual([created[1], created[0], created[2]]);

    const forum = await subgraph.request(
      CREATE,
      { input: meeting('2029-05-10T15:00:00.000Z', 'SCHEDULED', 'FORUM') },
      staff,
    );
    expect(brokenRules(forum)).toEqual(['input.workingGroupId KIND']);
  });
});
