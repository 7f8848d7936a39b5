import type { TermAnalyzer } from '../../subgraphs/core/finnish/finnish-terms';
import { AssociationSearchIndexer } from '../../subgraphs/associations/association/association-search.indexer';
import { makeActivity, makeAssociation, makeCategory } from '../factories/associations.factory';
import { CATEGORIES, RECALL_ASSOCIATIONS, RECALL_QUERIES } from '../fixtures/finnish-search';
import type { TestSubgraph } from './subgraph-harness';

/** The recall set's associations written into a subgraph's database, indexed by `analyzer`. */
export async function loadRecallSet(
  subgraph: TestSubgraph,
  analyzer: TermAnalyzer,
): Promise<Map<string, string>> {
  const db = subgraph.db;
  const keyOf = new Map<string, string>();
  const categoryIds = new Map<string, string>();
  for (const [slug, fi] of Object.entries(CATEGORIES)) {
    categoryIds.set(slug, await makeCategory(db, { slug: `recall-${slug}`, name: { fi } }));
  }
  for (const a of RECALL_ASSOCIATIONS) {
    const id = await makeAssociation(db, {
      name: { fi: a.name },
      description: { fi: a.description },
      categoryIds: a.categories.map((c) => categoryIds.get(c)!),
    });
    keyOf.set(id, a.key);
    for (const activity of a.activities) await makeActivity(db, id, { name: { fi: activity } });
  }
  // What the background indexer would do within a second, done now.
  await new AssociationSearchIndexer(db, analyzer).indexAll();
  return keyOf;
}

/** Each recall query's first 20 associations, by key. */
export async function searchRecallQueries(
  subgraph: TestSubgraph,
  keyOf: ReadonlyMap<string, string>,
): Promise<Map<string, string[]>> {
  const results = new Map<string, string[]>();
  for (const { query } of RECALL_QUERIES) {
    const answer = await subgraph.request<{
      associations: { edges: Array<{ node: { id: string } }> };
    }>(
      `query ($q: String!) { associations(filter: { search: $q }, first: 20) { edges { node { id } } } }`,
      { q: query },
    );
    if (answer.errors.length) throw new Error(JSON.stringify(answer.errors));
    results.set(
      query,
      answer.data!.associations.edges.map((e) => keyOf.get(e.node.id) ?? e.node.id),
    );
  }
  return results;
}

export interface Recall {
  recall: number;
  found: number;
  relevant: number;
  missed: string[];
  /** Irrelevant associations among a query's first three. */
  irrelevantInTopThree: string[];
}

/** Recall at 20 and the first three's precision over the whole set. */
export function measureRecall(results: ReadonlyMap<string, string[]>): Recall {
  let relevant = 0;
  let found = 0;
  const missed: string[] = [];
  for (const { query, relevant: expected } of RECALL_QUERIES) {
    const top = results.get(query)!;
    relevant += expected.length;
    for (const key of expected) {
      if (top.includes(key)) found++;
      else missed.push(`${query} → ${key}`);
    }
  }
  const irrelevantInTopThree = RECALL_QUERIES.flatMap(({ query, relevant: expected }) =>
    results
      .get(query)!
      .slice(0, 3)
      .filter((key) => !expected.includes(key))
      .map((key) => `${query} → ${key}`),
  );
  return { recall: found / relevant, found, relevant, missed, irrelevantInTopThree };
}

/** One line for the test's output: what the note and the docs quote. */
export function recallLine(name: string, r: Recall): string {
  return `${name}: recall@20 ${(r.recall * 100).toFixed(1)} % (${r.found}/${r.relevant}); irrelevant in a top three: ${r.irrelevantInTopThree.length}; missed: ${r.missed.join(', ') || 'none'}\n`;
}

/** Irrelevant associations ranked above a relevant one that was found: the order's faults. */
export function irrelevantAhead(results: ReadonlyMap<string, string[]>): string[] {
  return RECALL_QUERIES.flatMap(({ query, relevant }) => {
    const top = results.get(query)!;
    const lastRelevant = Math.max(...top.map((key, i) => (relevant.includes(key) ? i : -1)));
    return top
      .slice(0, lastRelevant)
      .filter((key) => !relevant.includes(key))
      .map((key) => `${query} → ${key}`);
  });
}
