import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { addressProblem, checkTarget, outboundFetch, OutboundRefusedError } from './outbound';

const strict = { allowLoopback: false, allowHttp: true };
const local = { allowLoopback: true, allowHttp: true };

describe('the outbound policy', () => {
  it('refuses internal addresses in every form that reaches them, IPv6 included', () => {
    const refused = [
      '127.0.0.1',
      '::1',
      '10.1.2.3',
      '172.16.0.1',
      '192.168.1.1',
      '169.254.169.254', // the cloud metadata service
      '100.64.0.1',
      '0.0.0.0',
      '224.0.0.1',
      '::',
      '::ffff:127.0.0.1', // IPv4-mapped
      '::ffff:7f00:1', // the same, in hex
      '::ffff:a9fe:a9fe', // the metadata service, mapped
      '::127.0.0.1', // IPv4-compatible
      '64:ff9b::a00:1', // NAT64 of 10.0.0.1
      '2002:7f00:1::1', // 6to4 of 127.0.0.1
      'fec0::1', // site-local
      '100::1', // discard
      'fc00::1',
      'fe80::1',
      'ff02::1',
    ];
    expect(refused.filter((a) => addressProblem(a, strict) === null)).toEqual([]);
    expect(
      ['93.184.216.34', '2606:4700:4700::1111', '195.148.0.1'].map((a) =>
        addressProblem(a, strict),
      ),
    ).toEqual([null, null, null]);
  });

  it('resolves a host once and refuses it when any of its addresses is internal', async () => {
    const calls: string[] = [];
    const resolve = async (host: string) => {
      calls.push(host);
      return ['93.184.216.34', '10.0.0.5'];
    };
    await expect(checkTarget('https://feeds.example/a.ics', strict, resolve)).rejects.toThrow(
      /private, link-local or reserved address \(10\.0\.0\.5\)/,
    );
    expect(calls).toEqual(['feeds.example']);
    await expect(checkTarget('ftp://feeds.example/a.ics', strict, resolve)).rejects.toThrow(
      OutboundRefusedError,
    );
    await expect(checkTarget('https://user:pw@feeds.example/', strict, resolve)).rejects.toThrow(
      /user name or password/,
    );
  });

  describe('fetching', () => {
    let server: Server;
    let port: number;
    beforeAll(async () => {
      server = createServer((req, res) => {
        if (req.url === '/to-private') {
          res.writeHead(302, { location: 'http://10.0.0.1/secret' }).end();
        } else if (req.url === '/to-self') {
          res.writeHead(302, { location: `http://pinned.example:${port}/feed` }).end();
        } else if (req.url === '/huge') {
          res.writeHead(200).end('x'.repeat(2_000_000));
        } else if (req.url === '/refused') {
          res.writeHead(403).end('internal page: secret');
        } else {
          res.writeHead(200, { 'content-type': 'text/calendar' }).end('BEGIN:VCALENDAR');
        }
      });
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
      port = (server.address() as AddressInfo).port;
    });
    afterAll(() => new Promise<void>((r) => server.close(() => r())));

    it('connects to the address it checked, whatever the system resolver would say', async () => {
      // "pinned.example" does not exist anywhere: only the checked address can be reached.
      let lookups = 0;
      const resolve = async () => {
        lookups++;
        return ['127.0.0.1'];
      };
      const answer = await outboundFetch(
        `http://pinned.example:${port}/feed`,
        {},
        local,
        undefined,
        resolve,
      );
      expect([answer.status, answer.text, lookups]).toEqual([200, 'BEGIN:VCALENDAR', 1]);
    });

    it('follows a redirect only where the policy lets it, and refuses loopback unless allowed', async () => {
      const resolve = async () => ['127.0.0.1'];
      await expect(outboundFetch(`http://127.0.0.1:${port}/to-private`, {}, local)).rejects.toThrow(
        /private, link-local or reserved address \(10\.0\.0\.1\)/,
      );
      const followed = await outboundFetch(
        `http://127.0.0.1:${port}/to-self`,
        {},
        local,
        undefined,
        resolve,
      );
      expect(followed.text).toBe('BEGIN:VCALENDAR');
      await expect(outboundFetch(`http://127.0.0.1:${port}/feed`, {}, strict)).rejects.toThrow(
        /loopback address/,
      );
    });

    it('caps the answer and keeps no body of a refusal', async () => {
      await expect(
        outboundFetch(`http://127.0.0.1:${port}/huge`, {}, local, {
          timeoutMs: 5_000,
          maxBytes: 1_000_000,
          maxRedirects: 0,
        }),
      ).rejects.toThrow(/more than 1000000 bytes/);
      const refused = await outboundFetch(`http://127.0.0.1:${port}/refused`, {}, local);
      expect([refused.status, refused.text]).toEqual([403, '']);
    });
  });
});
