import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildManifest } from '../../scripts/safelist';
import { EXAMPLES_DIR } from '../examples/examples';
import { loadSafelist, manifestOf, safelistDocumentStore, sha256 } from './safelist';

const dir = mkdtempSync(join(tmpdir(), 'safelist-'));
const write = (name: string, content: unknown) => {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
};

describe('the safelist', () => {
  it('loads a manifest by hash, and its store knows exactly those documents', async () => {
    const body = '{ serviceAreas { id } }';
    const path = write('ok.json', manifestOf([{ name: 'Areas', body }]));
    const safelist = loadSafelist(path);
    expect([...safelist]).toEqual([[sha256(body), body]]);
    const store = safelistDocumentStore(safelist);
    expect(await store.get(`apq:${sha256(body)}`)).toBe(body);
    await store.set();
    expect(await store.get(`apq:${sha256('{ categories { slug } }')}`)).toBeUndefined();
  });

  it('refuses a file that is not a manifest, or whose ids are not the hashes of their bodies', () => {
    expect(() => loadSafelist(write('bad.json', '{ nope'))).toThrow(
      /GATEWAY_SAFELIST_PATH\) cannot be read as JSON/,
    );
    expect(() => loadSafelist(write('other.json', { operations: [] }))).toThrow(
      /not an apollo-persisted-query-manifest/,
    );
    const tampered = manifestOf([{ name: 'Areas', body: '{ serviceAreas { id } }' }]);
    tampered.operations[0].body = '{ associations { totalCount } }';
    expect(() => loadSafelist(write('tampered.json', tampered))).toThrow(
      /operations\[0\], Areas\) whose id is not the SHA-256 of its body/,
    );
  });

  it('is built by npm run safelist from the example files, comment lines left out', () => {
    const manifest = buildManifest([EXAMPLES_DIR]);
    expect(manifest.operations.length).toBe(
      readdirSync(EXAMPLES_DIR).filter((f) => f.endsWith('.graphql')).length,
    );
    expect(manifest.operations[0]).toMatchObject({ name: 'DirectorySiteSearch', type: 'query' });
    expect(manifest.operations.every((o) => !o.body.includes('# audience'))).toBe(true);
    expect(manifest.operations.every((o) => o.id === sha256(o.body))).toBe(true);
    expect(() => buildManifest([write('broken.graphql', '{ serviceAreas { id }')])).toThrow(
      /broken.graphql is not a GraphQL document/,
    );
  });
});
