import type { DataSource } from 'typeorm';
import { returningRows } from '../../core/database';
import { type RetentionConfig, retentionCutoff } from '../../core/personal-data/retention';
import {
  CANCEL_PENDING_DELIVERIES,
  endedSubscription,
} from '../subscription/subscription.repository';

/**
 * Subscriptions asked for before the cutoff and never confirmed, ended as unsubscribing ends
 * them (subscription.repository `end`): the address and tokens go, a confirmation still
 * waiting to be sent is cancelled. A confirmed subscription is the person's to end.
 */
export async function endUnconfirmedSubscriptions(
  db: DataSource,
  config: RetentionConfig,
  now: Date,
): Promise<number> {
  return db.transaction(async (manager) => {
    const rows = (await manager.query(
      returningRows(
        `UPDATE communications.subscription SET ${endedSubscription('$2::timestamptz')}
          WHERE confirmed_at IS NULL AND ended_at IS NULL AND created_at < $1
          RETURNING id`,
      ),
      [retentionCutoff(now, config.unconfirmedSubscriptionDays), now],
    )) as Array<{ id: string }>;
    if (rows.length > 0) await manager.query(CANCEL_PENDING_DELIVERIES, [rows.map((r) => r.id)]);
    return rows.length;
  });
}
