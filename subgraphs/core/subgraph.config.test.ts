import { SUBGRAPH_DOCUMENT_LIMITS } from './document-limits';
import { ConfigError } from './env';
import { DEV_SECRET } from './identity';
import { loadSubgraphConfig } from './subgraph.config';

describe('loadSubgraphConfig', () => {
  it('reads a valid environment into a frozen config with defaults', () => {
    const config = loadSubgraphConfig('events', { DATABASE_URL: 'postgres://localhost/hub' });
    expect(config).toMatchObject({
      name: 'events',
      // Reached through the gateway: not on every interface unless HOST says so.
      host: '127.0.0.1',
      port: 4004,
      databaseUrl: 'postgres://localhost/hub',
      includeStacktraces: false,
      associationsUrl: 'http://127.0.0.1:4001/graphql',
      graphUrl: 'http://127.0.0.1:4000/graphql',
      migrateOnStart: true,
      limits: SUBGRAPH_DOCUMENT_LIMITS,
    });
    expect(
      loadSubgraphConfig('events', {
        DATABASE_URL: 'postgres://localhost/hub',
        MIGRATE_ON_START: 'false',
      }).migrateOnStart,
    ).toBe(false);
    expect(config.auth.devSecret).toBe(DEV_SECRET);
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.auth)).toBe(true);
  });

  it("keeps a request's deadline below the gateway's wait for a subgraph", () => {
    const base = { DATABASE_URL: 'postgres://localhost/hub' };
    expect(loadSubgraphConfig('facilities', base).requestTimeoutMs).toBe(8_000);
    expect(
      loadSubgraphConfig('facilities', { ...base, SUBGRAPH_TIMEOUT_MS: '5000' }).requestTimeoutMs,
    ).toBe(4_000);
    expect(() =>
      loadSubgraphConfig('facilities', {
        ...base,
        SUBGRAPH_TIMEOUT_MS: '5000',
        SUBGRAPH_REQUEST_TIMEOUT_MS: '8000',
      }),
    ).toThrow(
      /SUBGRAPH_REQUEST_TIMEOUT_MS \(8000\) must be below the gateway's SUBGRAPH_TIMEOUT_MS \(5000\)/,
    );
    expect(
      loadSubgraphConfig('facilities', {
        ...base,
        SUBGRAPH_TIMEOUT_MS: '5000',
        SUBGRAPH_REQUEST_TIMEOUT_MS: '3000',
      }).requestTimeoutMs,
    ).toBe(3_000);
  });

  it('lists every problem in one error', () => {
    let error: unknown;
    try {
      loadSubgraphConfig('grants', {
        GRANTS_PORT: '70000',
        DATABASE_POOL_SIZE: 'many',
        NODE_ENV: 'production',
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual([
      'DATABASE_URL is required (a subgraph started on its own needs its PostgreSQL; `npm start` sets it)',
      'GRANTS_PORT must be a whole number from 0 to 65535, got "70000"',
      'DATABASE_POOL_SIZE must be a whole number from 1 to 100, got "many"',
      'AUTH_JWKS_URL is required when NODE_ENV=production (the dev secret is for local use only)',
    ]);
  });
});
