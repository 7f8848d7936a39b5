import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { associationId, serviceAreaId } from '../../demo/data';
import { addDays, fromHelsinkiLocal, helsinkiDate } from '../../subgraphs/core/time';
import { eventsSubgraph } from '../../subgraphs/events/events.subgraph';
import { facilitiesSubgraph } from '../../subgraphs/facilities/facilities.subgraph';
import { grantsSubgraph } from '../../subgraphs/grants/grants.subgraph';
import { makeEvent } from '../factories/events.factory';
import { makeBlockedTime, makeFacility, makeSpace } from '../factories/facilities.factory';
import { makeProgram, makeRound } from '../factories/grants.factory';
import { startMailServer, type TestMailServer } from '../setup/mail-server';
import { postGraphQL, startTestHub, type TestHub } from '../setup/test-hub';

/**
 * Issue 29, item 3, through the gateway against a real SMTP server: an association asks the
 * city's support for its event in one mutation (the hall with setup and clearing-away time,
 * equipment, an event grant); the facilities and grants subgraphs make each part as the
 * representative would, one part is refused with its reason and the others go on; staff
 * decide each part where they own it; the association reads the whole request in one query,
 * gets one mail when the last part is decided, and the public sees the hall busy.
 */
describe('an event with the city’s support, from request to decision mail', () => {
  let t: TestHub;
  let mail: TestMailServer;
  let facilities: DataSource;
  let events: DataSource;
  let grants: DataSource;
  let admin: string;
  let representative: string;
  const club = associationId('lahden-urheiluseura');
  const other = associationId('lahden-shakki');
  const day = addDays(helsinkiDate(new Date()), 21);
  const startsAt = fromHelsinkiLocal(`${day}T18:00`);
  const endsAt = fromHelsinkiLocal(`${day}T20:00`);
  let hall: string;
  let event: string;
  let tents: string;
  let stage: string;
  let round: string;

  beforeAll(async () => {
    mail = await startMailServer();
    t = await startTestHub({ SMTP_URL: mail.url, DELIVERY_RETRY_DELAY_SECONDS: '1' });
    [facilities, events, grants] = await Promise.all([
      t.database.dataSource(facilitiesSubgraph),
      t.database.dataSource(eventsSubgraph),
      t.database.dataSource(grantsSubgraph),
    ]);
    admin = await t.token({ role: 'admin', subject: 'tapahtumakoordinaattori' });
    representative = await t.token({
      role: 'representative',
      subject: 'seuran-sihteeri',
      associationIds: [club],
    });
    const house = await makeFacility(facilities, { serviceAreaId: serviceAreaId('sports') });
    hall = await makeSpace(facilities, house, {
      name: { fi: 'Juhlasali' },
      capacity: 200,
      maxDurationMinutes: 600,
    });
    event = await makeEvent(events, {
      title: 'Seuran syysjuhla',
      kind: 'COMMUNITY_EVENT',
      startsAt,
      hours: 2,
      organizerIds: [club],
      venueSpaceId: hall,
    });
    // The event's own hold on its venue, as the venue-hold consumer keeps it: its own
    // support request's reservation may overlap it.
    await makeBlockedTime(facilities, hall, {
      startsAt,
      endsAt,
      source: 'EVENT',
      externalId: event,
    });
    tents = randomUUID();
    stage = randomUUID();
    for (const [id, name, quantity] of [
      [tents, 'Tapahtumateltta', 4],
      [stage, 'Siirrettävä lava', 1],
    ] as const) {
      await facilities.query(
        `INSERT INTO facilities.equipment_item (id, name, quantity, service_area_id) VALUES ($1, $2, $3, $4)`,
        [id, { fi: name }, quantity, serviceAreaId('sports')],
      );
    }
    const program = await makeProgram(grants, { kind: 'EVENT', name: 'Tapahtuma-avustus' });
    round = await makeRound(grants, program);
  });
  afterAll(async () => {
    await t?.stop();
    await mail?.stop();
  });

  const graph = async <T>(query: string, variables: Record<string, unknown>, token?: string) =>
    (
      await postGraphQL(
        t.hub.gateway.graphqlUrl,
        query,
        variables,
        token ? { authorization: `Bearer ${token}` } : {},
      )
    ).body as {
      data?: T;
      errors?: Array<{ message: string; extensions?: { code?: string; fields?: unknown } }>;
    };

  async function waitForEmptyBacklog() {
    const until = Date.now() + 120_000;
    for (;;) {
      const backlog = await t.hub.events.backlog();
      if (Object.values(backlog).every((b) => b.waiting === 0 && b.deadLetters === 0)) return;
      if (Date.now() > until) throw new Error(`events still waiting: ${JSON.stringify(backlog)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  const mailsTo = (address: string) => mail.received.filter((m) => m.to === address);
  async function waitForMail(address: string, subject: RegExp) {
    const until = Date.now() + 120_000;
    for (;;) {
      const found = mailsTo(address).find((m) => subject.test(m.subject));
      if (found) return found;
      if (Date.now() > until) throw new Error(`${address}: no mail ${subject}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  const REQUEST = `mutation ($input: RequestEventSupportInput!) {
    requestEventSupport(input: $input) { id status parts { kind status } }
  }`;
  const READ = `query ($id: ID!) {
    eventSupportRequest(id: $id) {
      status decidedAt event { id } association { id }
      parts {
        kind status reason settled startsAt endsAt quantity requestedAmount name { fi }
        space { id }
        reservation { id status startsAt endsAt }
        equipmentReservation { id status quantity }
        grantApplication { id status decision { awardedAmount { amount } } }
      }
    }
  }`;
  interface Part {
    kind: string;
    status: string;
    reason: string | null;
    settled: boolean;
    startsAt: string | null;
    endsAt: string | null;
    quantity: number | null;
    requestedAmount: string | null;
    name: { fi: string | null } | null;
    space: { id: string } | null;
    reservation: { id: string; status: string; startsAt: string; endsAt: string } | null;
    equipmentReservation: { id: string; status: string; quantity: number } | null;
    grantApplication: {
      id: string;
      status: string;
      decision: { awardedAmount: { amount: string } } | null;
    } | null;
  }
  interface Read {
    eventSupportRequest: {
      status: string;
      decidedAt: string | null;
      event: { id: string };
      association: { id: string };
      parts: Part[];
    } | null;
  }
  const countRequests = async () =>
    Number(
      (
        (await events.query('SELECT count(*) AS n FROM events.support_request')) as [{ n: string }]
      )[0].n,
    );

  it('refuses bad input naming the field and the rule, and writes nothing', async () => {
    const before = await countRequests();
    const empty = await graph(
      REQUEST,
      { input: { eventId: event, associationId: club } },
      representative,
    );
    expect(empty.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(empty.errors?.[0].message).toMatch(/^input: ask for at least one of space/);

    const notOrganiser = await t.token({ role: 'representative', associationIds: [other] });
    const foreign = await graph(
      REQUEST,
      {
        input: {
          eventId: event,
          associationId: other,
          equipment: [{ itemId: tents, quantity: 1 }],
        },
      },
      notOrganiser,
    );
    expect(foreign.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(foreign.errors?.[0].message).toMatch(
      /input\.associationId: must be one of the event's organisers/,
    );

    const tooLong = await graph(
      REQUEST,
      {
        input: {
          eventId: event,
          associationId: club,
          space: { setupMinutes: 600 },
          equipment: [
            { itemId: tents, quantity: 1 },
            { itemId: tents, quantity: 2 },
          ],
          grant: { roundId: round, requestedAmount: '0.00' },
        },
      },
      representative,
    );
    expect(tooLong.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const message = tooLong.errors?.[0].message ?? '';
    expect(message).toMatch(/input\.space\.setupMinutes/);
    expect(message).toMatch(/input\.equipment: name each item once/);
    expect(message).toMatch(/input\.grant\.requestedAmount: must be more than 0/);

    const anonymous = await graph(REQUEST, {
      input: { eventId: event, associationId: club, equipment: [{ itemId: tents, quantity: 1 }] },
    });
    expect(anonymous.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(await countRequests()).toBe(before);
  });

  it('walks the request from one mutation to the decisions, one mail, and the hall busy in public', async () => {
    // The club takes event news by mail, in Finnish.
    const subscribed = await graph(
      `mutation ($input: SubscribeInput!) { subscribe(input: $input) { message } }`,
      {
        input: {
          address: 'tapahtumat@urheiluseura.example',
          topics: ['EVENTS'],
          audience: { everyone: true },
          associationId: club,
          language: 'fi',
        },
      },
      representative,
    );
    expect(subscribed.errors).toBeUndefined();
    const confirmation = await waitForMail('tapahtumat@urheiluseura.example', /./);
    const token = /subscriptions\/confirm\?token=([A-Za-z0-9_-]+)/.exec(confirmation.text)![1];
    expect(
      (await fetch(`${t.hub.gateway.url}/subscriptions/confirm?token=${token}`, { method: 'POST' }))
        .status,
    ).toBe(200);

    const asked = await graph<{
      requestEventSupport: {
        id: string;
        status: string;
        parts: Array<{ kind: string; status: string }>;
      };
    }>(
      REQUEST,
      {
        input: {
          eventId: event,
          associationId: club,
          space: { setupMinutes: 60, clearAwayMinutes: 30, attendees: 150 },
          equipment: [
            { itemId: tents, quantity: 2 },
            // Only one stage exists: this line is refused, the rest go on.
            { itemId: stage, quantity: 3 },
          ],
          grant: { roundId: round, requestedAmount: '800.00', purpose: 'Esiintyjien palkkiot' },
          message: 'Tarvitsemme salin jo tuntia ennen.',
        },
      },
      representative,
    );
    expect(asked.errors).toBeUndefined();
    const request = asked.data!.requestEventSupport;
    expect(request.status).toBe('IN_PROGRESS');
    expect(request.parts.map((p) => p.kind)).toEqual(['SPACE', 'EQUIPMENT', 'EQUIPMENT', 'GRANT']);
    // The request links the handbook's event organising guide, answered by its owner.
    const guide = await graph<{ eventSupportRequest: { guide: { title: { fi: string } } } }>(
      `query ($id: ID!) { eventSupportRequest(id: $id) { guide { title { fi } } } }`,
      { id: request.id },
      representative,
    );
    expect(guide.data!.eventSupportRequest.guide.title.fi).toBe('Tapahtuman järjestämisopas');

    await waitForEmptyBacklog();
    const made = (await graph<Read>(READ, { id: request.id }, representative)).data!
      .eventSupportRequest!;
    expect(made.status).toBe('IN_PROGRESS');
    expect(made.event.id).toBe(event);
    const [space, tentsPart, stagePart, grant] = made.parts;
    // The hall from setup to clearing away, asked through the reservation rules.
    expect(space).toMatchObject({ status: 'REQUESTED', space: { id: hall }, settled: false });
    expect(new Date(space.reservation!.startsAt)).toEqual(fromHelsinkiLocal(`${day}T17:00`));
    expect(new Date(space.reservation!.endsAt)).toEqual(fromHelsinkiLocal(`${day}T20:30`));
    expect(space.reservation!.status).toBe('REQUESTED');
    expect(tentsPart).toMatchObject({
      status: 'REQUESTED',
      quantity: 2,
      equipmentReservation: { status: 'REQUESTED', quantity: 2 },
    });
    expect(stagePart).toMatchObject({
      status: 'REFUSED',
      settled: true,
      equipmentReservation: null,
    });
    expect(stagePart.reason).toMatch(/^equipment\.quantity: only 1 of 1 are free/);
    expect(grant).toMatchObject({
      status: 'REQUESTED',
      requestedAmount: '800.00',
      grantApplication: { status: 'SUBMITTED', decision: null },
    });

    // Another association's representative sees nothing of it.
    const stranger = await t.token({ role: 'representative', associationIds: [other] });
    expect(
      (await graph<Read>(READ, { id: request.id }, stranger)).data?.eventSupportRequest,
    ).toBeNull();

    // Staff decide each part where they own it.
    const decisions = [
      graph(
        `mutation ($input: DecideReservationInput!) { decideReservation(input: $input) { status } }`,
        { input: { id: space.reservation!.id, decision: 'CONFIRM' } },
        admin,
      ),
      graph(
        `mutation ($input: DecideEquipmentReservationInput!) { decideEquipmentReservation(input: $input) { status } }`,
        { input: { id: tentsPart.equipmentReservation!.id, decision: 'CONFIRM' } },
        admin,
      ),
    ];
    for (const answer of await Promise.all(decisions)) expect(answer.errors).toBeUndefined();
    expect(
      (
        await graph(
          `mutation ($input: GrantApplicationStepInput!) { startGrantReview(input: $input) { status } }`,
          { input: { id: grant.grantApplication!.id } },
          admin,
        )
      ).errors,
    ).toBeUndefined();
    await waitForEmptyBacklog();
    // Not all decided yet: no summary mail.
    expect(
      mailsTo('tapahtumat@urheiluseura.example').filter((m) => /tukipyyntö/.test(m.subject)),
    ).toEqual([]);
    expect(
      (
        await graph(
          `mutation ($input: DecideGrantApplicationInput!) { decideGrantApplication(input: $input) { status } }`,
          {
            input: {
              id: grant.grantApplication!.id,
              outcome: 'PARTIALLY_APPROVED',
              awardedAmount: '500.00',
              note: 'Myönnetään esiintyjien palkkioihin.',
            },
          },
          admin,
        )
      ).errors,
    ).toBeUndefined();

    const summary = await waitForMail(
      'tapahtumat@urheiluseura.example',
      /^Tapahtuman tukipyyntö käsitelty: Seuran syysjuhla$/,
    );
    expect(summary.text).toMatch(/- Tila, .*: myönnetty/);
    expect(summary.text).toMatch(/- Välineet, 2 kpl, .*: myönnetty/);
    // Each part named as its owner names it: the hall, the item.
    expect(summary.text).toMatch(/- Tila, Juhlasali, \d/);
    expect(summary.text).toMatch(/- Välineet, 2 kpl, Tapahtumateltta, \d/);
    expect(summary.text).toMatch(/- Välineet, 3 kpl, Siirrettävä lava, \d/);
    expect(summary.text).toMatch(
      /- Välineet, 3 kpl, .*: ei voitu käsitellä \(equipment\.quantity: only 1 of 1/,
    );
    expect(summary.text).toMatch(
      /- Tapahtuma-avustus, 800\.00 €: myönnetty \(Myönnetään esiintyjien palkkioihin\.\)/,
    );

    await waitForEmptyBacklog();
    const decided = (await graph<Read>(READ, { id: request.id }, representative)).data!
      .eventSupportRequest!;
    expect(decided.status).toBe('DECIDED');
    expect(decided.decidedAt).not.toBeNull();
    expect(decided.parts.map((p) => p.status)).toEqual([
      'CONFIRMED',
      'CONFIRMED',
      'REFUSED',
      'CONFIRMED',
    ]);
    // As each owner named it with its answer: the refused line too (the item exists).
    expect(decided.parts.map((p) => p.name?.fi)).toEqual([
      'Juhlasali',
      'Tapahtumateltta',
      'Siirrettävä lava',
      'Tapahtuma-avustus',
    ]);
    expect(decided.parts[3].grantApplication).toMatchObject({
      status: 'PARTIALLY_APPROVED',
      decision: { awardedAmount: { amount: '500.00' } },
    });
    // One summary, however many decisions.
    expect(
      mailsTo('tapahtumat@urheiluseura.example').filter((m) => /tukipyyntö/.test(m.subject)),
    ).toHaveLength(1);

    // The statistics count it as an event the city supported, and so does the indicator
    // computed from them: the only one of its year, worked out by hand.
    const supported = await graph<{
      eventStatistics: { groups: Array<{ kind: string; withCitySupport: number }> };
    }>(
      `query ($from: DateTime!, $to: DateTime!) { eventStatistics(groupBy: [KIND], filter: { from: $from, to: $to }) { groups { kind withCitySupport } } }`,
      {
        from: fromHelsinkiLocal(`${day}T00:00`).toISOString(),
        to: fromHelsinkiLocal(`${addDays(day, 1)}T00:00`).toISOString(),
      },
    );
    expect(supported.data!.eventStatistics.groups).toEqual([
      { kind: 'COMMUNITY_EVENT', withCitySupport: 1 },
    ]);
    const indicator = await graph<{ createIndicator: { id: string } }>(
      `mutation { createIndicator(input: { name: { fi: "Kaupungin tukemat tapahtumat" }, kind: RESULT, metric: EVENTS_WITH_CITY_SUPPORT }) { id } }`,
      {},
      admin,
    );
    const year = day.slice(0, 4);
    const recorded = await graph<{
      recordIndicatorValue: { values: Array<{ period: string; value: string }> };
    }>(
      `mutation ($input: RecordIndicatorValueInput!) { recordIndicatorValue(input: $input) { values { period value } } }`,
      { input: { indicatorId: indicator.data!.createIndicator.id, period: year } },
      admin,
    );
    expect(recorded.data!.recordIndicatorValue.values).toEqual([{ period: year, value: '1' }]);

    // The public page: the hall has no free time from setup to clearing away.
    const free = await graph<{
      space: { availability: Array<{ startsAt: string; endsAt: string }> };
    }>(
      `query ($id: ID!, $from: DateTime!, $to: DateTime!) { space(id: $id) { availability(from: $from, to: $to) { startsAt endsAt } } }`,
      {
        id: hall,
        from: fromHelsinkiLocal(`${day}T08:00`).toISOString(),
        to: fromHelsinkiLocal(`${day}T22:00`).toISOString(),
      },
    );
    expect(free.errors).toBeUndefined();
    const held = {
      start: fromHelsinkiLocal(`${day}T17:00`).getTime(),
      end: fromHelsinkiLocal(`${day}T20:30`).getTime(),
    };
    const slots = free.data!.space.availability.map((s) => ({
      start: new Date(s.startsAt).getTime(),
      end: new Date(s.endsAt).getTime(),
    }));
    expect(slots.length).toBeGreaterThan(0);
    expect(slots.filter((s) => s.start < held.end && s.end > held.start)).toEqual([]);
  });
  it('cancels a whole request: each owner cancels what it made, the parts follow, and no summary mail goes', async () => {
    const later = addDays(day, 7);
    const from = fromHelsinkiLocal(`${later}T18:00`);
    const second = await makeEvent(events, {
      title: 'Seuran kevätkonsertti',
      kind: 'COMMUNITY_EVENT',
      startsAt: from,
      hours: 2,
      organizerIds: [club],
      venueSpaceId: hall,
    });
    await makeBlockedTime(facilities, hall, {
      startsAt: from,
      endsAt: new Date(from.getTime() + 2 * 3_600_000),
      source: 'EVENT',
      externalId: second,
    });
    const otherRound = await makeRound(
      grants,
      await makeProgram(grants, { kind: 'EVENT', name: 'Konserttiavustus' }),
    );
    const asked = await graph<{ requestEventSupport: { id: string } }>(
      REQUEST,
      {
        input: {
          eventId: second,
          associationId: club,
          space: { setupMinutes: 0, clearAwayMinutes: 0, attendees: 100 },
          equipment: [{ itemId: tents, quantity: 1 }],
          grant: { roundId: otherRound, requestedAmount: '300.00', purpose: 'Äänentoisto' },
        },
      },
      representative,
    );
    expect(asked.errors).toBeUndefined();
    const id = asked.data!.requestEventSupport.id;
    await waitForEmptyBacklog();
    const read = async () =>
      (await graph<Read>(READ, { id }, representative)).data!.eventSupportRequest!;
    expect((await read()).parts.map((p) => p.status)).toEqual([
      'REQUESTED',
      'REQUESTED',
      'REQUESTED',
    ]);

    const CANCEL = `mutation ($id: ID!) { cancelEventSupportRequest(id: $id) { status cancelledAt } }`;
    const outsider = await t.token({ role: 'representative', associationIds: [other] });
    expect((await graph(CANCEL, { id }, outsider)).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const cancelled = await graph<{
      cancelEventSupportRequest: { status: string; cancelledAt: string | null };
    }>(CANCEL, { id }, representative);
    expect(cancelled.errors).toBeUndefined();
    expect(cancelled.data!.cancelEventSupportRequest.status).toBe('CANCELLED');
    expect(cancelled.data!.cancelEventSupportRequest.cancelledAt).not.toBeNull();
    const again = await graph(CANCEL, { id }, representative);
    expect(again.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [expect.objectContaining({ field: 'id', rule: 'STATUS_TRANSITION' })],
    });

    // Each owner cancelled what it made, and each part followed.
    await waitForEmptyBacklog();
    const after = await read();
    expect(after.status).toBe('CANCELLED');
    expect(after.parts.map((p) => p.status)).toEqual(['CANCELLED', 'CANCELLED', 'CANCELLED']);
    expect(after.parts[0].reservation?.status).toBe('CANCELLED');
    expect(after.parts[1].equipmentReservation?.status).toBe('CANCELLED');
    expect(after.parts[2].grantApplication?.status).toBe('WITHDRAWN');
    // The association cancelled it: no summary of "decisions" is made for it.
    const deliveries = await graph<{
      deliveries: { edges: Array<{ node: { itemKey: string } }> };
    }>(`{ deliveries(first: 100) { edges { node { itemKey } } } }`, {}, admin);
    expect(
      deliveries.data!.deliveries.edges.filter((e) =>
        e.node.itemKey.startsWith(`event-support.decided:${id}:`),
      ),
    ).toEqual([]);
  });

  it('makes another association a co-organiser only when it accepts (issue 29, item 5)', async () => {
    const choir = associationId('lahden-kuorolaiset');
    const own = await makeEvent(events, {
      title: 'Yhteiskonsertti',
      kind: 'COMMUNITY_EVENT',
      startsAt: fromHelsinkiLocal(`${addDays(day, 7)}T18:00`),
      organizerIds: [club],
    });
    const choirRepresentative = await t.token({
      role: 'representative',
      subject: 'kuoron-puheenjohtaja',
      associationIds: [choir],
    });
    const INVITE = `mutation ($e: ID!, $a: ID!) { inviteCoOrganizer(eventId: $e, associationId: $a) { status } }`;
    const ANSWER = `mutation ($e: ID!, $a: ID!, $yes: Boolean!) { answerCoOrganizerInvitation(eventId: $e, associationId: $a, accept: $yes) { status event { organizers { id } } } }`;
    const RENAME = `mutation ($input: UpdateEventInput!) { updateEvent(input: $input) { title { fi } } }`;
    const organizers = async () =>
      (
        await graph<{ event: { organizers: Array<{ id: string }> } }>(
          `query ($id: ID!) { event(id: $id) { organizers { id } } }`,
          { id: own },
        )
      ).data!.event.organizers.map((o) => o.id);

    // The choir's representatives cannot invite themselves in, nor change the club's event.
    const self = await graph(INVITE, { e: own, a: choir }, choirRepresentative);
    expect(self.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const invited = await graph(INVITE, { e: own, a: choir }, representative);
    expect(invited.data).toEqual({ inviteCoOrganizer: { status: 'PENDING' } });
    expect(await organizers()).toEqual([club]);
    const before = await graph(
      RENAME,
      { input: { id: own, title: { fi: 'Kuoron konsertti' }, overwrite: true } },
      choirRepresentative,
    );
    expect(before.errors?.[0].extensions?.code).toBe('FORBIDDEN');

    // The club cannot accept for the choir; the choir sees the invitation waiting.
    const forged = await graph(ANSWER, { e: own, a: choir, yes: true }, representative);
    expect(forged.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const waiting = await graph<{
      association: { pendingOrganizerInvitations: Array<{ event: { id: string } }> };
    }>(
      `query ($id: ID!) { association(id: $id) { pendingOrganizerInvitations { event { id } } } }`,
      { id: choir },
      choirRepresentative,
    );
    expect(waiting.data!.association.pendingOrganizerInvitations).toEqual([{ event: { id: own } }]);

    // Who sees an event's invitations: its managers all, an invitee its own, others none.
    const chess = associationId('lahden-shakki');
    expect((await graph(INVITE, { e: own, a: chess }, representative)).errors).toBeUndefined();
    const seen = async (token?: string) =>
      (
        await graph<{ event: { organizerInvitations: Array<{ association: { id: string } }> } }>(
          `query ($id: ID!) { event(id: $id) { organizerInvitations { association { id } } } }`,
          { id: own },
          token,
        )
      ).data!.event.organizerInvitations.map((i) => i.association.id);
    expect((await seen(representative)).sort()).toEqual([choir, chess].sort());
    expect(await seen(choirRepresentative)).toEqual([choir]);
    const stranger = await t.token({
      role: 'representative',
      subject: 'vieras',
      associationIds: [associationId('hollolan-4h')],
    });
    expect(await seen(stranger)).toEqual([]);
    expect(await seen()).toEqual([]);

    const accepted = await graph<{
      answerCoOrganizerInvitation: { status: string; event: { organizers: Array<{ id: string }> } };
    }>(ANSWER, { e: own, a: choir, yes: true }, choirRepresentative);
    expect(accepted.errors).toBeUndefined();
    expect(accepted.data!.answerCoOrganizerInvitation.status).toBe('ACCEPTED');
    expect(await organizers()).toEqual(expect.arrayContaining([club, choir]));
    // Now an organiser, with an organiser's rights.
    const after = await graph(
      RENAME,
      { input: { id: own, title: { fi: 'Yhteiskonsertti keväällä' }, overwrite: true } },
      choirRepresentative,
    );
    expect(after.errors).toBeUndefined();
    const again = await graph(ANSWER, { e: own, a: choir, yes: false }, choirRepresentative);
    expect(again.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(again.errors?.[0].message).toMatch(/eventId: the invitation was already accepted/);
  });
});
