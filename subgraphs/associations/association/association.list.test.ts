import { associationsSubgraph } from '../associations.subgraph';
import {
  makeAssociation,
  makeCategory,
  makeServiceArea,
} from '../../../tests/factories/associations.factory';
import {
  errorCodes,
  startTestSubgraph,
  type TestSubgraph,
} from '../../../tests/setup/subgraph-harness';

const LIST = `
  query List($filter: AssociationFilter, $orderBy: AssociationOrder, $first: Int, $after: String, $last: Int, $before: String) {
    associations(filter: $filter, orderBy: $orderBy, first: $first, after: $after, last: $last, before: $before) {
      totalCount
      edges { cursor node { name { fi } } }
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    }
  }`;

interface ListAnswer {
  associations: {
    totalCount: number;
    edges: Array<{ cursor: string; node: { name: { fi: string } } }>;
    pageInfo: {
      hasNextPage: boolean;
      hasPreviousPage: boolean;
      startCursor: string | null;
      endCursor: string | null;
    };
  };
}

describe('Query.associations', () => {
  let subgraph: TestSubgraph;
  let sports: string;
  let culture: string;
  let youthArea: string;
  let cultureArea: string;

  async function names(variables: Record<string, unknown>): Promise<string[]> {
    const answer = await subgraph.request<ListAnswer>(LIST, variables);
    expect(answer.errors).toEqual([]);
    return answer.data!.associations.edges.map((e) => e.node.name.fi);
  }

  beforeAll(async () => {
    subgraph = await startTestSubgraph(associationsSubgraph);
    const db = subgraph.db;
    sports = await makeCategory(db, { slug: 'sports' });
    culture = await makeCategory(db, { slug: 'culture' });
    youthArea = await makeServiceArea(db);
    cultureArea = await makeServiceArea(db);
    const day = (d: number) => new Date(Date.UTC(2026, 0, d));
    await makeAssociation(db, {
      name: { fi: 'Lahden Urheiluseura ry', en: 'Lahti Sports Club' },
      description: { fi: 'Yleisurheilua ja hiihtoa lapsille.' },
      categoryIds: [sports],
      serviceAreaIds: [youthArea],
      updatedAt: day(5),
    });
    await makeAssociation(db, {
      name: { fi: 'Salpausselän Hiihtäjät ry' },
      description: { fi: 'Hiihtokoulu ja latuvalvonta.' },
      categoryIds: [sports],
      municipalityCode: '098',
      updatedAt: day(3),
    });
    await makeAssociation(db, {
      name: { fi: 'Lahden Ruotsalainen Klubi ry', sv: 'Svenska klubben i Lahtis rf' },
      languages: ['sv', 'fi'],
      categoryIds: [culture],
      serviceAreaIds: [cultureArea],
      updatedAt: day(9),
    });
    await makeAssociation(db, {
      name: { fi: 'Åkerin Kyläyhdistys ry' },
      kind: 'INFORMAL_GROUP',
      municipalityCode: '560',
      updatedAt: day(1),
    });
    await makeAssociation(db, {
      name: { fi: 'Ämmälän Eläkeläiset ry' },
      status: 'DORMANT',
      updatedAt: day(2),
    });
    await makeAssociation(db, {
      name: { fi: 'Zeta-kuoro ry' },
      categoryIds: [culture, sports],
      kind: 'FOUNDATION',
      updatedAt: day(7),
    });
  });

  afterAll(() => subgraph.stop());

  it('orders by name in Finnish alphabetical order: Z before Å, Ä and Ö', async () => {
    expect(await names({})).toEqual([
      'Lahden Ruotsalainen Klubi ry',
      'Lahden Urheiluseura ry',
      'Salpausselän Hiihtäjät ry',
      'Zeta-kuoro ry',
      'Åkerin Kyläyhdistys ry',
      'Ämmälän Eläkeläiset ry',
    ]);
  });

  it('orders by last update, newest first', async () => {
    expect(await names({ orderBy: 'UPDATED_AT' })).toEqual([
      'Lahden Ruotsalainen Klubi ry',
      'Zeta-kuoro ry',
      'Lahden Urheiluseura ry',
      'Salpausselän Hiihtäjät ry',
      'Ämmälän Eläkeläiset ry',
      'Åkerin Kyläyhdistys ry',
    ]);
  });

  it('filters by every condition, alone and together', async () => {
    expect(await names({ filter: { municipalityCodes: ['098', '560'] } })).toEqual([
      'Salpausselän Hiihtäjät ry',
      'Åkerin Kyläyhdistys ry',
    ]);
    expect(await names({ filter: { categoryIds: [culture] } })).toEqual([
      'Lahden Ruotsalainen Klubi ry',
      'Zeta-kuoro ry',
    ]);
    expect(await names({ filter: { serviceAreaIds: [youthArea, cultureArea] } })).toEqual([
      'Lahden Ruotsalainen Klubi ry',
      'Lahden Urheiluseura ry',
    ]);
    expect(await names({ filter: { languages: ['sv'] } })).toEqual([
      'Lahden Ruotsalainen Klubi ry',
    ]);
    expect(await names({ filter: { statuses: ['DORMANT'] } })).toEqual(['Ämmälän Eläkeläiset ry']);
    expect(await names({ filter: { kinds: ['INFORMAL_GROUP', 'FOUNDATION'] } })).toEqual([
      'Zeta-kuoro ry',
      'Åkerin Kyläyhdistys ry',
    ]);
    expect(await names({ filter: { updatedSince: '2026-01-06T00:00:00Z' } })).toEqual([
      'Lahden Ruotsalainen Klubi ry',
      'Zeta-kuoro ry',
    ]);
    expect(await names({ filter: { categoryIds: [sports], municipalityCodes: ['398'] } })).toEqual([
      'Lahden Urheiluseura ry',
      'Zeta-kuoro ry',
    ]);
  });

  it('counts every match in totalCount, not just the page', async () => {
    const answer = await subgraph.request<ListAnswer>(LIST, {
      filter: { categoryIds: [sports] },
      first: 1,
    });
    expect(answer.data!.associations.totalCount).toBe(3);
    expect(answer.data!.associations.edges).toHaveLength(1);
  });

  it('pages forwards and backwards with cursors, losing and repeating nothing', async () => {
    const all = await names({});
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const answer: { data?: ListAnswer | null } = await subgraph.request<ListAnswer>(LIST, {
        first: 2,
        after,
      });
      const page: ListAnswer['associations'] = answer.data!.associations;
      seen.push(...page.edges.map((e) => e.node.name.fi));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(all);

    const backwards: string[] = [];
    let before: string | null = null;
    for (;;) {
      const answer: { data?: ListAnswer | null } = await subgraph.request<ListAnswer>(LIST, {
        last: 2,
        before,
      });
      const page: ListAnswer['associations'] = answer.data!.associations;
      backwards.unshift(...page.edges.map((e) => e.node.name.fi));
      if (!page.pageInfo.hasPreviousPage) break;
      before = page.pageInfo.startCursor;
    }
    expect(backwards).toEqual(all);
  });

  it('refuses a cursor made for another ordering', async () => {
    const first = await subgraph.request<ListAnswer>(LIST, { first: 1 });
    const answer = await subgraph.request(LIST, {
      orderBy: 'UPDATED_AT',
      after: first.data!.associations.pageInfo.endCursor,
    });
    expect(errorCodes(answer)).toEqual(['BAD_USER_INPUT']);
    expect(answer.errors[0].extensions?.fields).toEqual([
      expect.objectContaining({ field: 'after', rule: 'CURSOR_ORDER' }),
    ]);
  });

  it('refuses more than 100 per page instead of cutting silently', async () => {
    const answer = await subgraph.request(LIST, { first: 101 });
    expect(errorCodes(answer)).toEqual(['BAD_USER_INPUT']);
    expect(answer.errors[0].message).toContain('first');
  });

  it('names each bad filter value', async () => {
    const answer = await subgraph.request(LIST, {
      filter: { municipalityCodes: ['39'], languages: ['swe'], categoryIds: ['x'] },
    });
    expect(errorCodes(answer)).toEqual(['BAD_USER_INPUT']);
    expect(
      (answer.errors[0].extensions?.fields as Array<{ field: string }>).map((f) => f.field),
    ).toEqual(['filter.municipalityCodes[0]', 'filter.languages[0]', 'filter.categoryIds[0]']);
  });

  it('refuses a municipality code that is no municipality', async () => {
    const answer = await subgraph.request(LIST, { filter: { municipalityCodes: ['398', '999'] } });
    expect(answer.errors[0].extensions?.fields).toEqual([
      expect.objectContaining({ field: 'filter.municipalityCodes[1]', rule: 'MUNICIPALITY' }),
    ]);
  });

  it('refuses a search of more than ten words', async () => {
    const answer = await subgraph.request(LIST, {
      filter: {
        search:
          'yksi kaksi kolme neljä viisi kuusi seitsemän kahdeksan yhdeksän kymmenen yksitoista',
      },
    });
    expect(answer.errors[0].extensions?.fields).toEqual([
      expect.objectContaining({ field: 'filter.search', rule: 'MAX_WORDS' }),
    ]);
  });

  it('refuses RELEVANCE ordering without words to rank by', async () => {
    const answer = await subgraph.request(LIST, { orderBy: 'RELEVANCE' });
    expect(answer.errors[0].extensions?.fields).toEqual([
      expect.objectContaining({ field: 'orderBy', rule: 'NEEDS_SEARCH' }),
    ]);
  });
});
