import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer from 'nodemailer';

/** One mail as the hub sends it. */
export interface OutgoingMail {
  /** Stable per delivery: a retried send carries the same Message-ID. */
  messageId: string;
  to: string;
  subject: string;
  text: string;
  /** An HTML alternative of the text, where the text has markup (announcements). */
  html?: string;
  /** RFC 8058: the one-click unsubscribe URL (every mail but a confirmation has one). */
  unsubscribeUrl?: string;
  language: string;
}

export interface MailTransport {
  send(mail: OutgoingMail): Promise<void>;
  /** Where mails go, for the start banner and logs. */
  readonly description: string;
  close(): void;
}

function message(from: string, mail: OutgoingMail): nodemailer.SendMailOptions {
  return {
    from,
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    ...(mail.html ? { html: mail.html } : {}),
    messageId: mail.messageId,
    headers: {
      'Content-Language': mail.language,
      ...(mail.unsubscribeUrl
        ? {
            'List-Unsubscribe': `<${mail.unsubscribeUrl}>`,
            'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
          }
        : {}),
    },
  };
}

/** Mails through an SMTP relay (SMTP_URL), e.g. smtps://user:pass@smtp.example:465. */
export function smtpTransport(smtpUrl: string, from: string): MailTransport {
  const transporter = nodemailer.createTransport(smtpUrl);
  return {
    description: `SMTP ${new URL(smtpUrl).host}`,
    async send(mail) {
      await transporter.sendMail(message(from, mail));
    },
    close: () => transporter.close(),
  };
}

/**
 * Without SMTP_URL (development): each mail as an .eml file in the outbox, named by its
 * Message-ID so a retried send overwrites the same file instead of adding another.
 */
export function outboxTransport(
  directory: string,
  from: string,
  log: (line: string) => void,
): MailTransport {
  const transporter = nodemailer.createTransport({ streamTransport: true, buffer: true });
  return {
    description: `the outbox ${directory}`,
    async send(mail) {
      const info = (await transporter.sendMail(message(from, mail))) as { message: Buffer };
      await mkdir(directory, { recursive: true });
      const name = `${mail.messageId.replace(/[^A-Za-z0-9.@-]/g, '')}.eml`;
      // Written whole, then renamed: a reader never sees half a mail.
      const partial = join(directory, `.${name}.partial`);
      await writeFile(partial, info.message);
      await rename(partial, join(directory, name));
      log(`mail to the outbox: ${name} "${mail.subject}"`);
    },
    close: () => transporter.close(),
  };
}
