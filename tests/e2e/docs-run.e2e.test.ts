import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, validate } from 'graphql';
import { projectRoot, supergraphPath } from '../../subgraphs/core/paths';
import { supergraphApiSchema } from '../setup/supergraph-api';
import { postGraphQL, startTestHub, type TestHub } from '../setup/test-hub';

/**
 * Docs that run: every query the documentation shows (a `graphql` block, or an inline
 * `field(…) { … }` that is a whole query once wrapped in braces) is sent to the demo hub as a
 * reader would paste it into GraphiQL, and every root field must answer with data. The
 * example library's queries with variables are run by examples.e2e.test.ts; mutations change
 * data and need a token, so they are only validated (tests/docs.test.ts).
 */
const api = supergraphApiSchema(readFileSync(supergraphPath(), 'utf8'));

function documentedQueries(): Array<[string, string]> {
  const found: Array<[string, string]> = [];
  const pages = [
    'README.md',
    ...readdirSync(join(projectRoot(), 'docs'))
      .filter((f) => f.endsWith('.md'))
      .map((f) => `docs/${f}`),
  ];
  for (const page of pages) {
    const text = readFileSync(join(projectRoot(), page), 'utf8');
    [...text.matchAll(/```graphql\n([\s\S]*?)```/g)].forEach((m, i) => {
      const document = parse(m[1]);
      const operations = document.definitions.filter((d) => d.kind === 'OperationDefinition');
      const runnable = operations.every(
        (o) => o.operation === 'query' && (o.variableDefinitions ?? []).length === 0,
      );
      if (runnable) found.push([`${page} block ${i + 1}`, m[1]]);
    });
    for (const [, span] of text.replace(/```[\s\S]*?```/g, '').matchAll(/`([^`\n]+\{[^`\n]*)`/g)) {
      let document;
      try {
        document = parse(`{ ${span} }`);
      } catch {
        continue; // not GraphQL
      }
      if (validate(api, document).length === 0)
        found.push([`${page}: ${span.slice(0, 60)}…`, `{ ${span} }`]);
    }
  }
  return found;
}

/** True when an answer has content somewhere: a non-empty list or a value that is not null. */
function hasContent(value: unknown): boolean {
  if (Array.isArray(value)) return value.length > 0 && value.some(hasContent);
  if (value && typeof value === 'object') return Object.values(value).some(hasContent);
  return value !== null && value !== undefined && value !== 0;
}

const QUERIES = documentedQueries();

describe('every query the documentation shows answers with data from the demo', () => {
  let t: TestHub;

  beforeAll(async () => {
    t = await startTestHub();
  });

  afterAll(() => t.stop());

  it('finds the documentation’s queries', () => {
    expect(QUERIES.length).toBeGreaterThanOrEqual(10);
  });

  it.each(QUERIES)('%s', async (_where, query) => {
    const { status, body } = await postGraphQL(t.hub.gateway.graphqlUrl, query);
    expect(body.errors).toBeUndefined();
    expect(status).toBe(200);
    const data = body.data as Record<string, unknown>;
    const empty = Object.entries(data)
      .filter(([, value]) => !hasContent(value))
      .map(([field]) => field);
    expect(empty).toEqual([]);
  });
});
