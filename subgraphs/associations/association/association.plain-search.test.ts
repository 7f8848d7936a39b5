import { plainAnalyzer, useFinnishAnalyzer } from '../../core/finnish/finnish-terms';
import { associationsSubgraph } from '../associations.subgraph';
import {
  irrelevantAhead,
  loadRecallSet,
  measureRecall,
  recallLine,
  searchRecallQueries,
} from '../../../tests/setup/recall';
import { startTestSubgraph, type TestSubgraph } from '../../../tests/setup/subgraph-harness';

/**
 * The Finnish search on a machine without Voikko (a newcomer's, before `apt-get install
 * libvoikko1 voikko-fi`): PostgreSQL's stemming, name fragments and near misses, and the
 * fallback analyzer's four-letter fragments. Runs everywhere; with Voikko installed this
 * process is told to use the fallback. Measured on the same recall set as Voikko's test.
 */
describe('Finnish search without Voikko, by its recall set', () => {
  let subgraph: TestSubgraph;
  let results: Map<string, string[]>;

  beforeAll(async () => {
    useFinnishAnalyzer(plainAnalyzer);
    subgraph = await startTestSubgraph(associationsSubgraph);
    results = await searchRecallQueries(subgraph, await loadRecallSet(subgraph, plainAnalyzer));
  });

  afterAll(() => subgraph?.stop());

  it('finds the everyday words a newcomer tried first', () => {
    const top = (q: string) => results.get(q) ?? [];
    expect(top('marttojen')).toContain('martat');
    expect(top('partio')).toContain('partio');
    expect(top('hiihdon')).toContain('hiihtoseura');
  });

  it('finds at least 90 % of the relevant associations in the first 20', () => {
    const recall = measureRecall(results);
    process.stdout.write(recallLine('without Voikko', recall));
    expect(recall.recall).toBeGreaterThanOrEqual(0.9);
  });

  it('ranks what matches a whole word above what matches only its fragments', () => {
    const ahead = irrelevantAhead(results);
    process.stdout.write(`irrelevant ranked above a relevant one: ${ahead.join(', ') || 'none'}\n`);
    expect(ahead).toEqual([]);
  });
});
