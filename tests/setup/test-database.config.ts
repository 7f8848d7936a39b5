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
