import type { Connection } from '../../core/data';
import { returningRows } from '../../core/database';
import type { AudienceValues } from '../audience/audience';
import type { Topic } from '../announcement/announcement.enums';
import { NotificationSubscription } from './subscription.entity';
import type { Channel } from './subscription.enums';

export interface NewSubscription extends AudienceValues {
  channel: Channel;
  address: string;
  topics: Topic[];
  audienceKey: string;
  language: string;
  associationId: string | null;
  confirmToken: string | null;
  unsubscribeToken: string;
  secret: string | null;
  createdBy: string | null;
  confirmed: boolean;
}

/**
 * What ending a subscription erases, as SET items (`at`: the SQL for the moment): the
 * address, every token and the secret, with any change waiting for confirmation. The row
 * stays. One definition for unsubscribing, erasure (privacy/personal-data.records.ts) and
 * retention (privacy/retention.ts).
 */
export function endedSubscription(at: string): string {
  return `ended_at = coalesce(ended_at, ${at}), address = NULL, confirm_token = NULL,
    unsubscribe_token = NULL, secret = NULL, pending_topics = NULL, pending_language = NULL,
    updated_at = ${at}`;
}

/** The pending deliveries of ended subscriptions (ids in $1), cancelled. */
export const CANCEL_PENDING_DELIVERIES = `UPDATE communications.delivery SET status = 'CANCELLED'
  WHERE subscription_id = ANY($1::uuid[]) AND status = 'PENDING'`;

/** All SQL of subscriptions. Addresses never leave this subgraph through the graph. */
export class SubscriptionRepository {
  constructor(private readonly db: Connection) {}

  /**
   * Who is told of a decision about an association: its contact persons (the subscriptions
   * the contact register made, every decision), the live, confirmed subscriptions its
   * representatives made for it, and the city's own webhooks (staff's, made for no
   * association) whose audience takes the decision's service areas; each taking `topic`.
   * A mail subscription made for no association never hears of one association's affairs.
   */
  async toldOfDecision(
    associationId: string,
    topic: string,
    serviceAreaIds: readonly string[],
  ): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.db.query(
      // Two branches, so each finds its rows by its own index (association; topics).
      `SELECT id FROM communications.subscription
        WHERE association_id = $1 AND confirmed_at IS NOT NULL AND ended_at IS NULL
          AND disabled_at IS NULL AND ($2 = ANY(topics) OR contact_id IS NOT NULL)
       UNION
       SELECT id FROM communications.subscription
        WHERE channel = 'WEBHOOK' AND association_id IS NULL AND topics @> ARRAY[$2]::text[]
          AND confirmed_at IS NOT NULL AND ended_at IS NULL AND disabled_at IS NULL
          AND (everyone OR service_area_ids && $3::uuid[])`,
      [associationId, topic, serviceAreaIds],
    );
    return rows.map((r) => r.id);
  }

  /**
   * Who hears of an association's own events: its contact persons (the register's
   * subscriptions) and the subscriptions made for it that took `topic`; by association.
   */
  async ofAssociations(
    associationIds: readonly string[],
    topic: string,
  ): Promise<Array<{ id: string; associationId: string }>> {
    const rows: Array<{ id: string; association_id: string }> = await this.db.query(
      `SELECT id, association_id FROM communications.subscription
        WHERE association_id = ANY($1) AND confirmed_at IS NOT NULL AND ended_at IS NULL
          AND disabled_at IS NULL AND ($2 = ANY(topics) OR contact_id IS NOT NULL)`,
      [associationIds, topic],
    );
    return rows.map((r) => ({ id: r.id, associationId: r.association_id }));
  }

  byIds(ids: readonly string[]): Promise<NotificationSubscription[]> {
    return this.db
      .getRepository(NotificationSubscription)
      .createQueryBuilder('s')
      .where('s.id = ANY(:ids)', { ids })
      .getMany();
  }

  /** The live subscription of an address and audience, locked for merging; or null. */
  async liveFor(
    channel: Channel,
    address: string,
    audienceKey: string,
  ): Promise<{ id: string; confirmed: boolean; topics: string[]; language: string } | null> {
    const rows: Array<{ id: string; confirmed: boolean; topics: string[]; language: string }> =
      await this.db.query(
        `SELECT id, confirmed_at IS NOT NULL AS confirmed, topics, language
           FROM communications.subscription
          WHERE channel = $1 AND lower(address) = lower($2) AND audience_key = $3 AND ended_at IS NULL
          FOR UPDATE`,
        [channel, address, audienceKey],
      );
    return rows[0] ?? null;
  }

  /**
   * Serialises everything done for one address until the transaction ends: two requests
   * racing cannot both find that a confirmation mail is due.
   */
  async lockAddress(address: string): Promise<void> {
    await this.db.query(`SELECT pg_advisory_xact_lock(hashtext('subscription:' || lower($1)))`, [
      address,
    ]);
  }

  /** Confirmation mails queued for an address, over all its subscriptions: for the limits. */
  async confirmationsTo(
    address: string,
  ): Promise<{ minutesSinceLast: number | null; lastDay: number }> {
    const rows: Array<{ minutes_since_last: number | null; last_day: number }> =
      await this.db.query(
        `SELECT extract(epoch FROM now() - max(d.created_at)) / 60 AS minutes_since_last,
                count(*)::int AS last_day
           FROM communications.subscription s
           JOIN communications.delivery d ON d.subscription_id = s.id AND d.kind = 'CONFIRMATION'
          WHERE lower(s.address) = lower($1) AND d.created_at > now() - interval '24 hours'`,
        [address],
      );
    const row = rows[0];
    return {
      minutesSinceLast: row?.minutes_since_last == null ? null : Number(row.minutes_since_last),
      lastDay: row?.last_day ?? 0,
    };
  }

  async insert(s: NewSubscription): Promise<string> {
    const rows: Array<{ id: string }> = await this.db.query(
      `INSERT INTO communications.subscription
         (channel, address, topics, everyone, service_area_ids, category_ids, municipality_codes,
          audience_key, language, association_id, confirm_token, unsubscribe_token, secret,
          created_by, confirmed_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14,
               CASE WHEN $15::boolean THEN now() END)
       RETURNING id`,
      [
        s.channel,
        s.address,
        s.topics,
        s.everyone,
        s.serviceAreaIds,
        s.categoryIds,
        s.municipalityCodes,
        s.audienceKey,
        s.language,
        s.associationId,
        s.confirmToken,
        s.unsubscribeToken,
        s.secret,
        s.createdBy,
        s.confirmed,
      ],
    );
    return rows[0].id;
  }

  /**
   * A second subscription of an address and audience not yet confirmed merges into the first
   * at once (nothing is sent before confirmation): topics joined, the latest language, and
   * the new confirmation mail's token.
   */
  async mergeUnconfirmed(
    id: string,
    topics: Topic[],
    language: string,
    confirmToken: string,
  ): Promise<void> {
    await this.db.query(
      `UPDATE communications.subscription
          SET topics = ARRAY(SELECT DISTINCT unnest(topics || $2::text[]) ORDER BY 1),
              language = $3, confirm_token = $4, updated_at = now()
        WHERE id = $1`,
      [id, topics, language, confirmToken],
    );
  }

  /**
   * A confirmed subscription's change waits beside it, with the token of the mail that asks
   * its subscriber to confirm it; until then the subscription stays as it was.
   */
  async requestChange(
    id: string,
    topics: string[],
    language: string,
    confirmToken: string,
  ): Promise<void> {
    await this.db.query(
      `UPDATE communications.subscription
          SET pending_topics = $2, pending_language = $3, confirm_token = $4, updated_at = now()
        WHERE id = $1`,
      [id, topics, language, confirmToken],
    );
  }

  /** The confirm token of a subscription, for its confirmation mail (never shown elsewhere). */
  async confirmTokenOf(subscriptionId: string): Promise<string | null> {
    const rows: Array<{ confirm_token: string | null }> = await this.db.query(
      `SELECT confirm_token FROM communications.subscription WHERE id = $1`,
      [subscriptionId],
    );
    return rows[0]?.confirm_token ?? null;
  }

  /** Confirms by the token from the confirmation mail; null when no live one has it. */
  async confirm(token: string): Promise<string | null> {
    const rows: Array<{ id: string }> = await this.db.query(
      returningRows(
        `UPDATE communications.subscription
            SET confirmed_at = coalesce(confirmed_at, now()),
                topics = coalesce(pending_topics, topics),
                language = coalesce(pending_language, language),
                pending_topics = NULL, pending_language = NULL, updated_at = now()
          WHERE confirm_token = $1 AND ended_at IS NULL RETURNING id`,
      ),
      [token],
    );
    return rows[0]?.id ?? null;
  }

  /**
   * Ends a subscription and erases the address and every token (GDPR): the row stays only
   * so the delivery log keeps its shape. Its pending deliveries are cancelled.
   */
  async end(unsubscribeToken: string): Promise<boolean> {
    const rows: Array<{ id: string }> = await this.db.query(
      returningRows(
        `UPDATE communications.subscription SET ${endedSubscription('now()')}
          WHERE unsubscribe_token = $1 AND ended_at IS NULL RETURNING id`,
      ),
      [unsubscribeToken],
    );
    if (rows.length === 0) return false;
    await this.db.query(CANCEL_PENDING_DELIVERIES, [[rows[0].id]]);
    return true;
  }

  /** Confirmed live subscribers per topic, for staff; no addresses. */
  async countsByTopic(): Promise<Array<{ topic: Topic; channel: Channel; count: number }>> {
    return this.db.query(
      `SELECT t.topic, s.channel, count(*)::int AS count
         FROM communications.subscription s CROSS JOIN LATERAL unnest(s.topics) AS t(topic)
        WHERE s.confirmed_at IS NOT NULL AND s.ended_at IS NULL AND s.disabled_at IS NULL
        GROUP BY t.topic, s.channel ORDER BY t.topic, s.channel`,
    );
  }

  /** Confirmed, live e-mail subscriptions that take announcements (any topic). */
  async reachedCount(): Promise<number> {
    const rows: Array<{ n: number }> = await this.db.query(
      `SELECT count(*)::int AS n FROM communications.subscription
        WHERE channel = 'EMAIL' AND topics <> '{}'
          AND confirmed_at IS NOT NULL AND ended_at IS NULL AND disabled_at IS NULL`,
    );
    return rows[0].n;
  }

  /** Confirmed live subscriptions to any of the topics, for reminders. */
  liveOfTopics(topics: readonly Topic[]): Promise<NotificationSubscription[]> {
    return this.db
      .getRepository(NotificationSubscription)
      .createQueryBuilder('s')
      .where('s.confirmed_at IS NOT NULL AND s.ended_at IS NULL AND s.disabled_at IS NULL')
      .andWhere('s.topics && :topics::text[]', { topics })
      .getMany();
  }

  /** A webhook failed: remembered from the first failure; disabled after `days` of them. */
  async failed(id: string, disableAfterDays: number): Promise<boolean> {
    const rows: Array<{ disabled: boolean }> = await this.db.query(
      returningRows(
        `UPDATE communications.subscription
            SET failing_since = coalesce(failing_since, now()),
                disabled_at = CASE WHEN coalesce(failing_since, now()) < now() - make_interval(days => $2)
                                   THEN now() ELSE disabled_at END
          WHERE id = $1 RETURNING disabled_at IS NOT NULL AS disabled`,
      ),
      [id, disableAfterDays],
    );
    return rows[0]?.disabled ?? false;
  }

  async succeeded(id: string): Promise<void> {
    await this.db.query(
      `UPDATE communications.subscription SET failing_since = NULL WHERE id = $1 AND failing_since IS NOT NULL`,
      [id],
    );
  }
}
