import { htmlProblems } from '../setup/html';
import { XMLValidator } from 'fast-xml-parser';
import { parseAtomFeed } from 'feedsmith';
import { Client } from 'pg';
import { serviceAreaId } from '../../demo/data';
import { startMailServer, type TestMailServer } from '../setup/mail-server';
import { postGraphQL, startTestHub, type TestHub } from '../setup/test-hub';
import { startWebhookReceiver, type TestWebhookReceiver } from '../setup/webhook-receiver';

/**
 * Communications end to end, through the gateway, against a real SMTP server and a real
 * webhook receiver: opt-in by the mailed link, an announcement to its subscribers, the
 * one-click unsubscribe, a signed webhook, a reminder of a deadline the graph knows, and
 * the Atom feed read by an independent parser.
 */
describe('communications through the gateway', () => {
  let t: TestHub;
  let mail: TestMailServer;
  let hooks: TestWebhookReceiver;
  let staff: string;
  let admin: string;
  const culture = serviceAreaId('culture');

  beforeAll(async () => {
    mail = await startMailServer();
    hooks = await startWebhookReceiver();
    t = await startTestHub({
      SMTP_URL: mail.url,
      JOB_MAINTENANCE_SECONDS: '1',
      DELIVERY_RETRY_DELAY_SECONDS: '1',
    });
    staff = await t.token({ role: 'staff', subject: 'tiedottaja', serviceAreaIds: [culture] });
    admin = await t.token({ role: 'admin', subject: 'admin' });
  });
  afterAll(async () => {
    await t?.stop();
    await mail?.stop();
    await hooks?.stop();
  });

  const graph = async <T>(query: string, variables: Record<string, unknown> = {}, token?: string) =>
    (
      await postGraphQL(
        t.hub.gateway.graphqlUrl,
        query,
        variables,
        token ? { authorization: `Bearer ${token}` } : {},
      )
    ).body as { data?: T; errors?: Array<{ extensions?: { code?: string } }> };

  const mailsTo = (address: string) => mail.received.filter((m) => m.to === address);
  async function waitForMails(address: string, count: number, timeoutMs = 120_000) {
    const until = Date.now() + timeoutMs;
    while (mailsTo(address).length < count) {
      if (Date.now() > until)
        throw new Error(`${address}: expected ${count} mails, got ${mailsTo(address).length}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    return mailsTo(address);
  }
  /** The link in a mail, opened on this gateway (PUBLIC_BASE_URL is not it in tests). */
  const local = (text: string, path: string) => {
    const match = new RegExp(`https?://[^/\\s]+(/${path}\\?token=[A-Za-z0-9_-]+)`).exec(text)!;
    return `${t.hub.gateway.url}${match[1]}`;
  };

  const SUBSCRIBE = `mutation ($input: SubscribeInput!) { subscribe(input: $input) { message secret } }`;

  it('confirms by the mailed link, sends an announcement, and ends with one POST to the unsubscribe link', async () => {
    const address = `sihteeri@kulttuuriyhdistys.example`;
    const answer = await graph(SUBSCRIBE, {
      input: { address, topics: ['GENERAL', 'SURVEYS'], audience: { serviceAreaIds: [culture] } },
    });
    expect(answer.errors).toBeUndefined();
    const [confirmation] = await waitForMails(address, 1);
    // Opening the link (as a mail scanner does) only shows the button: nothing is confirmed.
    const link = local(confirmation.text, 'subscriptions/confirm');
    const opened = await fetch(link);
    expect(opened.status).toBe(200);
    expect(await opened.text()).toMatch(
      /<form method="post"><button type="submit">Vahvista tilaus/,
    );
    const pg = new Client({ connectionString: t.database.url });
    await pg.connect();
    const unconfirmed = await pg.query(
      'SELECT count(*)::int AS n FROM communications.subscription WHERE address = $1 AND confirmed_at IS NOT NULL',
      [address],
    );
    await pg.end();
    expect(unconfirmed.rows[0]).toEqual({ n: 0 });
    const confirmed = await fetch(link, { method: 'POST' });
    expect(confirmed.status).toBe(200);
    expect(await confirmed.text()).toContain('Tilaus vahvistettu');

    const created = await graph<{ createAnnouncement: { id: string } }>(
      `mutation ($input: CreateAnnouncementInput!) { createAnnouncement(input: $input) { id } }`,
      {
        input: {
          title: { fi: 'Kulttuuri-illan ilmoittautuminen' },
          body: { fi: 'Ilmoittaudu **kulttuuri-iltaan**.' },
          topic: 'GENERAL',
          audience: { serviceAreaIds: [culture] },
        },
      },
      staff,
    );
    expect(created.errors).toBeUndefined();
    const published = await graph(
      `mutation ($id: ID!) { publishAnnouncement(id: $id) { status } }`,
      { id: created.data!.createAnnouncement.id },
      staff,
    );
    expect(published.data).toEqual({ publishAnnouncement: { status: 'PUBLISHED' } });
    const [, news] = await waitForMails(address, 2);
    expect(news.subject).toBe('Kulttuuri-illan ilmoittautuminen');
    // The Markdown as people read it: clean in the text part, rendered in the HTML part.
    expect(news.text).toMatch(/^Ilmoittaudu kulttuuri-iltaan\.\n/);
    expect(news.html).toContain('<p>Ilmoittaudu <strong>kulttuuri-iltaan</strong>.</p>');
    expect(await htmlProblems(news.html!)).toEqual([]);

    // RFC 8058: a mail client POSTs "List-Unsubscribe=One-Click" to the header's URL.
    const unsubscribeUrl = local(news.text, 'unsubscribe');
    expect((await fetch(unsubscribeUrl)).status).toBe(200);
    const oneClick = await fetch(unsubscribeUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(oneClick.status).toBe(200);
    const db = new Client({ connectionString: t.database.url });
    await db.connect();
    try {
      const { rows } = await db.query(
        `SELECT count(*)::int AS n FROM communications.subscription WHERE address = $1`,
        [address],
      );
      expect(rows[0].n).toBe(0);
    } finally {
      await db.end();
    }
    expect((await fetch(unsubscribeUrl, { method: 'POST' })).status).toBe(404);
  });

  it('signs webhook deliveries so a Standard Webhooks receiver verifies them', async () => {
    const registered = await graph<{ subscribe: { secret: string } }>(
      SUBSCRIBE,
      {
        input: {
          channel: 'WEBHOOK',
          address: hooks.url,
          topics: ['SPACES'],
          audience: { everyone: true },
        },
      },
      staff,
    );
    expect(registered.errors).toBeUndefined();
    hooks.secret = registered.data!.subscribe.secret;
    const created = await graph<{ createAnnouncement: { id: string } }>(
      `mutation ($input: CreateAnnouncementInput!) { createAnnouncement(input: $input) { id } }`,
      {
        input: {
          title: { fi: 'Uusi bänditila' },
          body: { fi: 'Varattavissa syksystä.' },
          topic: 'SPACES',
          audience: { everyone: true },
        },
      },
      staff,
    );
    await graph(
      `mutation ($id: ID!) { publishAnnouncement(id: $id) { id } }`,
      { id: created.data!.createAnnouncement.id },
      staff,
    );
    const [call] = await hooks.waitFor(1);
    expect(call.verified).toBe(true);
    expect(call.payload).toMatchObject({
      type: 'announcement.published',
      data: { title: { fi: 'Uusi bänditila' } },
    });
  });

  it('reminds a subscriber of a survey closing in two days, read through the graph, once', async () => {
    const address = `muistutettava@seura.example`;
    await graph(SUBSCRIBE, {
      input: { address, topics: ['SURVEYS'], audience: { everyone: true } },
    });
    const [confirmation] = await waitForMails(address, 1);
    const confirmLink = local(confirmation.text, 'subscriptions/confirm');
    expect((await fetch(confirmLink, { method: 'POST' })).status).toBe(200);
    const survey = await graph<{ createSurvey: { id: string } }>(
      `mutation ($input: CreateSurveyInput!) { createSurvey(input: $input) { id } }`,
      {
        input: {
          title: { fi: 'Pikakysely tiloista' },
          audience: 'ASSOCIATIONS',
          anonymous: true,
          opensAt: new Date(Date.now() - 3_600_000).toISOString(),
          closesAt: new Date(Date.now() + 2 * 86_400_000).toISOString(),
          questions: [{ text: { fi: 'Riittävätkö tilat?' }, kind: 'LIKERT_5' }],
        },
      },
      staff,
    );
    await graph(
      `mutation ($id: ID!) { openSurvey(id: $id) { id } }`,
      { id: survey.data!.createSurvey.id },
      staff,
    );
    for (let run = 0; run < 2; run++) {
      expect((await graph(`mutation { runReminders }`, {}, admin)).errors).toBeUndefined();
    }
    const [, reminder] = await waitForMails(address, 2);
    expect(reminder.subject).toMatch(/^Muistutus: Pikakysely tiloista päättyy /);
    await new Promise((r) => setTimeout(r, 2000));
    expect(mailsTo(address).filter((m) => m.subject.includes('Pikakysely'))).toHaveLength(1);
  });

  it('serves announcements as Atom 1.0 that an independent parser reads, with the audience filters', async () => {
    const response = await fetch(
      `${t.hub.gateway.url}/feeds/announcements.atom?topic=GENERAL,GRANTS&serviceArea=${serviceAreaId('sports')}`,
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/atom\+xml/);
    const text = await response.text();
    expect(XMLValidator.validate(text)).toBe(true);
    const feed = parseAtomFeed(text);
    const titles = (feed.entries ?? []).map((e) => e.title?.value);
    const evening = feed.entries?.find((e) => e.title?.value === 'Kevään yhdistysilta 16.3.');
    expect(evening?.content?.value).toContain('<strong>avustukset</strong>');
    expect(evening?.content?.value).not.toContain('**');
    expect(titles).toEqual(
      expect.arrayContaining(['Kevään yhdistysilta 16.3.', 'Toiminta-avustusten haku aukeaa']),
    );
    expect(titles).not.toContain('Kulttuuri-illan ilmoittautuminen');
    for (const entry of feed.entries ?? []) {
      expect(entry.id).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
      expect(entry.updated).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    }
    expect(feed.id).toBeTruthy();
    expect(feed.updated).toBeTruthy();
    const bad = await fetch(`${t.hub.gateway.url}/feeds/announcements.atom?lang=de`);
    expect(bad.status).toBe(400);
  });
});
