import { associationsSubgraph } from '../associations.subgraph';
import { makeAssociation, makeCategory } from '../../../tests/factories/associations.factory';
import { startTestSubgraph, type TestSubgraph } from '../../../tests/setup/subgraph-harness';
import { AssociationOrder } from './association.enums';
import { AssociationRepository } from './association.repository';

const SEARCH = `
  query Search($search: String!, $orderBy: AssociationOrder, $first: Int, $after: String) {
    associations(filter: { search: $search }, orderBy: $orderBy, first: $first, after: $after) {
      totalCount
      edges { node { name { fi } } }
      pageInfo { hasNextPage endCursor }
    }
  }`;

interface SearchAnswer {
  associations: {
    totalCount: number;
    edges: Array<{ node: { name: { fi: string } } }>;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

describe('Query.associations filter.search', () => {
  let subgraph: TestSubgraph;

  async function found(search: string, orderBy?: string): Promise<string[]> {
    const answer = await subgraph.request<SearchAnswer>(SEARCH, { search, orderBy });
    expect(answer.errors).toEqual([]);
    return answer.data!.associations.edges.map((e) => e.node.name.fi);
  }

  beforeAll(async () => {
    subgraph = await startTestSubgraph(associationsSubgraph);
    const db = subgraph.db;
    const sports = await makeCategory(db);
    await makeAssociation(db, {
      name: { fi: 'Lahden Urheiluseura ry', en: 'Lahti Sports Club' },
      description: { fi: 'Yleisurheilua, hiihtoa ja lasten liikuntakerhoja.' },
      categoryIds: [sports],
    });
    await makeAssociation(db, {
      name: { fi: 'Salpausselän Hiihtäjät ry' },
      description: { fi: 'Hiihtokoulu ja latuvalvonta Salpausselällä.' },
    });
    await makeAssociation(db, {
      name: { fi: 'Lahden Ruotsalainen Klubi ry', sv: 'Svenska klubben i Lahtis rf' },
      description: { fi: 'Ruotsinkielistä kulttuuritoimintaa.' },
    });
    await makeAssociation(db, {
      name: { fi: 'Kansainvälinen Lahti ry', en: 'International Lahti Association' },
      description: { fi: 'Kielikahvilat ja kotoutumista tukeva vertaistoiminta.' },
    });
    await makeAssociation(db, {
      name: { fi: 'Päijät-Hämeen Mielenterveysseura ry' },
      description: { fi: 'Vertaisryhmät ja kriisituki; urheilu ei ole meidän juttumme.' },
    });
    await makeAssociation(db, { name: { fi: '100% Kuoro ry' } });
  });

  afterAll(() => subgraph.stop());

  it('finds a name from the beginning of a word: "urheil" finds Lahden Urheiluseura', async () => {
    expect(await found('urheil')).toContain('Lahden Urheiluseura ry');
  });

  it('finds inflected Finnish words by their stem', async () => {
    expect(await found('urheiluseuran')).toEqual(['Lahden Urheiluseura ry']);
    expect(await found('hiihtäjien')).toEqual(['Salpausselän Hiihtäjät ry']);
    expect(await found('vertaisryhmissä')).toEqual(['Päijät-Hämeen Mielenterveysseura ry']);
  });

  it('finds a part of a compound word: "seura" finds both clubs that are seura', async () => {
    expect(await found('seura')).toEqual(
      expect.arrayContaining(['Lahden Urheiluseura ry', 'Päijät-Hämeen Mielenterveysseura ry']),
    );
  });

  it('finds Swedish and English names', async () => {
    expect(await found('klubben')).toEqual(['Lahden Ruotsalainen Klubi ry']);
    expect(await found('international association')).toEqual(['Kansainvälinen Lahti ry']);
    expect(await found('sports club')).toEqual(['Lahden Urheiluseura ry']);
  });

  it('tolerates a small typo', async () => {
    expect(await found('urheilusuera')).toEqual(['Lahden Urheiluseura ry']);
  });

  it('needs every word to match', async () => {
    expect(await found('lahden urheiluseura')).toEqual(['Lahden Urheiluseura ry']);
    expect(await found('lahden kuoro')).toEqual([]);
  });

  it('ranks a name match above a mention in a description', async () => {
    // "urheilu" is the Urheiluseura's name but only a word in the Mielenterveysseura's description.
    const ranked = await found('urheilu', 'RELEVANCE');
    expect(ranked[0]).toBe('Lahden Urheiluseura ry');
    expect(ranked).toContain('Päijät-Hämeen Mielenterveysseura ry');
    expect(await found('urheilu')).toEqual(ranked);
  });

  it('orders search results by name when asked', async () => {
    expect(await found('seura', 'NAME')).toEqual([
      'Lahden Urheiluseura ry',
      'Päijät-Hämeen Mielenterveysseura ry',
    ]);
  });

  it('pages through ranked results with cursors', async () => {
    const everything = await found('la', 'RELEVANCE');
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const answer: { data?: SearchAnswer | null } = await subgraph.request<SearchAnswer>(SEARCH, {
        search: 'la',
        orderBy: 'RELEVANCE',
        first: 1,
        after,
      });
      const page: SearchAnswer['associations'] = answer.data!.associations;
      seen.push(...page.edges.map((e) => e.node.name.fi));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(everything);
    expect(everything.length).toBeGreaterThan(2);
  });

  it('counts a search exactly up to a bound and estimates beyond it, saying which', async () => {
    const answer = await subgraph.request<{
      associations: { totalCount: number; totalCountIsEstimate: boolean };
    }>(`{ associations(filter: { search: "la" }) { totalCount totalCountIsEstimate } }`);
    expect(answer.errors).toEqual([]);
    const matches = (await found('la')).length;
    expect(matches).toBeGreaterThan(2);
    expect(answer.data!.associations).toEqual({ totalCount: matches, totalCountIsEstimate: false });

    // With a bound below the matches, the same search is estimated: never below the bound
    // it was counted past. The bound in use is 1,000; a small one keeps the test small.
    const repository = new AssociationRepository(subgraph.db);
    const search = { search: 'la' };
    const counted = async (bound: number) => {
      const page = await repository.page(search, AssociationOrder.RELEVANCE, {}, bound);
      return { total: await page.totalCount, estimated: await page.totalCountIsEstimate };
    };
    expect(await counted(matches)).toEqual({ total: matches, estimated: false });
    const estimated = await counted(matches - 2);
    expect(estimated.estimated).toBe(true);
    expect(estimated.total).toBeGreaterThanOrEqual(matches - 1);
    // The directory without search words is always counted exactly.
    const all = await repository.page({}, AssociationOrder.NAME, {}, 0);
    expect(await all.totalCountIsEstimate).toBe(false);
    expect(await all.totalCount).toBeGreaterThanOrEqual(matches);
  });

  it('treats search syntax and wildcards as word boundaries, never as SQL', async () => {
    expect(await found('100%')).toEqual(['100% Kuoro ry']);
    expect(await found("urheil & | ! ( ) : * ' \\")).toEqual(
      expect.arrayContaining(['Lahden Urheiluseura ry']),
    );
    // Only punctuation: no words, so no search condition at all.
    expect(await found('%')).toEqual(await found(''));
  });
});
