import { exportJWK, generateKeyPair, SignJWT, type JWK } from 'jose';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { EnvReader } from './env';
import { createAuthenticator, readAuthConfig, type AuthConfig } from './identity';

/**
 * A stand-in for an OIDC issuer's JWKS endpoint (RFC 7517: `{ "keys": [JWK…] }` over HTTP),
 * whose key set the test rotates and which can also fail: a 500, or a body that is not JSON.
 */
class JwksEndpointStandIn {
  keys: JWK[] = [];
  mode: 'ok' | 'error' | 'malformed' = 'ok';
  fetches = 0;
  private server: Server = createServer((_req, res) => {
    this.fetches += 1;
    if (this.mode === 'error') {
      res.writeHead(500).end('upstream trouble');
    } else if (this.mode === 'malformed') {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"keys": [');
    } else {
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ keys: this.keys }));
    }
  });

  async start(): Promise<string> {
    await new Promise<void>((done) => this.server.listen(0, '127.0.0.1', done));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/.well-known/jwks.json`;
  }

  stop(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((done) => this.server.close(() => done()));
  }
}

async function signingKey(kid: string) {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  return {
    kid,
    privateKey,
    jwk: { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' },
  };
}

describe('bearer tokens verified against an OIDC issuer’s JWKS', () => {
  const issuer = new JwksEndpointStandIn();
  let config: AuthConfig;

  beforeAll(async () => {
    const url = await issuer.start();
    config = readAuthConfig(
      new EnvReader('test', {
        AUTH_JWKS_URL: url,
        AUTH_ISSUER: 'https://login.lahti.example',
        AUTH_AUDIENCE: 'city-association-hub',
        AUTH_JWKS_COOLDOWN_SECONDS: '0',
      }),
      true,
    );
  });

  afterAll(() => issuer.stop());

  async function token(
    key: Awaited<ReturnType<typeof signingKey>>,
    claims: Record<string, unknown> = {
      role: 'staff',
      service_area_ids: ['00000000-0000-4000-8000-00000000000a'],
    },
    adjust: (jwt: SignJWT) => SignJWT = (jwt) => jwt,
  ) {
    return adjust(
      new SignJWT(claims)
        .setProtectedHeader({ alg: 'RS256', kid: key.kid })
        .setSubject('user-1')
        .setIssuer('https://login.lahti.example')
        .setAudience('city-association-hub')
        .setIssuedAt()
        .setExpirationTime('5m'),
    ).sign(key.privateKey);
  }

  it('verifies a token by the issuer’s key, and picks up a rotated key at once', async () => {
    const first = await signingKey('2026-11');
    issuer.keys = [first.jwk];
    const authenticate = createAuthenticator(config);
    expect(await authenticate(`Bearer ${await token(first)}`)).toMatchObject({
      role: 'staff',
      subject: 'user-1',
      serviceAreaIds: ['00000000-0000-4000-8000-00000000000a'],
    });
    // Cached: a second token does not fetch the keys again.
    const fetched = issuer.fetches;
    await authenticate(`Bearer ${await token(first)}`);
    expect(issuer.fetches).toBe(fetched);

    const second = await signingKey('2026-12');
    issuer.keys = [second.jwk];
    expect(await authenticate(`Bearer ${await token(second)}`)).toMatchObject({ role: 'staff' });
    expect(issuer.fetches).toBe(fetched + 1);
  });

  it('refuses a wrong issuer or audience, an expired token and one not valid yet', async () => {
    const key = await signingKey('k');
    issuer.keys = [key.jwk];
    const authenticate = createAuthenticator(config);
    const refused = async (adjust: (jwt: SignJWT) => SignJWT) =>
      authenticate(`Bearer ${await token(key, undefined, adjust)}`).then(
        () => 'accepted',
        (error: Error & { extensions?: { code?: string } }) =>
          `${error.extensions?.code}: ${error.message}`,
      );
    expect(await refused((j) => j.setIssuer('https://evil.example'))).toMatch(
      /^UNAUTHENTICATED: .*"iss"/,
    );
    expect(await refused((j) => j.setAudience('another-app'))).toMatch(/^UNAUTHENTICATED: .*"aud"/);
    const now = Math.floor(Date.now() / 1000);
    expect(await refused((j) => j.setExpirationTime(now - 120))).toMatch(
      /^UNAUTHENTICATED: .*"exp"/,
    );
    expect(await refused((j) => j.setNotBefore(now + 120))).toMatch(/^UNAUTHENTICATED: .*"nbf"/);
    // Within the clock tolerance (30 s) both are fine: clocks drift.
    expect(await refused((j) => j.setExpirationTime(now - 10))).toBe('accepted');
  });

  it('refuses a token signed with the dev secret when the issuer’s keys are what counts', async () => {
    const hs = await new SignJWT({ role: 'admin' })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer('https://login.lahti.example')
      .setAudience('city-association-hub')
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode('dev-only-secret-change-me-0123456789abcdef'));
    await expect(createAuthenticator(config)(`Bearer ${hs}`)).rejects.toMatchObject({
      extensions: { code: 'UNAUTHENTICATED' },
    });
  });

  it('answers 503 UPSTREAM_UNAVAILABLE, not a 401 or a crash, while the issuer fails or sends garbage', async () => {
    const key = await signingKey('new-key');
    const signed = await token(key);
    for (const mode of ['error', 'malformed'] as const) {
      issuer.mode = mode;
      await expect(createAuthenticator(config)(`Bearer ${signed}`)).rejects.toMatchObject({
        extensions: { code: 'UPSTREAM_UNAVAILABLE', http: { status: 503 } },
      });
    }
    // Reachable, but without the token's key: that is the token's problem.
    issuer.mode = 'ok';
    issuer.keys = [];
    await expect(createAuthenticator(config)(`Bearer ${signed}`)).rejects.toMatchObject({
      extensions: { code: 'UNAUTHENTICATED' },
    });
    issuer.mode = 'ok';
    issuer.keys = [key.jwk];
    expect(await createAuthenticator(config)(`Bearer ${signed}`)).toMatchObject({ role: 'staff' });
  });
});
