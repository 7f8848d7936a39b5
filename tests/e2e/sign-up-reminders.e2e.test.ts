import { associationId } from '../../demo/data';
import { startMailServer, type TestMailServer } from '../setup/mail-server';
import { postGraphQL, startTestHub, type TestHub } from '../setup/test-hub';

/**
 * Issue 29, item 5, through the gateway against a real SMTP server: before an event starts,
 * its own enrolled associations are reminded (their subscriptions with the EVENTS topic, and
 * their contact persons), and no one else: not another association's subscribers, not every
 * subscriber of events, and a community event with no one signed up reminds no one. A second
 * run sends nothing twice. The events start a few hours from now, so the one-day reminder is
 * due on any day of the year.
 */
describe('reminders before an event go to its own enrolled associations', () => {
  let t: TestHub;
  let mail: TestMailServer;
  let admin: string;
  const club = associationId('lahden-urheiluseura');
  const chess = associationId('lahden-shakki');
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    mail = await startMailServer();
    t = await startTestHub({
      SMTP_URL: mail.url,
      DELIVERY_RETRY_DELAY_SECONDS: '1',
      REMINDERS_AUTOMATIC: 'false',
    });
    admin = await t.token({ role: 'admin', subject: 'viestinta' });
    for (const id of [club, chess]) {
      tokens[id] = await t.token({
        role: 'representative',
        subject: `edustaja-${id}`,
        associationIds: [id],
      });
    }
  });
  afterAll(async () => {
    await t?.stop();
    await mail?.stop();
  });

  const graph = async <T>(query: string, variables: Record<string, unknown>, token = admin) => {
    const { body } = await postGraphQL(t.hub.gateway.graphqlUrl, query, variables, {
      authorization: `Bearer ${token}`,
    });
    expect(body.errors).toBeUndefined();
    return body.data as T;
  };
  async function until(condition: () => Promise<boolean> | boolean, what: string) {
    const end = Date.now() + 120_000;
    while (!(await condition())) {
      if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  const startsIn = (hours: number) => new Date(Date.now() + hours * 3_600_000);
  const mailsTo = (address: string, subject: RegExp) =>
    mail.received.filter((m) => m.to === address && subject.test(m.subject));

  /** A confirmed subscription to EVENTS: for an association, or for everything. */
  async function subscribe(address: string, association: string | null) {
    const { body } = await postGraphQL(
      t.hub.gateway.graphqlUrl,
      `mutation ($input: SubscribeInput!) { subscribe(input: $input) { message } }`,
      {
        input: {
          address,
          topics: ['EVENTS'],
          audience: { everyone: true },
          language: 'fi',
          ...(association ? { associationId: association } : {}),
        },
      },
      association ? { authorization: `Bearer ${tokens[association]}` } : {},
    );
    expect(body.errors).toBeUndefined();
    await until(() => mail.received.some((m) => m.to === address), `${address}: confirmation`);
    const confirmation = mail.received.find((m) => m.to === address)!;
    const token = /subscriptions\/confirm\?token=([A-Za-z0-9_-]+)/.exec(confirmation.text)![1];
    const confirmed = await fetch(`${t.hub.gateway.url}/subscriptions/confirm?token=${token}`, {
      method: 'POST',
    });
    expect(confirmed.status).toBe(200);
  }

  const CREATE = `mutation ($input: CreateEventInput!) { createEvent(input: $input) { id } }`;
  const DELIVERIES = `{ deliveries(first: 100) { edges { node { itemKey status } } } }`;
  type Deliveries = { deliveries: { edges: Array<{ node: { itemKey: string; status: string } }> } };
  const deliveriesOf = async (key: string) =>
    (await graph<Deliveries>(DELIVERIES, {})).deliveries.edges
      .map((e) => e.node)
      .filter((d) => d.itemKey === key);

  it('mails the enrolled association’s subscriber once, and no one else', async () => {
    await subscribe('seura@urheiluseura.example', club);
    await subscribe('shakki@shakkikerho.example', chess);
    await subscribe('kaikki@kuntalainen.example', null);

    const evening = (
      await graph<{ createEvent: { id: string } }>(CREATE, {
        input: {
          title: { fi: 'Yhdistysilta kevään hauista' },
          kind: 'ASSOCIATION_EVENING',
          status: 'SCHEDULED',
          startsAt: startsIn(3).toISOString(),
          endsAt: startsIn(5).toISOString(),
          location: 'Kaupungintalo',
        },
      })
    ).createEvent.id;
    // The chess club's own evening: its start is its news, and no one has signed up.
    const own = (
      await graph<{ createEvent: { id: string } }>(
        CREATE,
        {
          input: {
            title: { fi: 'Pikashakkiturnaus' },
            kind: 'COMMUNITY_EVENT',
            status: 'SCHEDULED',
            organizerIds: [chess],
            startsAt: startsIn(4).toISOString(),
            endsAt: startsIn(6).toISOString(),
            location: 'Kerhohuone',
          },
        },
        tokens[chess],
      )
    ).createEvent.id;
    // The sports club signs up for the evening; the chess club signs up and cancels.
    await graph(
      `mutation ($input: EnrolInput!) { enrol(input: $input) { status } }`,
      { input: { eventId: evening, associationId: club, people: 2 } },
      tokens[club],
    );
    const cancelled = await graph<{ enrol: { id: string } }>(
      `mutation ($input: EnrolInput!) { enrol(input: $input) { id } }`,
      { input: { eventId: evening, associationId: chess, people: 1 } },
      tokens[chess],
    );
    await graph(
      `mutation ($id: ID!) { cancelEnrolment(id: $id) { status } }`,
      { id: cancelled.enrol.id },
      tokens[chess],
    );
    await until(
      async () => (await t.hub.events.backlog())['communications.sign-ups'].waiting === 0,
      'the sign-ups to reach the communications subgraph',
    );

    expect(await graph(`mutation { runReminders }`, {})).toEqual({ runReminders: true });
    const key = `starts:${evening}:1`;
    await until(async () => {
      const made = await deliveriesOf(key);
      return made.length > 0 && made.every((d) => d.status === 'SENT');
    }, 'the reminders to be sent');
    const [reminder] = mailsTo('seura@urheiluseura.example', /alkaa/);
    expect(reminder.subject).toMatch(/^Muistutus: Yhdistysilta kevään hauista alkaa /);
    expect(reminder.text).toMatch(/Yhdistyksenne on ilmoittautunut\./);
    expect(mailsTo('shakki@shakkikerho.example', /alkaa/)).toEqual([]);
    expect(mailsTo('kaikki@kuntalainen.example', /alkaa/)).toEqual([]);
    expect(await deliveriesOf(`starts:${own}:1`)).toEqual([]);

    // Run again: every reminder was made already.
    const before = (await deliveriesOf(key)).length;
    expect(await graph(`mutation { runReminders }`, {})).toEqual({ runReminders: true });
    expect((await deliveriesOf(key)).length).toBe(before);
    expect(mailsTo('seura@urheiluseura.example', /alkaa/)).toHaveLength(1);
  });
});
