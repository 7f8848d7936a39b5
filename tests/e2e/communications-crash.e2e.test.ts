import type { ChildProcess } from 'node:child_process';
import { Client } from 'pg';
import { EnvReader } from '../../subgraphs/core/env';
import { readAuthConfig, signDevToken } from '../../subgraphs/core/identity';
import { startMailServer, type TestMailServer } from '../setup/mail-server';
import { createTestDatabase, type TestDatabase } from '../setup/test-database';
import { postGraphQL } from '../setup/test-hub';
import { startSubgraphProcess } from '../setup/subgraph-process';

const SUBSCRIBERS = 30;

/**
 * kill -9 during a send batch: the communications subgraph, as its own process, is killed
 * while mails are in flight (held unanswered by the relay, as when a sender dies before
 * the 250), then started again. Every subscriber must get the announcement exactly once:
 * nothing lost with the dead process, nothing sent twice by the new one.
 */
describe('a killed communications subgraph loses and duplicates no mail', () => {
  let database: TestDatabase;
  let mail: TestMailServer;
  let db: Client;
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    mail = await startMailServer();
    db = new Client({ connectionString: database.url });
    await db.connect();
  });
  afterAll(async () => {
    for (const child of children) child.kill('SIGKILL');
    await db?.end();
    await mail?.stop();
    await database?.drop();
  });

  /** The subgraph in a process of its own; resolves with its GraphQL URL once it listens. */
  async function start(): Promise<{ child: ChildProcess; url: string }> {
    const started = await startSubgraphProcess(
      'communications',
      {
        DATABASE_URL: database.url,
        SMTP_URL: mail.url,
        GRAPH_URL: 'http://127.0.0.1:9/graphql',
        DELIVERY_JOB_EXPIRE_SECONDS: '2',
        DELIVERY_RETRY_DELAY_SECONDS: '1',
        JOB_MAINTENANCE_SECONDS: '1',
        JOB_POLL_SECONDS: '1',
      },
      children,
    );
    return { child: started.child, url: started.graphqlUrl };
  }

  async function until(
    condition: () => boolean | Promise<boolean>,
    what: string,
    timeoutMs = 60_000,
  ) {
    const end = Date.now() + timeoutMs;
    while (!(await condition())) {
      if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  it('sends every mail of the batch exactly once across the kill and the restart', async () => {
    const first = await start();
    // Confirmed subscribers, written as the subgraph's confirm step leaves them.
    await db.query(
      `INSERT INTO communications.subscription
         (channel, address, topics, everyone, audience_key, language, unsubscribe_token, confirmed_at)
       SELECT 'EMAIL', 'jasen' || n || '@seura.example', ARRAY['GENERAL'], true, 'everyone', 'fi',
              md5(n::text || 'crash-test'), now()
         FROM generate_series(1, $1) AS n`,
      [SUBSCRIBERS],
    );
    const staff = await signDevToken(readAuthConfig(new EnvReader('test', {}), false), {
      role: 'staff',
      subject: 'tiedottaja',
    });
    const headers = { authorization: `Bearer ${staff}` };
    const created = await postGraphQL(
      first.url,
      `mutation { createAnnouncement(input: { title: { fi: "Yhdistysilta" }, body: { fi: "Tervetuloa!" }, topic: GENERAL, audience: { everyone: true } }) { id } }`,
      {},
      headers,
    );
    const id = (created.body.data!.createAnnouncement as { id: string }).id;
    mail.delayMs = 50;
    mail.holdAfter(10);
    const published = await postGraphQL(
      first.url,
      `mutation ($id: ID!) { publishAnnouncement(id: $id) { status } }`,
      { id },
      headers,
    );
    expect(published.body.errors).toBeUndefined();

    // Ten accepted, more in flight: now the process dies without a word. First the ten are
    // recorded as sent: a mail the relay accepted a moment before the kill, not yet marked,
    // would be sent again after the restart whatever the sender does (SMTP's own window,
    // closed only by a relay that drops repeated Message-IDs), and a busy machine widens
    // that moment. What is tested is the mails in flight: held unanswered, then refused.
    await until(() => mail.received.length >= 10 && mail.held > 0, 'mails in flight');
    await until(async () => {
      const { rows } = await db.query<{ sent: number }>(
        `SELECT count(*)::int AS sent FROM communications.delivery WHERE status = 'SENT'`,
      );
      return rows[0].sent >= mail.received.length;
    }, 'the accepted mails recorded as sent');
    first.child.kill('SIGKILL');
    await new Promise((r) => first.child.once('exit', r));
    mail.release();

    await start();
    await until(() => mail.received.length >= SUBSCRIBERS, `${SUBSCRIBERS} mails`);
    // Time for any duplicate to show up: two expiry periods and a maintenance run.
    await new Promise((r) => setTimeout(r, 5_000));
    const ids = mail.received.map((m) => m.messageId);
    expect(ids).toHaveLength(SUBSCRIBERS);
    expect(new Set(ids).size).toBe(SUBSCRIBERS);
    expect(new Set(mail.received.map((m) => m.to)).size).toBe(SUBSCRIBERS);
    const { rows } = await db.query(
      `SELECT status, count(*)::int AS n FROM communications.delivery WHERE announcement_id = $1 GROUP BY status`,
      [id],
    );
    expect(rows).toEqual([{ status: 'SENT', n: SUBSCRIBERS }]);
    // Two processes start from source here, which on a loaded 2-core machine takes a while.
  });
});
