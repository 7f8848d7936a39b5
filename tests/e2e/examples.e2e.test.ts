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
      'Analysts',
      'Analysts',
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

  it('sends a browser opening /graphql to GraphiQL, never to a page loaded from a CDN', async () => {
    const browser = { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' };
    const page = await fetch(t.hub.gateway.graphqlUrl, { headers: browser, redirect: 'manual' });
    expect([page.status, page.headers.get('location')]).toEqual([302, '/graphiql']);
    // A query in the URL is a GraphQL request, whatever the Accept header says.
    const query = await fetch(`${t.hub.gateway.graphqlUrl}?query=%7B__typename%7D`, {
      headers: { ...browser, 'apollo-require-preflight': 'true' },
      redirect: 'manual',
    });
    expect(query.status).toBe(200);
    expect(await query.json()).toEqual({ data: { __typename: 'Query' } });
    // A client that asks for JSON is told what is missing, not shown a page.
    const json = await fetch(t.hub.gateway.graphqlUrl, { headers: { accept: 'application/json' } });
    expect(json.status).toBe(400);
    expect(await json.text()).not.toMatch(/<html|cdn|embeddable-sandbox/i);
  });
});
