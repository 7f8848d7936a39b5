import {
  createRemoteJWKSet,
  errors,
  jwtVerify,
  SignJWT,
  type JWTPayload,
  type JWTVerifyGetKey,
} from 'jose';
import { UnauthenticatedError, UpstreamUnavailableError } from './errors';
import { canonicalEmail } from './email-address';
import { isUuid } from './ids';
import type { EnvReader } from './env';

/**
 * Who is asking. The gateway and every subgraph verify the same bearer token, so a
 * subgraph reached directly is exactly as strict as one reached through the gateway.
 */
export const ROLES = ['anonymous', 'representative', 'staff', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export interface Identity {
  role: Role;
  /** The token's `sub`; null for anonymous callers. */
  subject: string | null;
  /** Associations a representative acts for. */
  associationIds: readonly string[];
  /** Service areas a staff member works in. */
  serviceAreaIds: readonly string[];
  /**
   * The token's OAuth scopes (the `scope` claim, RFC 9068), of which the hub reads the
   * personal-data ones: `gdprquery` and `gdprdelete` (a person's own export and erasure,
   * as in the City of Helsinki's profile GDPR API) and `dataprotection` (the city's
   * data-protection role, on a staff or admin token). Absent: none.
   */
  scopes?: readonly string[];
  /** The token's `email`, unless the issuer says it is not verified; personal data is found by it. */
  email?: string | null;
}

export const ANONYMOUS: Identity = Object.freeze({
  role: 'anonymous',
  subject: null,
  associationIds: Object.freeze([]),
  serviceAreaIds: Object.freeze([]),
});

export interface AuthConfig {
  issuer: string;
  audience: string;
  /** HS256 secret for local development and tests; production uses `jwksUrl`. */
  devSecret: string | undefined;
  jwksUrl: string | undefined;
  /**
   * How soon after fetching the issuer's keys a token with an unknown key id may make us
   * fetch them again: a rotated key is picked up at once, a flood of made-up key ids does
   * not become a flood of requests to the issuer.
   */
  jwksCooldownSeconds: number;
  clockToleranceSeconds: number;
}

export const DEV_SECRET = 'dev-only-secret-change-me-0123456789abcdef';

/** The AUTH_* variables, read the same way by every service's config module. */
export function readAuthConfig(env: EnvReader, production: boolean): AuthConfig {
  const jwksUrl = env.url('AUTH_JWKS_URL', undefined, ['https:', 'http:']);
  const devSecret = env.optional('AUTH_DEV_SECRET') ?? (production ? undefined : DEV_SECRET);
  if (production && !jwksUrl && !env.optional('AUTH_DEV_SECRET')) {
    env.problem(
      'AUTH_JWKS_URL is required when NODE_ENV=production (the dev secret is for local use only)',
    );
  }
  if (devSecret !== undefined && devSecret.length < 32) {
    env.problem('AUTH_DEV_SECRET must be at least 32 characters');
  }
  return {
    issuer: env.string('AUTH_ISSUER', 'city-association-hub'),
    audience: env.string('AUTH_AUDIENCE', 'city-association-hub'),
    devSecret: jwksUrl ? undefined : devSecret,
    jwksUrl,
    jwksCooldownSeconds: env.int('AUTH_JWKS_COOLDOWN_SECONDS', 30, { min: 0, max: 3600 }),
    clockToleranceSeconds: env.int('AUTH_CLOCK_TOLERANCE_SECONDS', 30, { min: 0, max: 300 }),
  };
}

/** More ids than any real person acts for: a bound on what one token makes us check. */
const MAX_CLAIMED_IDS = 1000;

/**
 * A list-of-ids claim. An id that is not a UUID would reach SQL as a failed cast (a 500),
 * so a token carrying one is refused as a whole: the issuer made a mistake, not the user.
 */
function idList(value: unknown, claim: string): string[] {
  if (value === undefined) return [];
  if (
    !Array.isArray(value) ||
    value.length > MAX_CLAIMED_IDS ||
    value.some((v) => typeof v !== 'string' || !isUuid(v))
  ) {
    throw new UnauthenticatedError(
      `claim ${claim} must be a list of at most ${MAX_CLAIMED_IDS} ids (UUIDs)`,
    );
  }
  return (value as string[]).map((id) => id.toLowerCase());
}

/** At most this many scopes, each a short word: a bound on what one token makes us read. */
const MAX_SCOPES = 50;

/** The `scope` claim: space-separated words (RFC 9068 § 2.2.3); anything else refuses the token. */
function scopeList(value: unknown): string[] {
  if (value === undefined) return [];
  const words = typeof value === 'string' ? value.split(' ').filter(Boolean) : null;
  if (
    !words ||
    words.length > MAX_SCOPES ||
    words.some((w) => !/^[\x21\x23-\x5b\x5d-\x7e]{1,100}$/.test(w))
  ) {
    throw new UnauthenticatedError(
      `claim scope must be at most ${MAX_SCOPES} space-separated scope words (RFC 6749 § 3.3)`,
    );
  }
  return words;
}

/** A verified address to find a person's data by; an unverified or malformed one is no address. */
function verifiedEmail(payload: JWTPayload): string | null {
  const email = payload.email;
  if (typeof email !== 'string' || email.length > 320 || payload.email_verified === false) {
    return null;
  }
  return canonicalEmail(email);
}

export function identityFromClaims(payload: JWTPayload): Identity {
  const role = payload.role;
  if (
    typeof role !== 'string' ||
    role === 'anonymous' ||
    !(ROLES as readonly string[]).includes(role)
  ) {
    throw new UnauthenticatedError('claim role must be representative, staff or admin');
  }
  return Object.freeze({
    role: role as Role,
    subject: payload.sub ?? null,
    associationIds: Object.freeze(idList(payload.association_ids, 'association_ids')),
    serviceAreaIds: Object.freeze(idList(payload.service_area_ids, 'service_area_ids')),
    scopes: Object.freeze(scopeList(payload.scope)),
    email: verifiedEmail(payload),
  });
}

export type Authenticator = (authorization: string | undefined) => Promise<Identity>;

/** The dev secret signs with HS256 only; an issuer's key set with asymmetric algorithms only. */
export const DEV_ALGORITHMS = ['HS256'];
export const JWKS_ALGORITHMS = ['RS256', 'PS256', 'ES256', 'EdDSA'];

const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.([A-Za-z0-9_-]+)$/;

/**
 * A compact JWS whose signature is canonical base64url: decoding forgives stray trailing
 * bits and characters, so "signature plus junk" could verify as the signature alone.
 */
function isCanonicalJws(token: string): boolean {
  const match = COMPACT_JWS.exec(token);
  if (!match) return false;
  const signature = match[1];
  return Buffer.from(signature, 'base64url').toString('base64url') === signature;
}

/**
 * No header means anonymous. A header that is present but bad is an error, never a
 * silent downgrade to anonymous: a client with an expired token must find out.
 */
export function createAuthenticator(config: AuthConfig): Authenticator {
  const key: Uint8Array | JWTVerifyGetKey = config.jwksUrl
    ? createRemoteJWKSet(new URL(config.jwksUrl), {
        // Keys are cached and refetched when a token names a key id we do not have.
        cooldownDuration: config.jwksCooldownSeconds * 1000,
        cacheMaxAge: 10 * 60_000,
        timeoutDuration: 5_000,
      })
    : new TextEncoder().encode(config.devSecret ?? '');
  return async (authorization) => {
    if (authorization === undefined || authorization.trim() === '') return ANONYMOUS;
    const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
    if (!match) throw new UnauthenticatedError('the Authorization header must be "Bearer <token>"');
    if (!isCanonicalJws(match[1])) {
      throw new UnauthenticatedError('the token is not a compact JWS in canonical base64url');
    }
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(match[1], key as Uint8Array, {
        issuer: config.issuer,
        audience: config.audience,
        clockTolerance: config.clockToleranceSeconds,
        algorithms: config.jwksUrl ? JWKS_ALGORITHMS : DEV_ALGORITHMS,
        // A token that never expires is a password that cannot be changed.
        requiredClaims: ['exp'],
      }));
    } catch (error) {
      if (config.jwksUrl && issuerUnreachable(error)) {
        // Not the caller's fault: a 503 says "try again", a 401 would say "sign in again".
        throw new UpstreamUnavailableError(
          'The sign-in service (AUTH_JWKS_URL)',
          error instanceof Error ? error.message : String(error),
          { httpStatus: 503 },
        );
      }
      throw new UnauthenticatedError(error instanceof Error ? error.message : 'invalid token');
    }
    // jose checks that iat is a number, not that it is in the past: a token "issued" a year
    // from now is forged or from a broken clock either way.
    if (
      typeof payload.iat === 'number' &&
      payload.iat > Date.now() / 1000 + config.clockToleranceSeconds
    ) {
      throw new UnauthenticatedError('the token was issued in the future (iat)');
    }
    return identityFromClaims(payload);
  };
}

/**
 * The issuer's key set could not be had: no answer, not a 200, not JSON, not a key set.
 * (A key set without the token's key is the token's problem, and stays a 401.)
 */
function issuerUnreachable(error: unknown): boolean {
  if (!(error instanceof errors.JOSEError)) return true;
  return (
    error.code === 'ERR_JWKS_TIMEOUT' ||
    error.code === 'ERR_JWKS_INVALID' ||
    (error.code === 'ERR_JOSE_GENERIC' && /JSON Web Key Set/.test(error.message))
  );
}

export interface DevTokenClaims {
  role: Exclude<Role, 'anonymous'>;
  subject?: string;
  associationIds?: string[];
  serviceAreaIds?: string[];
  /** OAuth scopes, e.g. `gdprquery` or `dataprotection`. */
  scopes?: string[];
  /** A verified email address. */
  email?: string;
  expiresIn?: string;
}

/** Signs a token with the dev secret: for `npm run token` and for tests. */
export async function signDevToken(config: AuthConfig, claims: DevTokenClaims): Promise<string> {
  if (!config.devSecret) throw new Error('No dev secret is configured (AUTH_JWKS_URL is set)');
  return new SignJWT({
    role: claims.role,
    association_ids: claims.associationIds ?? [],
    service_area_ids: claims.serviceAreaIds ?? [],
    ...(claims.scopes?.length ? { scope: claims.scopes.join(' ') } : {}),
    ...(claims.email ? { email: claims.email, email_verified: true } : {}),
  })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(claims.subject ?? `dev-${claims.role}`)
    .setIssuer(config.issuer)
    .setAudience(config.audience)
    .setIssuedAt()
    .setExpirationTime(claims.expiresIn ?? '8h')
    .sign(new TextEncoder().encode(config.devSecret));
}
