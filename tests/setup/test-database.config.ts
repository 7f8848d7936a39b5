/**
 * Where tests find PostgreSQL. Global setup publishes the template database through these
 * environment variables; jest's workers inherit them.
 */
export const TEMPLATE_URL_VAR = 'HUB_TEST_TEMPLATE_URL';

export function testDatabaseEnv() {
  return {
    /** An existing server to test against instead of embedded PostgreSQL. */
    externalUrl: process.env.TEST_DATABASE_URL?.trim() || undefined,
    templateUrl: process.env[TEMPLATE_URL_VAR],
  };
}

export function setTemplateUrl(url: string): void {
  process.env[TEMPLATE_URL_VAR] = url;
}

/** The GraphiQL bundle global setup builds for this run (the gateways of test hubs serve it). */
export const GRAPHIQL_DIR_VAR = 'HUB_TEST_GRAPHIQL_DIR';

export function testGraphiqlDir(): string | undefined {
  return process.env[GRAPHIQL_DIR_VAR];
}

export function setTestGraphiqlDir(dir: string): void {
  process.env[GRAPHIQL_DIR_VAR] = dir;
}

/** A Redis for the tests of the Redis rate-limit store: TEST_REDIS_URL, else a local one. */
export function testRedisUrl(): string {
  return process.env.TEST_REDIS_URL?.trim() || 'redis://127.0.0.1:6379';
}
