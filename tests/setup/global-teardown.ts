import { dropDatabase } from './global-setup';

export default async function globalTeardown(): Promise<void> {
  const state = globalThis as Record<string, unknown>;
  const template = state.__HUB_TEST_TEMPLATE__ as
    { adminUrl: string; templateName: string } | undefined;
  const stopEmbedded = state.__HUB_TEST_PG__ as (() => Promise<void>) | undefined;
  if (stopEmbedded) {
    await stopEmbedded();
  } else if (template) {
    // An external server outlives the run: leave it as we found it.
    await dropDatabase(template.adminUrl, template.templateName);
  }
}
