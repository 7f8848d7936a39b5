import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** A mail as the receiving side parsed it (mailparser, not our writer read back). */
export interface ReceivedMail {
  messageId: string;
  to: string;
  subject: string;
  text: string;
  /** The HTML alternative, when the mail has one. */
  html: string | null;
  headers: ParsedMail['headers'];
  raw: string;
}

export interface TestMailServer {
  url: string;
  received: ReceivedMail[];
  /** Refuse the next `n` mails with a temporary error (451), as a busy relay does. */
  failNext(n: number): void;
  /** Wait this long before accepting each mail, so a batch takes time. */
  delayMs: number;
  /**
   * After `n` accepted mails, hold every further one unanswered (no 250), as a relay does
   * while a sender dies mid-batch; `release()` refuses the held ones and accepts again.
   */
  holdAfter(n: number): void;
  release(): void;
  /** Mails being held unanswered now. */
  readonly held: number;
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedMail[]>;
  stop(): Promise<void>;
}

/** A real SMTP server (smtp-server, by nodemailer's authors) on an ephemeral port. */
export async function startMailServer(): Promise<TestMailServer> {
  const received: ReceivedMail[] = [];
  let failures = 0;
  const state = { delayMs: 0 };
  let holdFrom = Infinity;
  /** Mails between the hold check and being counted as received. */
  let accepting = 0;
  const heldCallbacks: Array<(error?: Error) => void> = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        void (async () => {
          if (failures > 0) {
            failures--;
            callback(Object.assign(new Error('Try again later'), { responseCode: 451 }));
            return;
          }
          // Decided before waiting, so mails arriving together cannot all slip past the hold.
          if (received.length + accepting >= holdFrom) {
            heldCallbacks.push(callback);
            return;
          }
          accepting++;
          await new Promise((r) => setTimeout(r, state.delayMs));
          const raw = Buffer.concat(chunks).toString('utf8');
          const mail = await simpleParser(raw);
          received.push({
            messageId: mail.messageId ?? '',
            to: (Array.isArray(mail.to) ? mail.to[0] : mail.to)?.text ?? '',
            subject: mail.subject ?? '',
            text: mail.text ?? '',
            html: mail.html || null,
            headers: mail.headers,
            raw,
          });
          accepting--;
          callback();
        })();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    failNext: (n) => {
      failures = n;
    },
    holdAfter: (n) => {
      holdFrom = n;
    },
    release: () => {
      holdFrom = Infinity;
      for (const callback of heldCallbacks.splice(0)) {
        callback(Object.assign(new Error('Not accepted'), { responseCode: 451 }));
      }
    },
    get held() {
      return heldCallbacks.length;
    },
    get delayMs() {
      return state.delayMs;
    },
    set delayMs(ms: number) {
      state.delayMs = ms;
    },
    async waitFor(count, timeoutMs = 120_000) {
      const until = Date.now() + timeoutMs;
      while (received.length < count) {
        if (Date.now() > until) {
          throw new Error(`expected ${count} mails, got ${received.length}`);
        }
        await new Promise((r) => setTimeout(r, 50));
      }
      return received;
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
