import type { Connection } from '../../core/data';
import { returningRows } from '../../core/database';
import {
  type ConnectionResult,
  type KeysetOrder,
  type PageArgs,
  paginate,
} from '../../core/connection';
import { Delivery } from './delivery.entity';
import type { DeliveryKind, DeliveryStatus } from './delivery.enums';

export const DELIVERIES_NEWEST_FIRST: KeysetOrder<Delivery> = {
  name: 'NEWEST',
  direction: 'DESC',
  keys: [
    { sql: 'd.created_at', type: 'timestamp', value: (d) => d.createdAt },
    { sql: 'd.id', type: 'uuid', value: (d) => d.id },
  ],
};

/** All SQL of the delivery log. */
export class DeliveryRepository {
  constructor(private readonly db: Connection) {}

  page(
    filter: { statuses?: DeliveryStatus[]; kinds?: DeliveryKind[]; announcementId?: string },
    args: PageArgs,
  ): Promise<ConnectionResult<Delivery>> {
    const q = this.db.getRepository(Delivery).createQueryBuilder('d').where('TRUE');
    if (filter.statuses?.length)
      q.andWhere('d.status = ANY(:statuses)', { statuses: filter.statuses });
    if (filter.kinds?.length) q.andWhere('d.kind = ANY(:kinds)', { kinds: filter.kinds });
    if (filter.announcementId) {
      q.andWhere('d.announcement_id = :announcementId', { announcementId: filter.announcementId });
    }
    return paginate(q, DELIVERIES_NEWEST_FIRST, args);
  }

  /** New deliveries of one item to these subscriptions; those already made are skipped. */
  async insertMany(
    subscriptionIds: readonly string[],
    kind: DeliveryKind,
    itemKey: string,
    payload: object | null = null,
  ): Promise<string[]> {
    if (subscriptionIds.length === 0) return [];
    const rows: Array<{ id: string }> = await this.db.query(
      `INSERT INTO communications.delivery (subscription_id, kind, item_key, payload)
       SELECT unnest($1::uuid[]), $2, $3, $4::jsonb
       ON CONFLICT ON CONSTRAINT delivery_once DO NOTHING RETURNING id`,
      [subscriptionIds, kind, itemKey, payload && JSON.stringify(payload)],
    );
    return rows.map((r) => r.id);
  }

  /** Starts a try: the delivery if it is still PENDING, its tries counted; else null. */
  async startAttempt(id: string): Promise<Delivery | null> {
    const rows: Array<{ id: string }> = await this.db.query(
      returningRows(
        `UPDATE communications.delivery SET attempts = attempts + 1
          WHERE id = $1 AND status = 'PENDING' RETURNING id`,
      ),
      [id],
    );
    if (rows.length === 0) return null;
    return this.db.getRepository(Delivery).findOneBy({ id });
  }

  async finish(id: string, status: DeliveryStatus, error: string | null = null): Promise<void> {
    await this.db.query(
      `UPDATE communications.delivery
          SET status = $2, last_error = coalesce($3, last_error),
              sent_at = CASE WHEN $2 = 'SENT' THEN now() ELSE sent_at END
        WHERE id = $1`,
      [id, status, error],
    );
  }

  async failedAttempt(id: string, error: string): Promise<void> {
    await this.db.query(`UPDATE communications.delivery SET last_error = $2 WHERE id = $1`, [
      id,
      error.slice(0, 1000),
    ]);
  }
}
