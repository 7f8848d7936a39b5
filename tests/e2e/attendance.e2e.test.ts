import type { DataSource } from 'typeorm';
import { associationId } from '../../demo/data';
import { addDays, fromHelsinkiLocal, helsinkiDate } from '../../subgraphs/core/time';
import { eventsSubgraph } from '../../subgraphs/events/events.subgraph';
import { makeEvent } from '../factories/events.factory';
import { postGraphQL, startTestHub, type TestHub } from '../setup/test-hub';

/**
 * Who came (issue 32, item 4), through the gateway: the organiser sees the sign-ups, marks
 * after the event how many of each came and counts everyone at the door; bad marks are
 * refused naming each field and write nothing; the event, the statistics and feedback that
 * only those who came may give all follow from it.
 */
describe('attendance: who came to an event', () => {
  let t: TestHub;
  let events: DataSource;
  let representative: string;
  let choirRepresentative: string;
  let chessRepresentative: string;
  let past: string;
  let coming: string;
  const club = associationId('lahden-urheiluseura');
  const choir = associationId('lahden-kuorolaiset');
  const chess = associationId('lahden-shakki');
  const scouts = associationId('hollolan-4h');
  // Yesterday evening in Helsinki: over, whatever day the suite runs.
  const yesterday = addDays(helsinkiDate(new Date()), -1);
  const enrolments: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestHub();
    events = await t.database.dataSource(eventsSubgraph);
    representative = await t.token({
      role: 'representative',
      subject: 'seura',
      associationIds: [club],
    });
    choirRepresentative = await t.token({
      role: 'representative',
      subject: 'kuoro',
      associationIds: [choir],
    });
    chessRepresentative = await t.token({
      role: 'representative',
      subject: 'shakki',
      associationIds: [chess],
    });
    past = await makeEvent(events, {
      title: 'Seurojen ilta',
      kind: 'COMMUNITY_EVENT',
      startsAt: fromHelsinkiLocal(`${yesterday}T18:00`),
      organizerIds: [club],
    });
    coming = await makeEvent(events, {
      title: 'Tuleva ilta',
      kind: 'COMMUNITY_EVENT',
      startsAt: fromHelsinkiLocal(`${addDays(yesterday, 8)}T18:00`),
      organizerIds: [club],
    });
    for (const [association, people, status] of [
      [choir, 5, 'ENROLLED'],
      [chess, 3, 'ENROLLED'],
      [scouts, 2, 'WAITLISTED'],
    ] as const) {
      const [row] = await events.query(
        `INSERT INTO events.enrolment (event_id, association_id, enrolled_by, people, status)
         VALUES ($1, $2, 'test', $3, $4) RETURNING id`,
        [past, association, people, status],
      );
      enrolments[association] = row.id;
    }
  });

  afterAll(() => t.stop());

  const graph = async <T>(query: string, variables: Record<string, unknown>, token?: string) => {
    const { body } = await postGraphQL(
      t.hub.gateway.graphqlUrl,
      query,
      variables,
      token ? { authorization: `Bearer ${token}` } : {},
    );
    return body as {
      data?: T;
      errors?: Array<{
        message: string;
        extensions: { code: string; fields?: Array<{ field: string; rule: string }> };
      }>;
    };
  };
  const RECORD = `mutation ($input: RecordAttendanceInput!) { recordAttendance(input: $input) {
    attendance { signedUp came noShows unmarked headCount walkIns } } }`;
  const READ = `query ($id: ID!) { event(id: $id) {
    attendance { signedUp came noShows unmarked headCount walkIns }
    enrolments { association { id } people status attendedPeople } } }`;
  type Read = {
    event: {
      attendance: Record<string, number | null> | null;
      enrolments: Array<{
        association: { id: string };
        people: number;
        status: string;
        attendedPeople: number | null;
      }>;
    };
  };

  it('shows the sign-ups to the organiser whole, to an association its own, to others none', async () => {
    const seen = async (token?: string) =>
      (await graph<Read>(READ, { id: past }, token)).data!.event.enrolments.map(
        (e) => e.association.id,
      );
    expect(await seen(representative)).toEqual([choir, chess, scouts]);
    expect(await seen(choirRepresentative)).toEqual([choir]);
    expect(await seen()).toEqual([]);
  });

  it('refuses marks it cannot take, naming each field and rule, and writes nothing', async () => {
    const forbidden = await graph(
      RECORD,
      { input: { eventId: past, headCount: 10 } },
      choirRepresentative,
    );
    expect(forbidden.errors?.[0].extensions.code).toBe('FORBIDDEN');
    const bad = await graph(
      RECORD,
      {
        input: {
          eventId: past,
          headCount: 2,
          enrolments: [
            { enrolmentId: enrolments[choir], came: 6 },
            { enrolmentId: enrolments[scouts], came: 2 },
            { enrolmentId: enrolments[chess], came: 3 },
          ],
        },
      },
      representative,
    );
    expect(bad.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(bad.errors?.[0].extensions.fields?.map((f) => `${f.field} ${f.rule}`)).toEqual([
      'input.enrolments[0].came RANGE',
      'input.enrolments[1].enrolmentId ENROLLED',
      'input.headCount AT_LEAST_CAME',
    ]);
    const cancelled = await makeEvent(events, {
      kind: 'COMMUNITY_EVENT',
      status: 'CANCELLED',
      // The day before yesterday: outside the statistics asked for below.
      startsAt: fromHelsinkiLocal(`${addDays(yesterday, -1)}T12:00`),
      organizerIds: [club],
    });
    const nobody = await graph(
      RECORD,
      { input: { eventId: cancelled, headCount: 3 } },
      representative,
    );
    expect(nobody.errors?.[0].extensions.fields?.map((f) => f.rule)).toEqual(['CANCELLED']);
    const notYet = await graph(
      RECORD,
      { input: { eventId: coming, headCount: 4 } },
      representative,
    );
    expect(notYet.errors?.[0].extensions.fields?.map((f) => f.rule)).toEqual(['NOT_STARTED']);
    const read = await graph<Read>(READ, { id: past }, representative);
    expect(read.data!.event.attendance).toBeNull();
    expect(read.data!.event.enrolments.map((e) => e.attendedPeople)).toEqual([null, null, null]);
  });

  it('records who came, and the event and the statistics tell signed up, came and no-shows apart', async () => {
    const recorded = await graph<{ recordAttendance: { attendance: Record<string, number> } }>(
      RECORD,
      {
        input: {
          eventId: past,
          headCount: 10,
          enrolments: [
            { enrolmentId: enrolments[choir], came: 4 },
            { enrolmentId: enrolments[chess], came: 0 },
          ],
        },
      },
      representative,
    );
    expect(recorded.errors).toBeUndefined();
    // 5 + 3 signed up; 4 of them came, 4 did not; 10 at the door, so 6 came without a sign-up.
    expect(recorded.data!.recordAttendance.attendance).toEqual({
      signedUp: 8,
      came: 4,
      noShows: 4,
      unmarked: 0,
      headCount: 10,
      walkIns: 6,
    });
    const statistics = await graph<{ eventStatistics: { groups: Array<Record<string, number>> } }>(
      `query ($f: EventFilter) { eventStatistics(groupBy: [KIND], filter: $f) {
        groups { count participants eventsWithAttendance came noShows } } }`,
      {
        f: {
          organizerIds: [club],
          kinds: ['COMMUNITY_EVENT'],
          from: fromHelsinkiLocal(`${yesterday}T00:00`).toISOString(),
          to: fromHelsinkiLocal(`${yesterday}T23:59`).toISOString(),
        },
      },
    );
    expect(statistics.data!.eventStatistics.groups).toEqual([
      { count: 1, participants: 8, eventsWithAttendance: 1, came: 10, noShows: 4 },
    ]);
    // A correction: the chess club did come after all.
    const corrected = await graph<{ recordAttendance: { attendance: Record<string, number> } }>(
      RECORD,
      { input: { eventId: past, enrolments: [{ enrolmentId: enrolments[chess], came: 3 }] } },
      representative,
    );
    expect(corrected.data!.recordAttendance.attendance).toMatchObject({
      came: 7,
      noShows: 1,
      walkIns: 3,
    });
  });

  it('takes feedback only from those who came when the event says so', async () => {
    const updated = await graph(
      `mutation ($input: UpdateEventInput!) { updateEvent(input: $input) { feedbackFromAttendeesOnly } }`,
      { input: { id: past, feedbackFromAttendeesOnly: true, overwrite: true } },
      representative,
    );
    expect(updated.data).toEqual({ updateEvent: { feedbackFromAttendeesOnly: true } });
    await graph(
      RECORD,
      { input: { eventId: past, enrolments: [{ enrolmentId: enrolments[chess], came: 0 }] } },
      representative,
    );
    const FEEDBACK = `mutation ($input: GiveFeedbackInput!) { giveFeedback(input: $input) { rating } }`;
    const absent = await graph(
      FEEDBACK,
      { input: { eventId: past, associationId: chess, rating: 2 } },
      chessRepresentative,
    );
    expect(absent.errors?.[0].extensions.fields?.map((f) => `${f.field} ${f.rule}`)).toEqual([
      'input.associationId ATTENDED',
    ]);
    const present = await graph(
      FEEDBACK,
      { input: { eventId: past, associationId: choir, rating: 5 } },
      choirRepresentative,
    );
    expect(present.errors).toBeUndefined();
  });
  it('computes who came to a year’s association evenings as an indicator, with the query that gave it', async () => {
    // 2021: before any of the demo's evenings. One evening counted at the door (30), one by
    // its marked sign-ups only (4 of 5): 34 came, worked out by hand.
    const admin = await t.token({ role: 'admin', subject: 'analyytikko' });
    const counted = await makeEvent(events, {
      kind: 'ASSOCIATION_EVENING',
      startsAt: fromHelsinkiLocal('2021-03-16T17:00'),
    });
    const marked = await makeEvent(events, {
      kind: 'ASSOCIATION_EVENING',
      startsAt: fromHelsinkiLocal('2021-10-12T17:00'),
    });
    const [signUp] = await events.query(
      `INSERT INTO events.enrolment (event_id, association_id, enrolled_by, people, status)
       VALUES ($1, $2, 'test', 5, 'ENROLLED') RETURNING id`,
      [marked, choir],
    );
    for (const input of [
      { eventId: counted, headCount: 30 },
      { eventId: marked, enrolments: [{ enrolmentId: signUp.id, came: 4 }] },
    ]) {
      expect((await graph(RECORD, { input }, admin)).errors).toBeUndefined();
    }
    const created = await graph<{ createIndicator: { id: string } }>(
      `mutation { createIndicator(input: { name: { fi: "Yhdistysiltoihin tulleet" }, kind: RESULT, metric: ASSOCIATION_EVENING_ATTENDEES }) { id } }`,
      {},
      admin,
    );
    const recorded = await graph<{
      recordIndicatorValue: {
        values: Array<{ period: string; value: string; query: string; queryVariables: string }>;
      };
    }>(
      `mutation ($input: RecordIndicatorValueInput!) { recordIndicatorValue(input: $input) {
        values { period value query queryVariables } } }`,
      { input: { indicatorId: created.data!.createIndicator.id, period: '2021' } },
      admin,
    );
    expect(recorded.errors).toBeUndefined();
    const [value] = recorded.data!.recordIndicatorValue.values;
    expect(value).toMatchObject({ period: '2021', value: '34' });
    expect(JSON.parse(value.queryVariables)).toEqual({
      from: '2020-12-31T22:00:00.000Z',
      to: '2021-12-31T22:00:00.000Z',
    });
    // The query shown beside the value gives the same figure to anyone who runs it.
    const rerun = await graph<{ eventStatistics: { total: { came: number } } }>(
      value.query,
      JSON.parse(value.queryVariables) as Record<string, unknown>,
    );
    expect(rerun.data!.eventStatistics.total.came).toBe(34);
  });
});
