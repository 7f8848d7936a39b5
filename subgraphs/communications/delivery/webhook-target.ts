import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

/**
 * Where a webhook may point. In production only public addresses: a URL that resolves to
 * loopback, a private network or link-local (the cloud metadata service) is refused at
 * registration and again at each delivery, since DNS can change in between (no
 * server-side request forgery). Development allows loopback, for a receiver on the laptop.
 */
const LOOPBACK = new BlockList();
LOOPBACK.addSubnet('127.0.0.0', 8, 'ipv4');
LOOPBACK.addAddress('::1', 'ipv6');

const INTERNAL = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  INTERNAL.addSubnet(net, prefix, 'ipv4');
}
for (const [net, prefix] of [
  ['::', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const) {
  INTERNAL.addSubnet(net, prefix, 'ipv6');
}

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
  for (const address of addresses) {
    // IPv4-mapped IPv6 (::ffff:10.0.0.1) is judged as the IPv4 address it is.
    const plain = address.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i, '$1');
    const family = isIP(plain) === 6 ? 'ipv6' : 'ipv4';
    if (LOOPBACK.check(plain, family)) {
      if (!rules.allowLoopback) return `resolves to a loopback address (${address})`;
      continue;
    }
    if (INTERNAL.check(plain, family)) {
      return `resolves to a private, link-local or reserved address (${address})`;
    }
  }
  return null;
}

async function resolveAll(host: string): Promise<string[]> {
  return (await lookup(host, { all: true, verbatim: true })).map((a) => a.address);
}
