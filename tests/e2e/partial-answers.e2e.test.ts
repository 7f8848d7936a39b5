import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isNonNullType } from 'graphql';
import { projectRoot } from '../../subgraphs/core/paths';
import { supergraphApiSchema } from '../setup/supergraph-api';
import { postGraphQL, startTestHub, type TestHub } from '../setup/test-hub';

/**
 * A refused or failing field costs only itself: the rest of the answer stays, and the error
 * names the field's path (GraphQL's guidance on nullability; a non-null root field would
 * turn one refusal into `data: null` for the whole page).
 */
describe('one refused field costs only itself', () => {
  let t: TestHub;

  beforeAll(async () => {
    t = await startTestHub();
  });

  afterAll(() => t.stop());

  it('has no non-null root query field in the composed schema', () => {
    const schema = supergraphApiSchema(
      readFileSync(join(projectRoot(), 'schema', 'supergraph.graphql'), 'utf8'),
    );
    const fields = Object.values(schema.getQueryType()!.getFields());
    expect(fields.length).toBeGreaterThan(30);
    expect(fields.filter((f) => isNonNullType(f.type)).map((f) => f.name)).toEqual([]);
  });

  it('keeps the public categories when an anonymous page also asks for reservations', async () => {
    const { body } = await postGraphQL(
      t.hub.gateway.graphqlUrl,
      `{ categories { id } reservations(first: 1) { totalCount } }`,
    );
    const answer = body as {
      data: { categories: unknown[]; reservations: unknown } | null;
      errors: Array<{ path: string[]; extensions: { code: string } }>;
    };
    expect(answer.data?.categories.length).toBeGreaterThan(0);
    expect(answer.data?.reservations).toBeNull();
    expect(answer.errors.map((e) => [e.path, e.extensions.code])).toEqual([
      [['reservations'], 'FORBIDDEN'],
    ]);
  });

  it('keeps every survey when staff ask for the answers of all and one is still open', async () => {
    const token = await t.token({ role: 'admin', subject: 'analyst' });
    const { body } = await postGraphQL(
      t.hub.gateway.graphqlUrl,
      `{ surveys(first: 100) { totalCount edges { node { status answersCsv } } } }`,
      {},
      { authorization: `Bearer ${token}` },
    );
    const answer = body as {
      data: {
        surveys: {
          totalCount: number;
          edges: Array<{ node: { status: string; answersCsv: string | null } }>;
        };
      };
      errors: Array<{ path: Array<string | number>; extensions: { code: string } }>;
    };
    const nodes = answer.data.surveys.edges.map((e) => e.node);
    expect(nodes).toHaveLength(answer.data.surveys.totalCount);
    const open = nodes.flatMap((n, i) => (n.status === 'OPEN' ? [i] : []));
    expect(open.length).toBeGreaterThan(0);
    expect(nodes.some((n) => n.status === 'CLOSED' && n.answersCsv !== null)).toBe(true);
    expect(answer.errors.map((e) => [e.path, e.extensions.code])).toEqual(
      open.map((i) => [['surveys', 'edges', i, 'node', 'answersCsv'], 'CONFLICT']),
    );
  });
});
