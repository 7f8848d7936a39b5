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

/** All SQL of subscriptions. Addresses never leave this subgraph through the graph. */
export class SubscriptionRepository {
  constructor(private readonly db: Connection) {}

  byIds(ids: readonly string[]): Promise<NotificationSubscription[]> {
    return this.db
      .getRepository(NotificationSubscription)
      .createQueryBuilder('s')
      .where('s.id = ANY(:ids)', { ids })
      .getMany();
  }

  /** The live subscription of an address and audience, locked for merging; or null. */
  async liveFor(channel: Channel, address: string, audienceKey: string): Promise<string | null> {
    const rows: Array<{ id: string }> = await this.db.query(
      `SELECT id FROM communications.subscription
        WHERE channel = $1 AND lower(address) = lower($2) AND audience_key = $3 AND ended_at IS NULL
        FOR UPDATE`,
      [channel, address, audienceKey],
    );
    return rows[0]?.id ?? null;
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
   * A second subscription of the same address and audience merges into the first: topics
   * are joined, the language is the latest; an unconfirmed one gets a new confirm token.
   */
  async merge(
    id: string,
    topics: Topic[],
    language: string,
    confirmToken: string,
  ): Promise<boolean> {
    const rows: Array<{ confirmed: boolean }> = await this.db.query(
      returningRows(
        `UPDATE communications.subscription
            SET topics = ARRAY(SELECT DISTINCT unnest(topics || $2::text[]) ORDER BY 1),
                language = $3,
                confirm_token = CASE WHEN confirmed_at IS NULL THEN $4 ELSE confirm_token END,
                updated_at = now()
          WHERE id = $1 RETURNING confirmed_at IS NOT NULL AS confirmed`,
      ),
      [id, topics, language, confirmToken],
    );
    return rows[0]?.confirmed ?? false;
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
            SET confirmed_at = coalesce(confirmed_at, now()), updated_at = now()
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
        `UPDATE communications.subscription
            SET ended_at = now(), address = NULL, confirm_token = NULL, unsubscribe_token = NULL,
                secret = NULL, updated_at = now()
          WHERE unsubscribe_token = $1 AND ended_at IS NULL RETURNING id`,
      ),
      [unsubscribeToken],
    );
    if (rows.length === 0) return false;
    await this.db.query(
      `UPDATE communications.delivery SET status = 'CANCELLED' WHERE subscription_id = $1 AND status = 'PENDING'`,
      [rows[0].id],
    );
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
