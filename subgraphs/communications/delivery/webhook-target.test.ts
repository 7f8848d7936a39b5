import { webhookTargetProblem } from './webhook-target';

const production = { allowLoopback: false };
const development = { allowLoopback: true };
/** DNS as an attacker would arrange it: names that resolve to internal addresses. */
const dns = async (host: string): Promise<string[]> =>
  ({
    'hooks.example': ['93.184.216.34'],
    'metadata.attacker.example': ['169.254.169.254'],
    'intranet.attacker.example': ['10.1.2.3'],
    'mixed.attacker.example': ['93.184.216.34', '192.168.1.10'],
    'mapped.attacker.example': ['::ffff:127.0.0.1'],
    'v6.attacker.example': ['fd00::1'],
  })[host] ?? Promise.reject(new Error('ENOTFOUND'));

describe('where a webhook may point', () => {
  it('takes a public https address', async () => {
    expect(await webhookTargetProblem('https://hooks.example/hub', production, dns)).toBeNull();
  });

  it.each([
    ['http://hooks.example/hub', 'must be an https:// URL'],
    ['https://user:pw@hooks.example/hub', 'must not carry a user name or password'],
    ['https://127.0.0.1/hub', 'resolves to a loopback address (127.0.0.1)'],
    ['https://[::1]/hub', 'resolves to a loopback address (::1)'],
    [
      'https://metadata.attacker.example/',
      'resolves to a private, link-local or reserved address (169.254.169.254)',
    ],
    [
      'https://intranet.attacker.example/',
      'resolves to a private, link-local or reserved address (10.1.2.3)',
    ],
    [
      'https://mixed.attacker.example/',
      'resolves to a private, link-local or reserved address (192.168.1.10)',
    ],
    ['https://mapped.attacker.example/', 'resolves to a loopback address (::ffff:127.0.0.1)'],
    [
      'https://v6.attacker.example/',
      'resolves to a private, link-local or reserved address (fd00::1)',
    ],
    ['https://nowhere.example/', 'names a host that does not resolve (nowhere.example)'],
    ['not a url', 'is not a URL'],
  ])('refuses %s in production', async (url, problem) => {
    expect(await webhookTargetProblem(url, production, dns)).toBe(problem);
  });

  it('lets development point at loopback, even over http, but never at private networks', async () => {
    expect(await webhookTargetProblem('http://127.0.0.1:8080/hub', development, dns)).toBeNull();
    expect(
      await webhookTargetProblem('https://localhost/hub', development, async () => ['127.0.0.1']),
    ).toBeNull();
    expect(
      await webhookTargetProblem('https://intranet.attacker.example/', development, dns),
    ).toMatch(/private/);
    expect(await webhookTargetProblem('http://hooks.example/hub', development, dns)).toBe(
      'must be an https:// URL',
    );
  });
});
