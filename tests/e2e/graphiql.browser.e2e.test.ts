import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { chromium, type Browser } from 'playwright-core';
import { loadExamples } from '../../gateway/examples/examples';
import { projectRoot } from '../../subgraphs/core/paths';
import { postGraphQL, startTestHub, type TestHub } from '../setup/test-hub';

/** Where the browser test leaves its screenshots (not committed). */
const SCREENSHOTS = join(projectRoot(), 'test-results');
mkdirSync(SCREENSHOTS, { recursive: true });

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
  });

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
  });

  it('shows a statistics answer as a table and a chart, with the right rows, and a CSV', async () => {
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    await page.goto(`${t.hub.gateway.url}/graphiql`);
    await page.waitForSelector('.graphiql-execute-button', { timeout: 30_000 });
    // Example tabs are titled by their audience (the operation's name begins with it).
    const titles = await page.$$eval('.graphiql-tab-button', (tabs) =>
      tabs.map((tab) => tab.textContent ?? ''),
    );
    expect(titles.length).toBeGreaterThan(5);
    expect(titles.filter((title) => !/^(DirectorySite|WebTeam|Analysts)[A-Z]/.test(title))).toEqual(
      [],
    );
    await page.locator('.graphiql-tab', { hasText: 'AnalystsGrantStatistics' }).first().click();
    // The tab's query in the editor before it runs.
    await page
      .locator('.graphiql-query-editor', { hasText: 'grantStatistics' })
      .waitFor({ timeout: 10_000 });
    await page.click('[aria-label="Show Results as table and chart"]');
    await page.click('.graphiql-execute-button');
    // The view follows the response editor: its table appears once the answer is in.
    await page.locator('.hub-table tbody tr').first().waitFor({ timeout: 30_000 });

    // The same query straight to the graph: the rows the view must show.
    const query = loadExamples().find((e) => e.title.startsWith('Grant statistics'))!.query;
    const answer = await postGraphQL(t.hub.gateway.graphqlUrl, query);
    const groups = (
      answer.body.data as { grantStatistics: { groups: Array<Record<string, unknown>> } }
    ).grantStatistics.groups;
    expect(groups.length).toBeGreaterThan(2);
    const rows = await page.locator('.hub-table tbody tr').allTextContents();
    expect(rows).toHaveLength(groups.length);
    const header = await page.locator('.hub-table thead th').allTextContents();
    expect(header).toEqual(
      expect.arrayContaining(['year', 'serviceArea.name.fi', 'awardedTotal.amount']),
    );
    const yearColumn = header.indexOf('year');
    const years = await page
      .locator(`.hub-table tbody tr td:nth-child(${yearColumn + 1})`)
      .allTextContents();
    expect(years).toEqual(groups.map((g) => String(g.year)));
    // The chart: one bar per row, grouped by year, a legend naming the service areas (a line
    // from one area's year into another's would join what does not belong together).
    expect(await page.locator('.hub-chart rect.hub-mark').count()).toBe(groups.length);
    expect(await page.locator('.hub-chart polyline').count()).toBe(0);
    const legend = await page.locator('.hub-legend li').allTextContents();
    const areas = [
      ...new Set(
        groups.map((g) => (g.serviceArea as { name: { fi: string } } | null)?.name.fi ?? '–'),
      ),
    ];
    expect(legend.sort()).toEqual(areas.sort());
    // It opens readable: the panel takes over half of a wide window, the chart its width.
    const panel = await page.locator('.hub-results').boundingBox();
    expect(panel!.width).toBeGreaterThan(1600 * 0.5);
    expect((await page.locator('.hub-chart').boundingBox())!.width).toBeGreaterThan(700);
    const chart = await page
      .locator('.hub-chart')
      .screenshot({ path: join(SCREENSHOTS, 'graphiql-results-chart.png') });
    const view = await page
      .locator('.hub-results')
      .screenshot({ path: join(SCREENSHOTS, 'graphiql-results-view.png') });
    for (const png of [chart, view]) {
      expect(png.subarray(0, 8)).toEqual(
        Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      );
      expect(png.length).toBeGreaterThan(3_000);
    }
    // The CSV download: the same rows, parsed by an independent CSV reader.
    const [downloaded] = await Promise.all([page.waitForEvent('download'), page.click('.hub-csv')]);
    const csv = readFileSync(await downloaded.path(), 'utf8');
    const records = parse(csv, { columns: true }) as Array<Record<string, string>>;
    expect(records.map((r) => r.year)).toEqual(groups.map((g) => String(g.year)));
    // And for a spreadsheet in a Finnish locale: the same rows behind a BOM, `;` between.
    const [spreadsheet] = await Promise.all([
      page.waitForEvent('download'),
      page.click('.hub-csv-fi'),
    ]);
    const fi = readFileSync(await spreadsheet.path(), 'utf8');
    expect(fi.charCodeAt(0)).toBe(0xfeff);
    expect(parse(fi, { columns: true, bom: true, delimiter: ';' })).toEqual(records);
    // Example tabs keep their whole titles.
    const cut = await page.$$eval('.graphiql-tab-button', (tabs) =>
      tabs.filter((tab) => tab.scrollWidth > tab.clientWidth + 1).map((tab) => tab.textContent),
    );
    expect(cut).toEqual([]);
  });
});
