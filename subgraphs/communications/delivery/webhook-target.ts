import { checkTarget, OutboundRefusedError } from '../../../integrations/shared/outbound';

/**
 * Where a webhook may point. In production only public addresses: a URL that resolves to
 * loopback, a private network or link-local (the cloud metadata service) is refused at
 * registration and again at each delivery, since DNS can change in between (no
 * server-side request forgery). Development allows loopback, for a receiver on the laptop.
 * The checks are the outbound policy's (integrations/shared/outbound.ts); plain http only
 * to a loopback host in development.
 */
export interface WebhookTargetRules {
  allowLoopback: boolean;
}

const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '[::1]'];

/** Why a URL may not be a webhook, or null when it may. */
export async function webhookTargetProblem(
  url: string,
  rules: WebhookTargetRules,
  resolve?: (host: string) => Promise<string[]>,
): Promise<string | null> {
  let host: string;
  try {
    host = new URL(url).hostname;
  } catch {
    return 'is not a URL';
  }
  const allowHttp = rules.allowLoopback && LOOPBACK_HOSTS.includes(host);
  try {
    await checkTarget(url, { allowLoopback: rules.allowLoopback, allowHttp }, resolve);
    return null;
  } catch (error) {
    if (error instanceof OutboundRefusedError) return error.reason;
    throw error;
  }
}
