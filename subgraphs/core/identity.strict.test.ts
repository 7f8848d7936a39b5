import { SignJWT } from 'jose';
import { EnvReader } from './env';
import { createAuthenticator, readAuthConfig, signDevToken } from './identity';

/**
 * What a forger tries with the dev secret's HS256 setup: each of these was accepted before
 * the hardening pass and must be a 401 UNAUTHENTICATED now.
 */
describe('token checks', () => {
  const config = readAuthConfig(new EnvReader('test', {}), false);
  const authenticate = createAuthenticator(config);
  const secret = new TextEncoder().encode(config.devSecret);
  const AREA = '00000000-0000-4000-8000-00000000000a';
  const now = () => Math.floor(Date.now() / 1000);

  const token = (
    claims: Record<string, unknown>,
    options: { alg?: string; exp?: number | null; iat?: number } = {},
  ) => {
    const jwt = new SignJWT({ role: 'staff', service_area_ids: [AREA], ...claims })
      .setProtectedHeader({ alg: options.alg ?? 'HS256' })
      .setSubject('forger')
      .setIssuer(config.issuer)
      .setAudience(config.audience)
      .setIssuedAt(options.iat ?? now());
    if (options.exp !== null) jwt.setExpirationTime(options.exp ?? now() + 600);
    return jwt.sign(secret);
  };

  const refusal = async (jwt: string) => {
    const error = await authenticate(`Bearer ${jwt}`).then(
      () => null,
      (e: { extensions?: { code?: string }; message: string }) => e,
    );
    expect(error?.extensions?.code).toBe('UNAUTHENTICATED');
    return error!.message;
  };

  it('accepts a well-formed token (the baseline the refusals below differ from)', async () => {
    const identity = await authenticate(`Bearer ${await token({})}`);
    expect(identity).toMatchObject({ role: 'staff', serviceAreaIds: [AREA] });
    await expect(
      authenticate(`Bearer ${await signDevToken(config, { role: 'admin' })}`),
    ).resolves.toMatchObject({ role: 'admin' });
  });

  it('refuses a token without exp', async () => {
    expect(await refusal(await token({}, { exp: null }))).toMatch(/"exp" claim/);
  });

  it('refuses an algorithm other than the one pinned for the key (HS512 with the dev secret)', async () => {
    expect(await refusal(await token({}, { alg: 'HS512' }))).toMatch(/alg/);
  });

  it('refuses a token issued in the future', async () => {
    expect(await refusal(await token({}, { iat: now() + 365 * 86_400 }))).toMatch(/future/);
  });

  it('refuses a signature with characters appended or not in base64url', async () => {
    const good = await token({});
    for (const forged of [`${good}A`, `${good}AA`, `${good}=`, `${good}.x`, `${good}+`]) {
      await refusal(forged);
    }
  });

  it('refuses ids that are not UUIDs in association_ids and service_area_ids', async () => {
    expect(
      await refusal(await token({ role: 'representative', association_ids: ["1' OR '1'='1"] })),
    ).toMatch(/association_ids/);
    expect(await refusal(await token({ service_area_ids: [42] }))).toMatch(/service_area_ids/);
    expect(await refusal(await token({ service_area_ids: 'x' }))).toMatch(/service_area_ids/);
  });

  it('reads the scope claim as space-separated words and refuses one that is not', async () => {
    const identity = await authenticate(
      `Bearer ${await token({ scope: 'gdprquery  dataprotection' })}`,
    );
    expect(identity.scopes).toEqual(['gdprquery', 'dataprotection']);
    expect(await refusal(await token({ scope: ['gdprquery'] }))).toMatch(/scope/);
    expect(await refusal(await token({ scope: 'gdpr"query' }))).toMatch(/scope/);
    expect(await refusal(await token({ scope: Array(51).fill('a').join(' ') }))).toMatch(/scope/);
  });

  it('finds personal data only by a verified email, in its canonical form', async () => {
    const read = async (claims: Record<string, unknown>) =>
      (await authenticate(`Bearer ${await token(claims)}`)).email;
    expect(await read({ email: 'Kari.Makinen@Example.FI' })).toBe('kari.makinen@example.fi');
    expect(await read({ email: 'kari@example.fi', email_verified: false })).toBeNull();
    expect(await read({ email: 'not an address' })).toBeNull();
    expect(await read({ email: 42 })).toBeNull();
    expect(await read({})).toBeNull();
  });
});
