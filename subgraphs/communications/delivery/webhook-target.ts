import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { addressProblem } from '../../../integrations/shared/outbound';

/**
 * Where a webhook may point. In production only public addresses: a URL that resolves to
 * loopback, a private network or link-local (the cloud metadata service) is refused at
 * registration and again at each delivery, since DNS can change in between (no
 * server-side request forgery). Development allows loopback, for a receiver on the laptop.
 */
export interface WebhookTargetRules {
  allowLoopback: boolean;
}

/** Why a URL may not be a webhook, or null when it may. */
export async function webhookTargetProblem(
  url: string,
  rules: WebhookTargetRules,
  resolve: (host: string) => Promise<string[]> = resolveAll,
): Promise<string | null> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'is not a URL';
  }
  const loopbackHost = ['localhost', '127.0.0.1', '[::1]'].includes(parsed.hostname);
  if (
    parsed.protocol !== 'https:' &&
    !(rules.allowLoopback && loopbackHost && parsed.protocol === 'http:')
  ) {
    return 'must be an https:// URL';
  }
  if (parsed.username || parsed.password) return 'must not carry a user name or password';
  const host = parsed.hostname.replace(/^\[|\]$/g, '');
  let addresses: string[];
  try {
    addresses = isIP(host) ? [host] : await resolve(host);
  } catch {
    return `names a host that does not resolve (${host})`;
  }
  // The one outbound policy (integrations/shared/outbound.ts) judges every address.
  for (const address of addresses) {
    const problem = addressProblem(address, rules);
    if (problem) return problem;
  }
  return null;
}

async function resolveAll(host: string): Promise<string[]> {
  return (await lookup(host, { all: true, verbatim: true })).map((a) => a.address);
}
