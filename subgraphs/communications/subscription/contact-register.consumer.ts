import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { DomainEvent } from '../../core/domain-events';
import { canonicalEmail } from '../../core/email-address';
import { endedSubscription } from './subscription.repository';

interface RegisterData {
  contacts: Array<{ id: string; name: string; role: string; email: string | null }>;
}

/**
 * Keeps this subgraph's copy of each association's contact register (see the migration
 * ContactRegister1768200000000): a subscription per contact person with an address, made,
 * moved to a new address, or ended (and its address erased) as the register says. A person
 * who ended theirs with the unsubscribe link is not subscribed again. A message older than
 * the newest one handled for the association is ignored.
 */
export class ContactRegisterConsumer {
  constructor(private readonly db: DataSource) {}

  async handle(event: DomainEvent): Promise<void> {
    const associationId = event.associationId;
    if (!associationId) return;
    const { contacts } = event.data as unknown as RegisterData;
    await this.db.transaction(async (manager) => {
      const newer: unknown[] = await manager.query(
        `INSERT INTO communications.contact_register (association_id, sequence) VALUES ($1, $2)
         ON CONFLICT (association_id) DO UPDATE SET sequence = $2, updated_at = now()
           WHERE contact_register.sequence < $2
         RETURNING association_id`,
        [associationId, event.sequence],
      );
      if (newer.length === 0) return; // an overtaken message: the register moved on
      const existing: Array<{
        id: string;
        contact_id: string;
        address: string | null;
        live: boolean;
      }> = await manager.query(
        `SELECT id, contact_id, address, ended_at IS NULL AS live FROM communications.subscription
            WHERE association_id = $1 AND contact_id IS NOT NULL`,
        [associationId],
      );
      const wanted = new Map(
        contacts
          .map((c) => [c.id, c.email ? canonicalEmail(c.email) : null] as const)
          .filter((pair): pair is readonly [string, string] => pair[1] !== null),
      );
      for (const row of existing.filter((r) => r.live)) {
        const address = wanted.get(row.contact_id);
        if (!address) {
          await manager.query(
            `UPDATE communications.subscription SET ${endedSubscription('now()')} WHERE id = $1`,
            [row.id],
          );
        } else if (address !== row.address) {
          await manager.query(
            `UPDATE communications.subscription SET address = $2, updated_at = now() WHERE id = $1`,
            [row.id, address],
          );
        }
      }
      const known = new Set(existing.map((r) => r.contact_id));
      for (const [contactId, address] of wanted) {
        if (known.has(contactId)) continue;
        await manager.query(
          `INSERT INTO communications.subscription
             (channel, address, topics, everyone, audience_key, language, association_id,
              contact_id, unsubscribe_token, created_by, confirmed_at)
           VALUES ('EMAIL', $1, '{}', false, $2, 'fi', $3, $4, $5, 'contact-register', now())`,
          [
            address,
            `contact:${contactId}`,
            associationId,
            contactId,
            randomBytes(24).toString('base64url'),
          ],
        );
      }
    });
  }
}
