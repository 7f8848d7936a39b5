import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

/** A webhook call as received, its signature checked by the Standard Webhooks library. */
export interface ReceivedWebhook {
  id: string;
  headers: IncomingHttpHeaders;
  payload: { type: string; data: Record<string, unknown> };
  verified: boolean;
}

export interface TestWebhookReceiver {
  url: string;
  received: ReceivedWebhook[];
  /** The secret to verify with; set once the hub has shown it. */
  secret: string | null;
  /** Answer the next `n` calls with 503. */
  failNext(n: number): void;
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedWebhook[]>;
  stop(): Promise<void>;
}

export async function startWebhookReceiver(): Promise<TestWebhookReceiver> {
  const received: ReceivedWebhook[] = [];
  let failures = 0;
  const receiver: TestWebhookReceiver = {
    url: '',
    received,
    secret: null,
    failNext: (n) => {
      failures = n;
    },
    async waitFor(count, timeoutMs = 120_000) {
      const until = Date.now() + timeoutMs;
      while (received.length < count) {
        if (Date.now() > until)
          throw new Error(`expected ${count} webhooks, got ${received.length}`);
        await new Promise((r) => setTimeout(r, 50));
      }
      return received;
    },
    stop: async () => undefined,
  };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (failures > 0) {
        failures--;
        res.writeHead(503).end();
        return;
      }
      const body = Buffer.concat(chunks).toString('utf8');
      let verified = false;
      try {
        new Webhook(receiver.secret ?? '').verify(body, {
          'webhook-id': String(req.headers['webhook-id']),
          'webhook-timestamp': String(req.headers['webhook-timestamp']),
          'webhook-signature': String(req.headers['webhook-signature']),
        });
        verified = true;
      } catch {
        verified = false;
      }
      received.push({
        id: String(req.headers['webhook-id']),
        headers: req.headers,
        payload: JSON.parse(body) as ReceivedWebhook['payload'],
        verified,
      });
      res.writeHead(verified ? 204 : 401).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
  receiver.stop = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return receiver;
}
