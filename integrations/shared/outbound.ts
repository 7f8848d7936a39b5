import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import { Agent, fetch as undiciFetch } from 'undici';

/**
 * The one policy for every URL the hub fetches on someone's word (a webhook staff
 * registered, a space's booking calendar, an import's source): no server-side request
 * forgery. The host is resolved once, every address it resolves to is checked, and the
 * connection goes to the checked address (no second lookup that DNS rebinding could
 * answer differently). Loopback, private, link-local, multicast and reserved addresses are
 * refused, with the IPv6 forms that reach them (IPv4-mapped and -compatible, NAT64, 6to4,
 * site-local, discard). A redirect is followed only to a URL that passes the same checks;
 * the answer is capped in size and time. A refused or failed answer's body is never read
 * into an error, a log or the database.
 */
export interface OutboundRules {
  /** Development and tests: a server on this machine may be the target. */
  allowLoopback: boolean;
  /** Plain http:// besides https:// (calendar feeds are often plain). */
  allowHttp: boolean;
}

export interface OutboundLimits {
  timeoutMs: number;
  /** Bytes of an answer's body read at most; more is a failure. */
  maxBytes: number;
  maxRedirects: number;
}

export const DEFAULT_OUTBOUND_LIMITS: OutboundLimits = {
  timeoutMs: 10_000,
  maxBytes: 5 * 1024 * 1024,
  maxRedirects: 3,
};

/** A URL the policy refuses: why, in words fit for the person who gave the URL. */
export class OutboundRefusedError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'OutboundRefusedError';
  }
}

const LOOPBACK = new BlockList();
LOOPBACK.addSubnet('127.0.0.0', 8, 'ipv4');
LOOPBACK.addAddress('::1', 'ipv6');

const REFUSED = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  REFUSED.addSubnet(net, prefix, 'ipv4');
}
for (const [net, prefix] of [
  ['::', 96], // unspecified and IPv4-compatible (::a.b.c.d)
  ['64:ff9b::', 96], // NAT64: an IPv4 address behind a translator
  ['64:ff9b:1::', 48], // local-use NAT64
  ['100::', 64], // discard
  ['2001::', 32], // Teredo
  ['2001:db8::', 32], // documentation
  ['2002::', 16], // 6to4: an IPv4 address inside
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['fec0::', 10], // site-local (deprecated, still routed by some)
  ['ff00::', 8], // multicast
] as const) {
  REFUSED.addSubnet(net, prefix, 'ipv6');
}

/** Why an address may not be connected to, or null when it may. */
export function addressProblem(address: string, rules: Pick<OutboundRules, 'allowLoopback'>) {
  // IPv4-mapped IPv6 (::ffff:10.0.0.1, also written ::ffff:a00:1) is the IPv4 address it is.
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1] ?? hexMapped(address);
  const plain = mapped ?? address;
  const family = isIP(plain) === 6 ? 'ipv6' : 'ipv4';
  if (LOOPBACK.check(plain, family)) {
    return rules.allowLoopback ? null : `resolves to a loopback address (${address})`;
  }
  if (REFUSED.check(plain, family)) {
    return `resolves to a private, link-local or reserved address (${address})`;
  }
  return null;
}

function hexMapped(address: string): string | null {
  const match = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(address);
  if (!match) return null;
  const [hi, lo] = [parseInt(match[1], 16), parseInt(match[2], 16)];
  return [hi >> 8, hi & 255, lo >> 8, lo & 255].join('.');
}

export interface CheckedTarget {
  url: URL;
  address: string;
  family: 4 | 6;
}

const resolveAll = async (host: string) =>
  (await lookup(host, { all: true, verbatim: true })).map((a) => a.address);

/** The URL checked and its host resolved once; throws OutboundRefusedError saying why not. */
export async function checkTarget(
  raw: string,
  rules: OutboundRules,
  resolve: (host: string) => Promise<string[]> = resolveAll,
): Promise<CheckedTarget> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new OutboundRefusedError('is not a URL');
  }
  if (url.protocol !== 'https:' && !(rules.allowHttp && url.protocol === 'http:')) {
    throw new OutboundRefusedError(
      rules.allowHttp ? 'must be an http:// or https:// URL' : 'must be an https:// URL',
    );
  }
  if (url.username || url.password) {
    throw new OutboundRefusedError('must not carry a user name or password');
  }
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let addresses: string[];
  try {
    addresses = isIP(host) ? [host] : await resolve(host);
  } catch {
    throw new OutboundRefusedError(`names a host that does not resolve (${host})`);
  }
  if (addresses.length === 0) {
    throw new OutboundRefusedError(`names a host that does not resolve (${host})`);
  }
  for (const address of addresses) {
    const problem = addressProblem(address, rules);
    if (problem) throw new OutboundRefusedError(problem);
  }
  const address = addresses[0];
  return { url, address, family: isIP(address) === 6 ? 6 : 4 };
}

export interface OutboundAnswer {
  status: number;
  headers: Headers;
  text: string;
}

/**
 * Fetches a URL under the policy: checked, pinned to the checked address, redirects
 * checked hop by hop, the body read up to `maxBytes` within `timeoutMs` (all hops).
 * A 4xx or 5xx answer comes back without its body.
 */
export async function outboundFetch(
  raw: string,
  init: { method?: string; headers?: Record<string, string>; body?: string },
  rules: OutboundRules,
  limits: OutboundLimits = DEFAULT_OUTBOUND_LIMITS,
  resolve?: (host: string) => Promise<string[]>,
): Promise<OutboundAnswer> {
  const signal = AbortSignal.timeout(limits.timeoutMs);
  let next = raw;
  for (let hop = 0; ; hop++) {
    const target = await checkTarget(next, rules, resolve);
    const agent = new Agent({
      connect: {
        // The connection goes to the address that was checked, never to a second lookup.
        lookup: (_host, options, callback) => {
          if ((options as { all?: boolean }).all) {
            callback(null, [{ address: target.address, family: target.family }]);
          } else {
            (callback as (e: null, a: string, f: number) => void)(
              null,
              target.address,
              target.family,
            );
          }
        },
      },
    });
    try {
      const response = await undiciFetch(target.url, {
        ...init,
        redirect: 'manual',
        signal,
        dispatcher: agent,
      });
      const location = response.headers.get('location');
      if (response.status >= 300 && response.status < 400 && location) {
        await response.body?.cancel();
        if (hop >= limits.maxRedirects) {
          throw new OutboundRefusedError(`redirects more than ${limits.maxRedirects} times`);
        }
        next = new URL(location, target.url).href;
        continue;
      }
      if (response.status >= 400) {
        await response.body?.cancel();
        return { status: response.status, headers: response.headers as Headers, text: '' };
      }
      return {
        status: response.status,
        headers: response.headers as Headers,
        text: await readCapped(response.body, limits.maxBytes),
      };
    } finally {
      void agent.close();
    }
  }
}

async function readCapped(
  body: ReadableStream<Uint8Array> | null,
  maxBytes: number,
): Promise<string> {
  if (!body) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += chunk.byteLength;
    if (size > maxBytes) {
      throw new OutboundRefusedError(`answered with more than ${maxBytes} bytes`);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}
