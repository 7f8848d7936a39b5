import type { DataSource } from 'typeorm';
import { associationId, spaceId } from '../../demo/data';
import { facilitiesSubgraph } from '../../subgraphs/facilities/facilities.subgraph';
import { makeReservation } from '../factories/facilities.factory';
import { makeApplication, makeProgram, makeRound } from '../factories/grants.factory';
import { grantsSubgraph } from '../../subgraphs/grants/grants.subgraph';
import { startMailServer, type TestMailServer } from '../setup/mail-server';
import { postGraphQL, startTestHub, type TestHub } from '../setup/test-hub';

/**
 * Issue 29, items 1 and 4, through the gateway against a real SMTP server: a decision made
 * in the facilities subgraph is recorded as a domain event in the decision's own transaction,
 * relayed to the communications subgraph, and mailed in the subscriber's language to the
 * addresses the association's representatives subscribed for it, and to no one else.
 */
describe('decisions reach the association they concern', () => {
  let t: TestHub;
  let mail: TestMailServer;
  let facilities: DataSource;
  let admin: string;
  const club = associationId('lahden-urheiluseura');
  const other = associationId('lahden-shakki');
  const room = spaceId('paakirjasto', 'ryhmatila');

  beforeAll(async () => {
    mail = await startMailServer();
    t = await startTestHub({ SMTP_URL: mail.url, DELIVERY_RETRY_DELAY_SECONDS: '1' });
    facilities = await t.database.dataSource(facilitiesSubgraph);
    admin = await t.token({ role: 'admin', subject: 'tilavastaava' });
  });
  afterAll(async () => {
    await t?.stop();
    await mail?.stop();
  });

  const graph = async <T>(query: string, variables: Record<string, unknown>, token: string) =>
    (
      await postGraphQL(t.hub.gateway.graphqlUrl, query, variables, {
        authorization: `Bearer ${token}`,
      })
    ).body as { data?: T; errors?: Array<{ message: string; extensions?: { code?: string } }> };

  const mailsTo = (address: string) => mail.received.filter((m) => m.to === address);
  async function waitForMails(address: string, count: number) {
    const until = Date.now() + 120_000;
    while (mailsTo(address).length < count) {
      if (Date.now() > until)
        throw new Error(`${address}: expected ${count} mails, got ${mailsTo(address).length}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    return mailsTo(address);
  }

  async function waitForEmptyBacklog() {
    const until = Date.now() + 120_000;
    for (;;) {
      const backlog = await t.hub.events.backlog();
      if (Object.values(backlog).every((b) => b.waiting === 0 && b.deadLetters === 0)) return;
      if (Date.now() > until) throw new Error(`events still waiting: ${JSON.stringify(backlog)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /** A representative subscribes an address for the association and confirms it by its link. */
  async function subscribeFor(
    association: string,
    address: string,
    language: string,
    topics = ['SPACES'],
  ) {
    const representative = await t.token({ role: 'representative', associationIds: [association] });
    const answer = await graph(
      `mutation ($input: SubscribeInput!) { subscribe(input: $input) { message } }`,
      {
        input: {
          address,
          topics,
          audience: { everyone: true },
          associationId: association,
          language,
        },
      },
      representative,
    );
    expect(answer.errors).toBeUndefined();
    const [confirmation] = await waitForMails(address, 1);
    const token = /subscriptions\/confirm\?token=([A-Za-z0-9_-]+)/.exec(confirmation.text)![1];
    const confirmed = await fetch(`${t.hub.gateway.url}/subscriptions/confirm?token=${token}`, {
      method: 'POST',
    });
    expect(confirmed.status).toBe(200);
  }

  const DECIDE = `mutation ($input: DecideReservationInput!) { decideReservation(input: $input) { status } }`;

  it('mails a confirmation and a rejection with its reason, in the subscriber’s language, to the association’s addresses only', async () => {
    await subscribeFor(club, 'varaukset@urheiluseura.example', 'fi');
    await subscribeFor(club, 'bookings@urheiluseura.example', 'en');
    await subscribeFor(other, 'kuorot@kuorot.example', 'fi');

    const confirmed = await makeReservation(facilities, room, {
      associationId: club,
      startsAt: new Date('2031-03-12T15:00:00+02:00'),
      endsAt: new Date('2031-03-12T17:00:00+02:00'),
      status: 'REQUESTED',
    });
    const rejected = await makeReservation(facilities, room, {
      associationId: club,
      startsAt: new Date('2031-03-19T15:00:00+02:00'),
      endsAt: new Date('2031-03-19T17:00:00+02:00'),
      status: 'REQUESTED',
    });
    expect(
      (await graph(DECIDE, { input: { id: confirmed, decision: 'CONFIRM' } }, admin)).data,
    ).toEqual({ decideReservation: { status: 'CONFIRMED' } });
    expect(
      (
        await graph(
          DECIDE,
          { input: { id: rejected, decision: 'REJECT', note: 'Sali on remontissa.' } },
          admin,
        )
      ).data,
    ).toEqual({ decideReservation: { status: 'REJECTED' } });

    const finnish = await waitForMails('varaukset@urheiluseura.example', 3);
    const subjects = finnish.slice(1).map((m) => m.subject);
    expect(subjects).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Varaus vahvistettu: Ryhmätila Lukupesä, 12\. maaliskuuta 2031$/),
        expect.stringMatching(
          /^Varausta ei hyväksytty: Ryhmätila Lukupesä, 19\. maaliskuuta 2031$/,
        ),
      ]),
    );
    const rejection = finnish.find((m) => m.subject.startsWith('Varausta ei'))!;
    expect(rejection.text).toMatch(/Perustelu: Sali on remontissa\./);
    expect(rejection.text).toMatch(/klo 15\.00–17\.00|15\.00–17\.00/);

    const english = await waitForMails('bookings@urheiluseura.example', 3);
    expect(english.slice(1).map((m) => m.subject)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^Reservation confirmed: /)]),
    );
    // The other association hears nothing of the club's reservations: once every event is
    // handled (the backlog is empty), it still has its confirmation mail only.
    await waitForEmptyBacklog();
    expect(mailsTo('kuorot@kuorot.example')).toHaveLength(1);
  });

  it('mails a cancellation of a confirmed reservation', async () => {
    const cancelled = await makeReservation(facilities, room, {
      associationId: club,
      startsAt: new Date('2031-04-02T15:00:00+03:00'),
      endsAt: new Date('2031-04-02T16:00:00+03:00'),
      status: 'CONFIRMED',
    });
    const before = mailsTo('varaukset@urheiluseura.example').length;
    const answer = await graph(
      `mutation ($id: ID!) { cancelReservation(id: $id) { status } }`,
      { id: cancelled },
      admin,
    );
    expect(answer.data).toEqual({ cancelReservation: { status: 'CANCELLED' } });
    const mails = await waitForMails('varaukset@urheiluseura.example', before + 1);
    expect(mails[before].subject).toMatch(
      /^Varaus peruttu: Ryhmätila Lukupesä, 2\. huhtikuuta 2031$/,
    );
  });

  it('mails a grant decision with the amount awarded to the addresses that take grant news', async () => {
    await subscribeFor(club, 'avustukset@urheiluseura.example', 'fi', ['GRANTS']);
    const grants = await t.database.dataSource(grantsSubgraph);
    const program = await makeProgram(grants, { serviceAreaId: null, name: 'Kohdeavustus' });
    const round = await makeRound(grants, program);
    const application = await makeApplication(grants, round, {
      associationId: club,
      status: 'IN_REVIEW',
      requested: '1200.00',
      title: 'Kevätturnaus 2031',
    });
    const answer = await graph(
      `mutation ($input: DecideGrantApplicationInput!) { decideGrantApplication(input: $input) { status } }`,
      { input: { id: application, outcome: 'PARTIALLY_APPROVED', awardedAmount: '800.00' } },
      admin,
    );
    expect(answer.errors).toBeUndefined();
    const [, decision] = await waitForMails('avustukset@urheiluseura.example', 2);
    expect(decision.subject).toBe('Avustus myönnetty: Kevätturnaus 2031');
    expect(decision.text).toMatch(/on myönnetty 800\.00 €/);
    // The address that took only space news hears nothing of grants.
    await waitForEmptyBacklog();
    expect(
      mailsTo('varaukset@urheiluseura.example').filter((m) => m.subject.includes('Avustus')),
    ).toEqual([]);
  });

  it('tells the association’s contact persons too, as its register says, and no one it removed', async () => {
    const representative = await t.token({ role: 'representative', associationIds: [club] });
    const added = await graph<{ addContactPerson: { id: string } }>(
      `mutation ($input: AddContactPersonInput!) { addContactPerson(input: $input) { id } }`,
      {
        input: {
          associationId: club,
          name: 'Riikka Rahastonhoitaja',
          role: 'TREASURER',
          email: 'Riikka.Rahastonhoitaja@Urheiluseura.example',
        },
      },
      representative,
    );
    expect(added.errors).toBeUndefined();
    const treasurer = added.data!.addContactPerson;
    await waitForEmptyBacklog();

    const reservation = await makeReservation(facilities, room, {
      associationId: club,
      startsAt: new Date('2031-05-06T15:00:00+03:00'),
      endsAt: new Date('2031-05-06T16:00:00+03:00'),
      status: 'REQUESTED',
    });
    expect(
      (await graph(DECIDE, { input: { id: reservation, decision: 'CONFIRM' } }, admin)).errors,
    ).toBeUndefined();
    const [mail] = await waitForMails('riikka.rahastonhoitaja@urheiluseura.example', 1);
    expect(mail.subject).toMatch(/^Varaus vahvistettu: Ryhmätila Lukupesä, 6\. toukokuuta 2031$/);
    expect(mail.text).toMatch(/unsubscribe\?token=/);

    // Removed from the register: the next decision does not reach her.
    const removed = await graph(
      `mutation ($id: ID!) { removeContactPerson(id: $id) { id } }`,
      { id: treasurer.id },
      representative,
    );
    expect(removed.errors).toBeUndefined();
    await waitForEmptyBacklog();
    const later = await makeReservation(facilities, room, {
      associationId: club,
      startsAt: new Date('2031-05-13T15:00:00+03:00'),
      endsAt: new Date('2031-05-13T16:00:00+03:00'),
      status: 'REQUESTED',
    });
    await graph(DECIDE, { input: { id: later, decision: 'CONFIRM' } }, admin);
    const fi = mailsTo('varaukset@urheiluseura.example').length;
    await waitForMails('varaukset@urheiluseura.example', fi + 1);
    await waitForEmptyBacklog();
    expect(mailsTo('riikka.rahastonhoitaja@urheiluseura.example')).toHaveLength(1);
  });
});
