import { finnishAnalyzer } from '../../core/finnish/finnish-terms';
import { associationsSubgraph } from '../associations.subgraph';
import { makeActivity } from '../../../tests/factories/associations.factory';
import { RECALL_ASSOCIATIONS, RECALL_QUERIES } from '../../../tests/fixtures/finnish-search';
import {
  loadRecallSet,
  measureRecall,
  recallLine,
  searchRecallQueries,
} from '../../../tests/setup/recall';
import { startTestSubgraph, type TestSubgraph } from '../../../tests/setup/subgraph-harness';
import { AssociationSearchIndexer } from './association-search.indexer';
import { describeWithVoikko } from '../../../tests/setup/voikko';

/**
 * The Finnish search's recall set (tests/fixtures/finnish-search.ts): at least 60 queries
 * as people type them, over associations described as they describe themselves. Needs
 * Voikko (libvoikko1 and voikko-fi): CI installs it (.ci/run); elsewhere the test says it
 * was skipped, and the search runs without the base-form way.
 */
describeWithVoikko('Finnish search, by its recall set', () => {
  let subgraph: TestSubgraph;
  const keyOf = new Map<string, string>();
  let results: Map<string, string[]>;

  beforeAll(async () => {
    expect(finnishAnalyzer().name).toBe('voikko');
    subgraph = await startTestSubgraph(associationsSubgraph);
    for (const [id, key] of await loadRecallSet(subgraph, finnishAnalyzer())) keyOf.set(id, key);
    results = await searchRecallQueries(subgraph, keyOf);
  });

  afterAll(() => subgraph?.stop());

  it('has at least 60 queries, each with its relevant associations in the set', () => {
    expect(RECALL_QUERIES.length).toBeGreaterThanOrEqual(60);
    const keys = new Set(RECALL_ASSOCIATIONS.map((a) => a.key));
    expect(RECALL_QUERIES.flatMap((q) => q.relevant).filter((k) => !keys.has(k))).toEqual([]);
  });

  it('finds at least 95 % of the relevant associations in the first 20', () => {
    const recall = measureRecall(results);
    process.stdout.write(recallLine('with Voikko', recall));
    expect(recall.recall).toBeGreaterThanOrEqual(0.95);
  });

  it('finds an association by a word of an activity added later, indexed in the background', async () => {
    const search = async (q: string) =>
      (
        await subgraph.request<{ associations: { edges: Array<{ node: { id: string } }> } }>(
          `query ($q: String!) { associations(filter: { search: $q }) { edges { node { id } } } }`,
          { q },
        )
      ).data!.associations.edges.map((e) => keyOf.get(e.node.id));
    expect(await search('melontaretkille')).toEqual([]);
    const kalastus = [...keyOf].find(([, key]) => key === 'kalastusseura')![0];
    // A trigger marks the association stale and notifies; the subgraph's indexer, listening,
    // rebuilds its terms shortly after: nobody calls it here.
    await makeActivity(subgraph.db, kalastus, { name: { fi: 'Melontaretket Vesijärvellä' } });
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline && (await search('melontaretkille')).length === 0) {
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(await search('melontaretkille')).toEqual(['kalastusseura']);
    expect(await search('melonta')).toEqual(['kalastusseura']);
  });

  it('rebuilds the terms of a renamed category, and all of them when the analyzer changes', async () => {
    const search = async (q: string) =>
      (
        await subgraph.request<{ associations: { edges: Array<{ node: { id: string } }> } }>(
          `query ($q: String!) { associations(filter: { search: $q }, first: 50) { edges { node { id } } } }`,
          { q },
        )
      ).data!.associations.edges.map((e) => keyOf.get(e.node.id));
    await subgraph.db.query(
      `UPDATE associations.category SET name = '{"fi": "Kalastus ja vesiretkeily"}' WHERE slug = 'recall-hobbies'`,
    );
    await new AssociationSearchIndexer(subgraph.db, finnishAnalyzer()).indexAll();
    // "vesiretkeilyyn" is in no text but the renamed category: found by its compound part.
    expect((await search('retkeilyyn')).sort()).toEqual(
      RECALL_ASSOCIATIONS.filter((a) => a.categories.includes('hobbies'))
        .map((a) => a.key)
        .sort(),
    );
    // Terms an earlier analyzer built are stale to this one: prepare rebuilds every one.
    await subgraph.db.query(`UPDATE associations.association SET search_terms_by = 'plain'`);
    const logged: string[] = [];
    await new AssociationSearchIndexer(subgraph.db, finnishAnalyzer()).prepare((line) =>
      logged.push(line),
    );
    expect(logged).toContain(
      `search terms: ${RECALL_ASSOCIATIONS.length} associations to rebuild with voikko`,
    );
    const [{ left }] = await subgraph.db.query(
      `SELECT count(*)::int AS left FROM associations.association WHERE search_terms_by IS DISTINCT FROM 'voikko'`,
    );
    expect(left).toBe(0);
  });

  it('puts no irrelevant association in the first three', () => {
    expect(measureRecall(results).irrelevantInTopThree).toEqual([]);
  });
});
