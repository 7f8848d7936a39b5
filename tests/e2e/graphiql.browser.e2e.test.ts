import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { startTestHub, type TestHub } from '../setup/test-hub';

/**
 * GraphiQL in a real browser: headless Chromium (Debian's package, driven by
 * playwright-core) opens /graphiql on a running hub, runs the default example, and finds
 * the demo data in the result pane, without the page making any request outside the hub.
 * CI installs Chromium (.ci/run); elsewhere the test says clearly that it was skipped.
 */
const CHROMIUM = '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
const describeBrowser = available || process.env.CI ? describe : describe.skip;
if (!available && !process.env.CI) {
  process.stderr.write(
    `GraphiQL browser test skipped: no Chromium at ${CHROMIUM} (apt-get install chromium)\n`,
  );
}

describeBrowser('GraphiQL in Chromium', () => {
  let t: TestHub;
  let browser: Browser;

  beforeAll(async () => {
    t = await startTestHub();
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  it('runs the default example and shows its result, loading nothing from outside the hub', async () => {
    const page = await browser.newPage();
    const origin = new URL(t.hub.gateway.url).origin;
    const requested: string[] = [];
    page.on('request', (request) => requested.push(request.url()));
    await page.goto(`${t.hub.gateway.url}/graphiql`);
    await page.waitForSelector('.graphiql-execute-button', { timeout: 30_000 });
    await page.click('.graphiql-execute-button');
    await page.locator('.result-window', { hasText: 'totalCount' }).waitFor({ timeout: 30_000 });
    const result = (await page.textContent('.result-window')) ?? '';
    expect(result).toContain('Lahden Urheiluseura ry');
    const outside = requested.filter((url) => !url.startsWith(origin) && !url.startsWith('data:'));
    expect(outside).toEqual([]);
    expect(requested).toContain(`${origin}/graphql`);
  }, 90_000);
});
