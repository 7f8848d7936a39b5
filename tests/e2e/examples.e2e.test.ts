import { loadExamples } from '../../gateway/examples/examples';
import { postGraphQL, startTestHub, type TestHub } from '../setup/test-hub';

/** True when an answer has content somewhere: a non-empty list or a value that is not null. */
function hasContent(value: unknown): boolean {
  if (Array.isArray(value)) return value.length > 0 && value.some(hasContent);
  if (value && typeof value === 'object') return Object.values(value).some(hasContent);
  return value !== null && value !== undefined && value !== 0;
}

describe('the example library (GraphiQL tabs) against the demo data', () => {
  let t: TestHub;

  beforeAll(async () => {
    t = await startTestHub();
  });

  afterAll(() => t.stop());

  it('serves every example, with its audience, title and variables resolved for today', async () => {
    const served = (await (
      await fetch(`${t.hub.gateway.url}/graphiql/examples.json`)
    ).json()) as Array<{ audience: string; title: string }>;
    expect(served.map((e) => e.audience)).toEqual([
      'Directory site',
      'Directory site',
      'City web team',
      'City web team',
      'City web team',
      'Analysts',
      'Analysts',
      'Analysts',
      'Analysts',
      'Analysts',
      'City web team',
    ]);
    expect(JSON.stringify(served)).not.toMatch(/"\$[A-Z_]+"/);
  });

  for (const example of loadExamples()) {
    it(`${example.audience}: ${example.title} (${example.file}) answers with content`, async () => {
      const { status, body } = await postGraphQL(
        t.hub.gateway.graphqlUrl,
        example.query,
        example.variables,
      );
      expect(body.errors).toBeUndefined();
      expect(status).toBe(200);
      expect(hasContent(body.data)).toBe(true);
    });
  }

  it('serves GraphiQL from the hub itself, with / redirecting there', async () => {
    const root = await fetch(`${t.hub.gateway.url}/`, { redirect: 'manual' });
    expect(root.status).toBe(302);
    expect(root.headers.get('location')).toBe('/graphiql');
    const page = await fetch(`${t.hub.gateway.url}/graphiql`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
    const html = await page.text();
    expect(html).not.toMatch(/https?:\/\//);
    for (const asset of ['/graphiql/app.js', '/graphiql/graphiql.css']) {
      expect((await fetch(`${t.hub.gateway.url}${asset}`)).status).toBe(200);
    }
  });
});
