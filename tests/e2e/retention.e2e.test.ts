import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { DEFAULT_RETENTION } from '../../subgraphs/core/personal-data/retention';
import { endUnconfirmedSubscriptions } from '../../subgraphs/communications/privacy/retention';
import { anonymiseExpiredEventData } from '../../subgraphs/events/privacy/retention.service';
import { startTestHub, type TestHub } from '../setup/test-hub';

/**
 * Issue 33, part 3: enrolments and feedback are anonymised a configured period after their
 * event ended, subscriptions never confirmed a period after they were asked for; every
 * figure stays as it was. The runs are given their `now`: the cutoff falls on the night
 * Helsinki's clocks go back (2026-10-25, 04:00 EEST becomes 03:00 EET), and two years on
 * crosses the leap day of 2028.
 */
const DAY = 86_400_000;
/** The event ends in the hour Helsinki has twice: 03:30 EEST, before the clocks go back. */
const ENDED = new Date('2026-10-25T00:30:00Z');

describe('retention of personal data', () => {
  let t: TestHub;
  let db: Client;
  let ds: DataSource;
  let eventId: string;

  beforeAll(async () => {
    t = await startTestHub();
    db = new Client({ connectionString: t.database.url });
    await db.connect();
    ds = await new DataSource({ type: 'postgres', url: t.database.url }).initialize();
    const {
      rows: [event],
    } = await db.query<{ id: string }>(
      `INSERT INTO events.event (title, kind, status, starts_at, ends_at)
       VALUES ('{"fi":"Syysfoorumi"}', 'FORUM', 'SCHEDULED', $1, $2) RETURNING id`,
      [new Date(ENDED.getTime() - 3 * 3600_000), ENDED],
    );
    eventId = event.id;
    await db.query(
      `INSERT INTO events.enrolment (event_id, association_id, enrolled_by, people, status, attended_people)
       SELECT $1, id, 'edustaja-7', 4, 'ENROLLED', 3 FROM associations.association LIMIT 1`,
      [eventId],
    );
    await db.query(
      `INSERT INTO events.feedback (event_id, respondent, respondent_role, rating, comment)
       VALUES ($1, 'edustaja-7', 'representative', 5, 'Kiitos, Liisa'),
              ($1, 'edustaja-8', 'representative', 3, NULL)`,
      [eventId],
    );
  });

  afterAll(async () => {
    await ds.destroy();
    await db.end();
    await t.stop();
  });

  async function figures(): Promise<unknown> {
    const staff = await t.token({ role: 'staff' });
    return t.client(staff).request(
      `query ($id: ID!) {
        eventStatistics(groupBy: [MONTH]) { groups { month count enrolments participants associations came } }
        event(id: $id) { feedbackSummary { count averageRating distribution } }
        subscriberCounts { topic channel count }
      }`,
      { id: eventId },
    );
  }

  async function named(): Promise<string[]> {
    const { rows } = await db.query<{ who: string }>(
      `SELECT enrolled_by AS who FROM events.enrolment WHERE event_id = $1
       UNION ALL SELECT respondent || ':' || coalesce(comment, '') FROM events.feedback WHERE event_id = $1
       ORDER BY 1`,
      [eventId],
    );
    return rows.map((r) => r.who);
  }

  it('anonymises enrolments and feedback once their event is past the period, not a millisecond before', async () => {
    const before = await figures();
    const period = DEFAULT_RETENTION.enrolmentDays * DAY;
    // Two years on (730 days, one of them 2028-02-29) from the end: not yet past.
    const atCutoff = new Date(ENDED.getTime() + period);
    expect(atCutoff.toISOString()).toBe('2028-10-24T00:30:00.000Z');
    expect(await anonymiseExpiredEventData(ds, DEFAULT_RETENTION, atCutoff)).toMatchObject({
      enrolments: expect.any(Number),
    });
    expect(await named()).toEqual(['edustaja-7', 'edustaja-7:Kiitos, Liisa', 'edustaja-8:']);

    const done = await anonymiseExpiredEventData(
      ds,
      DEFAULT_RETENTION,
      new Date(atCutoff.getTime() + 1),
    );
    expect(done.enrolments).toBeGreaterThanOrEqual(1);
    expect(done.feedback).toBeGreaterThanOrEqual(2);
    const left = await named();
    expect(left).toHaveLength(3);
    expect(left.every((who) => /^erased:[0-9a-f-]{36}:?$/.test(who))).toBe(true);
    // Still three different people: counts of respondents do not collapse into one.
    expect(new Set(left).size).toBe(3);
    expect(await figures()).toEqual(before);

    // A second run finds nothing more.
    expect(
      await anonymiseExpiredEventData(ds, DEFAULT_RETENTION, new Date(atCutoff.getTime() + DAY)),
    ).toEqual({ enrolments: 0, feedback: 0 });
  });

  it('lets go of a subscription never confirmed after the period, and keeps confirmed ones', async () => {
    const address = 'unohtunut@example.fi';
    const answer = await t
      .client()
      .request<{ subscribe: { message: string } }>(
        `mutation ($input: SubscribeInput!) { subscribe(input: $input) { message } }`,
        { input: { address, topics: ['EVENTS'], audience: { everyone: true } } },
      );
    expect(answer.subscribe.message).toEqual(expect.any(String));
    const before = await figures();
    const {
      rows: [asked],
    } = await db.query<{ id: string; created_at: Date }>(
      `SELECT id, created_at FROM communications.subscription WHERE address = $1`,
      [address],
    );
    const period = DEFAULT_RETENTION.unconfirmedSubscriptionDays * DAY;
    const live = () =>
      db.query(`SELECT count(*) AS n FROM communications.subscription WHERE ended_at IS NULL`);
    const liveBefore = Number((await live()).rows[0].n);

    expect(
      await endUnconfirmedSubscriptions(
        ds,
        DEFAULT_RETENTION,
        new Date(asked.created_at.getTime() + period),
      ),
    ).toBe(0);
    expect(
      await endUnconfirmedSubscriptions(
        ds,
        DEFAULT_RETENTION,
        new Date(asked.created_at.getTime() + period + 1),
      ),
    ).toBe(1);
    const { rows } = await db.query(
      `SELECT address, confirm_token, unsubscribe_token, ended_at IS NOT NULL AS ended,
              (SELECT count(*) FROM communications.delivery d WHERE d.subscription_id = s.id AND d.status = 'PENDING') AS pending
         FROM communications.subscription s WHERE id = $1`,
      [asked.id],
    );
    expect(rows).toEqual([
      { address: null, confirm_token: null, unsubscribe_token: null, ended: true, pending: '0' },
    ]);
    // The confirmed ones are untouched, and so are the counts.
    expect(Number((await live()).rows[0].n)).toBe(liveBefore - 1);
    expect(await figures()).toEqual(before);
  });
});
