import type { CommunicationsConfig } from '../communications.config';
import type { CommunicationsRepositories } from '../communications.repositories';
import type { Announcement } from '../announcement/announcement.entity';
import type { NotificationSubscription } from '../subscription/subscription.entity';
import { Channel } from '../subscription/subscription.enums';
import type { Delivery } from './delivery.entity';
import { DeliveryKind, DeliveryStatus } from './delivery.enums';
import type { MailTransport } from './mail-transport';
import { announcementMail, confirmationMail, type Deadline, reminderMail } from './messages';
import { sendWebhook } from './webhook-sender';
import { webhookPayload } from './webhook-payload';
import { decisionMail } from './decision-messages';
import type { DomainEvent } from '../../core/domain-events';

/**
 * Sends one delivery, run by the queue. A delivery that is no longer PENDING is done (a
 * repeat of its job sends nothing); one whose subscription ended is cancelled. A failure
 * is recorded and thrown, so the queue retries it with backoff; the last try marks it
 * FAILED, kept in the log with its error, never silently dropped.
 */
export class DeliveryWorker {
  constructor(
    private readonly repositories: CommunicationsRepositories,
    private readonly transport: MailTransport,
    private readonly config: CommunicationsConfig,
  ) {}

  async deliver(deliveryId: string, lastTry: boolean): Promise<void> {
    const { deliveries, subscriptions, announcements } = this.repositories;
    const delivery = await deliveries.startAttempt(deliveryId);
    if (!delivery) return;
    const [subscription] = await subscriptions.byIds([delivery.subscriptionId]);
    if (!subscription?.address || subscription.endedAt || subscription.disabledAt) {
      await deliveries.finish(delivery.id, DeliveryStatus.CANCELLED);
      return;
    }
    const announcement = delivery.announcementId
      ? (await announcements.byIds([delivery.announcementId]))[0]
      : undefined;
    try {
      if (subscription.channel === Channel.EMAIL) {
        await this.mail(delivery, subscription, announcement);
      } else {
        await sendWebhook(
          subscription.address,
          subscription.secret ?? '',
          delivery.id,
          webhookPayload(delivery, announcement),
          {
            allowLoopback: this.config.webhookAllowLoopback,
            timeoutMs: this.config.webhookTimeoutMs,
          },
        );
        await subscriptions.succeeded(subscription.id);
      }
      await deliveries.finish(delivery.id, DeliveryStatus.SENT);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      if (subscription.channel === Channel.WEBHOOK) {
        const disabled = await subscriptions.failed(
          subscription.id,
          this.config.webhookDisableAfterDays,
        );
        if (disabled) {
          await deliveries.finish(
            delivery.id,
            DeliveryStatus.CANCELLED,
            `${reason}; webhook disabled`,
          );
          return;
        }
      }
      if (lastTry) await deliveries.finish(delivery.id, DeliveryStatus.FAILED, reason);
      else await deliveries.failedAttempt(delivery.id, reason);
      throw error;
    }
  }

  private async mail(
    delivery: Delivery,
    subscription: NotificationSubscription,
    announcement: Announcement | undefined,
  ): Promise<void> {
    const unsubscribeUrl = `${this.config.publicBaseUrl}/unsubscribe?token=${subscription.unsubscribeToken}`;
    let content: { subject: string; text: string; html?: string };
    if (delivery.kind === DeliveryKind.CONFIRMATION) {
      const token = await this.repositories.subscriptions.confirmTokenOf(subscription.id);
      content = confirmationMail(
        subscription.language,
        `${this.config.publicBaseUrl}/subscriptions/confirm?token=${token}`,
        unsubscribeUrl,
      );
    } else if (delivery.kind === DeliveryKind.ANNOUNCEMENT && announcement) {
      content = announcementMail(announcement, subscription.language, unsubscribeUrl);
    } else if (delivery.kind === DeliveryKind.DECISION) {
      content = decisionMail(
        delivery.payload as unknown as DomainEvent,
        subscription.language,
        unsubscribeUrl,
      );
    } else {
      const payload = delivery.payload as unknown as { deadline: Deadline; days: number };
      content = reminderMail(payload.deadline, payload.days, subscription.language, unsubscribeUrl);
    }
    await this.transport.send({
      messageId: `<${delivery.id}@city-association-hub>`,
      to: subscription.address!,
      subject: content.subject,
      text: content.text,
      html: content.html,
      unsubscribeUrl,
      language: subscription.language,
    });
  }
}
