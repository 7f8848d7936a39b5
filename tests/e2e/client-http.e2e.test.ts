import { gunzipSync, brotliDecompressSync } from 'node:zlib';
import { request } from 'undici';
import { eventId } from '../../demo/data';
import { helsinkiYear } from '../../subgraphs/core/time';
import { startTestHub, type TestHub } from '../setup/test-hub';

/**
 * Issue 30, items 1 and 2: what a client developer's HTTP stack expects. Read with undici's
 * request, which (unlike fetch) leaves the body as sent, so the test sees the encoding.
 */
describe('HTTP for client developers', () => {
  let t: TestHub;
  const site = 'https://yhdistykset.example';

  beforeAll(async () => {
    t = await startTestHub({ CORS_ORIGINS: site });
  });
  afterAll(() => t.stop());

  const DIRECTORY = JSON.stringify({
    query:
      '{ associations(first: 50) { edges { node { id name { fi sv en } description { fi } } } } }',
  });

  async function post(headers: Record<string, string>, body = DIRECTORY) {
    const answer = await request(t.hub.gateway.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
    });
    return {
      status: answer.statusCode,
      headers: answer.headers,
      body: Buffer.from(await answer.body.arrayBuffer()),
    };
  }

  it('compresses a directory page with gzip or Brotli as the client accepts, and not when it does not', async () => {
    const plain = await post({});
    expect(plain.headers['content-encoding']).toBeUndefined();
    const gzip = await post({ 'accept-encoding': 'gzip' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.body).toString()).toBe(plain.body.toString());
    const br = await post({ 'accept-encoding': 'br, gzip' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br.body).toString()).toBe(plain.body.toString());
    // Smaller by far: the page is repetitive JSON.
    expect(br.body.length).toBeLessThan(plain.body.length / 2);
  });

  it('answers identical requests in flight together, each encoded as its own client accepts', async () => {
    const body = JSON.stringify({
      query: '{ associations(first: 40) { edges { node { id name { fi } } } } }',
    });
    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, i) => post(i % 2 ? { 'accept-encoding': 'gzip' } : {}, body)),
    );
    const texts = answers.map((a, i) => {
      expect(a.headers['content-encoding']).toBe(i % 2 ? 'gzip' : undefined);
      return (i % 2 ? gunzipSync(a.body) : a.body).toString();
    });
    expect(new Set(texts).size).toBe(1);
    expect(JSON.parse(texts[0]).data.associations.edges.length).toBeGreaterThan(10);
  });

  it('compresses feeds and GraphiQL’s script too', async () => {
    const year = helsinkiYear(new Date());
    const page = await request(`${t.hub.gateway.url}/graphiql`);
    const html = await page.body.text();
    const script = /<script[^>]+src="([^"]+\.js)"/.exec(html)![1];
    const scriptPath = script.startsWith('/') ? script : `/graphiql/${script}`;
    for (const path of [`/feeds/calendar.ics?year=${year}`, scriptPath]) {
      const answer = await request(`${t.hub.gateway.url}${path}`, {
        headers: { 'accept-encoding': 'gzip' },
      });
      await answer.body.arrayBuffer();
      expect({
        path,
        status: answer.statusCode,
        encoding: answer.headers['content-encoding'],
      }).toEqual({
        path,
        status: 200,
        encoding: 'gzip',
      });
    }
  });

  it('lets browser code on an allowed origin read the request id and the limits’ headers', async () => {
    const answer = await post({ origin: site });
    expect(answer.headers['access-control-allow-origin']).toBe(site);
    const exposed = String(answer.headers['access-control-expose-headers'])
      .toLowerCase()
      .split(',');
    expect(exposed.map((h) => h.trim())).toEqual(
      expect.arrayContaining([
        'x-request-id',
        'retry-after',
        'ratelimit-remaining',
        'ratelimit-reset',
      ]),
    );
  });

  it('says that GET answers vary by Accept and Authorization, as well as Origin', async () => {
    const query = encodeURIComponent('{ serviceAreas { id } }');
    const answer = await request(`${t.hub.gateway.graphqlUrl}?query=${query}`, {
      headers: { 'apollo-require-preflight': 'true', origin: site },
    });
    await answer.body.arrayBuffer();
    const vary = String(answer.headers.vary)
      .toLowerCase()
      .split(',')
      .map((v) => v.trim());
    expect(vary).toEqual(expect.arrayContaining(['origin', 'accept', 'authorization']));
  });

  it('lets any site fetch the open data and the feeds from the browser', async () => {
    const year = helsinkiYear(new Date());
    for (const path of [
      `/feeds/events/${eventId('yhdistysilta-kevat')}.jsonld`,
      `/exports/grants.360giving.json?year=${year}`,
    ]) {
      const answer = await request(`${t.hub.gateway.url}${path}`, {
        headers: { origin: 'https://toinen-sivusto.example' },
      });
      await answer.body.arrayBuffer();
      expect({
        path,
        status: answer.statusCode,
        allow: answer.headers['access-control-allow-origin'],
      }).toEqual({
        path,
        status: 200,
        allow: '*',
      });
    }
  });
});
