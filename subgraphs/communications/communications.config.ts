import { join } from 'node:path';
import type { EnvReader } from '../core/env';
import { type RetentionConfig, readRetentionConfig } from '../core/personal-data/retention';
import { projectRoot } from '../core/paths';
import { readPublicBaseUrl } from '../core/public-base-url';
import type { JobQueueOptions } from './delivery/job-queue';

/** What the communications subgraph is made from: mail, links, reminders and its queue. */
export interface CommunicationsConfig {
  /** SMTP relay, e.g. smtps://user:pass@smtp.example:465; none: mails go to `outboxDir`. */
  smtpUrl: string | undefined;
  mailFrom: string;
  outboxDir: string;
  /** Where links in mails point: confirm and unsubscribe pages, the hub's feeds. */
  publicBaseUrl: string;
  /** Days before a deadline that a reminder goes out, largest first. */
  reminderDays: number[];
  /** Days before an event starts that its enrolled associations are reminded, largest first. */
  eventReminderDays: number[];
  /** Reminders every hour and at start; off, they run only when an admin asks (runReminders). */
  remindersAutomatic: boolean;
  /** Development: webhooks may point at loopback (a receiver on the laptop). */
  webhookAllowLoopback: boolean;
  /** A webhook failing this many days in a row is disabled. */
  webhookDisableAfterDays: number;
  webhookTimeoutMs: number;
  /** Confirmation mails to one address: at least this many minutes apart, … */
  confirmationPauseMinutes: number;
  /** … and at most this many in 24 hours, whoever asks for them. */
  confirmationsPerDay: number;
  queue: JobQueueOptions;
  /** How long a subscription never confirmed keeps its address (RETENTION_*). */
  retention: RetentionConfig;
}

/** COMMUNICATIONS_* and the mail settings; read by `npm start` and the subgraph on its own. */
export function readCommunicationsConfig(
  reader: EnvReader,
  production: boolean,
  gatewayPort = 4000,
): CommunicationsConfig {
  const smtpUrl = reader.url('SMTP_URL', undefined, ['smtp:', 'smtps:']);
  const reminderText = reader.string('REMINDER_DAYS', '14,3');
  const reminderDays = reminderText.split(',').map((d) => Number(d.trim()));
  if (reminderDays.some((d) => !Number.isInteger(d) || d < 1 || d > 365)) {
    reader.problem(
      `REMINDER_DAYS must list whole days from 1 to 365, e.g. "14,3"; got "${reminderText}"`,
    );
  }
  const eventReminderText = reader.string('EVENT_REMINDER_DAYS', '1');
  const eventReminderDays = eventReminderText.split(',').map((d) => Number(d.trim()));
  if (eventReminderDays.some((d) => !Number.isInteger(d) || d < 1 || d > 365)) {
    reader.problem(
      `EVENT_REMINDER_DAYS must list whole days from 1 to 365, e.g. "7,1"; got "${eventReminderText}"`,
    );
  }
  const webhookAllowLoopback = reader.boolean('WEBHOOK_ALLOW_LOOPBACK', !production);
  if (production && webhookAllowLoopback) {
    reader.problem('WEBHOOK_ALLOW_LOOPBACK cannot be true when NODE_ENV=production');
  }
  if (production && !smtpUrl) {
    reader.problem('SMTP_URL is required when NODE_ENV=production: mails must reach people');
  }
  return {
    smtpUrl,
    mailFrom: reader.string('MAIL_FROM', 'Yhdistysyhteistyö <no-reply@hub.localhost>'),
    outboxDir: join(reader.string('HUB_DATA_DIR', join(projectRoot(), '.hub-data')), 'outbox'),
    publicBaseUrl: readPublicBaseUrl(reader, production, gatewayPort),
    reminderDays: [...new Set(reminderDays)].sort((a, b) => b - a),
    eventReminderDays: [...new Set(eventReminderDays)].sort((a, b) => b - a),
    remindersAutomatic: reader.boolean('REMINDERS_AUTOMATIC', true),
    webhookAllowLoopback,
    webhookDisableAfterDays: reader.int('WEBHOOK_DISABLE_AFTER_DAYS', 3, { min: 1, max: 60 }),
    webhookTimeoutMs: reader.int('WEBHOOK_TIMEOUT_MS', 10_000, { min: 100, max: 60_000 }),
    confirmationPauseMinutes: reader.int('CONFIRMATION_PAUSE_MINUTES', 10, { min: 0, max: 1440 }),
    confirmationsPerDay: reader.int('CONFIRMATIONS_PER_DAY', 5, { min: 1, max: 100 }),
    retention: readRetentionConfig(reader),
    queue: {
      retryLimit: reader.int('DELIVERY_RETRY_LIMIT', 12, { min: 0, max: 100 }),
      retryDelaySeconds: reader.int('DELIVERY_RETRY_DELAY_SECONDS', 30, { min: 1, max: 3600 }),
      expireSeconds: reader.int('DELIVERY_JOB_EXPIRE_SECONDS', 300, { min: 1, max: 86_400 }),
      maintenanceSeconds: reader.int('JOB_MAINTENANCE_SECONDS', 60, { min: 1, max: 3600 }),
      concurrency: reader.int('DELIVERY_CONCURRENCY', 4, { min: 1, max: 32 }),
      pollSeconds: reader.int('JOB_POLL_SECONDS', 2, { min: 1, max: 60 }),
    },
  };
}
