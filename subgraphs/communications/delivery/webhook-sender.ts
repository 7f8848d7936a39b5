import { createHmac, randomBytes } from 'node:crypto';
import { outboundFetch } from '../../../integrations/shared/outbound';
import { webhookTargetProblem, type WebhookTargetRules } from './webhook-target';

/** A new Standard Webhooks signing secret: "whsec_" and 32 random bytes in base64. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}

/**
 * The Standard Webhooks signature of one message: HMAC-SHA256 over "id.timestamp.body"
 * with the secret's bytes, base64, as "v1,<signature>".
 */
export function signWebhook(secret: string, id: string, timestamp: number, body: string): string {
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  return `v1,${createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64')}`;
}

/**
 * POSTs one webhook message. The id is the delivery's, the same on every retry, so the
 * receiver can drop a repeat. Throws on anything but a 2xx answer.
 */
export async function sendWebhook(
  url: string,
  secret: string,
  id: string,
  payload: object,
  options: WebhookTargetRules & { timeoutMs: number },
): Promise<void> {
  // Checked again at each delivery: the name may resolve elsewhere than at registration.
  const problem = await webhookTargetProblem(url, options);
  if (problem) throw new Error(`the webhook URL ${problem}`);
  const body = JSON.stringify(payload);
  const timestamp = Math.floor(Date.now() / 1000);
  // Connected to the address just checked (no second lookup to rebind), no redirects, the
  // receiver's answer never read beyond a small cap and never logged.
  const response = await outboundFetch(
    url,
    {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'webhook-id': id,
        'webhook-timestamp': String(timestamp),
        'webhook-signature': signWebhook(secret, id, timestamp, body),
      },
      body,
    },
    { allowLoopback: options.allowLoopback, allowHttp: options.allowLoopback },
    { timeoutMs: options.timeoutMs, maxBytes: 64 * 1024, maxRedirects: 0 },
  );
  if (response.status < 200 || response.status >= 300) {
    throw new Error(`the receiver answered HTTP ${response.status}`);
  }
}
