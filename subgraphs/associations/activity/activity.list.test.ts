import { associationsSubgraph } from '../associations.subgraph';
import { makeActivity, makeAssociation } from '../../../tests/factories/associations.factory';
import {
  errorCodes,
  startTestSubgraph,
  type TestSubgraph,
} from '../../../tests/setup/subgraph-harness';

const LIST = `
  query List($filter: ActivityFilter, $first: Int, $after: String) {
    activities(filter: $filter, first: $first, after: $after) {
      totalCount
      edges { node { name { fi } association { name { fi } } } }
      pageInfo { hasNextPage endCursor }
    }
  }`;

interface ListAnswer {
  activities: {
    totalCount: number;
    edges: Array<{ node: { name: { fi: string }; association: { name: { fi: string } } } }>;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

/** Activities across associations, as a site's "what can I join" page lists them. */
describe('Query.activities', () => {
  let subgraph: TestSubgraph;

  beforeAll(async () => {
    subgraph = await startTestSubgraph(associationsSubgraph);
    const db = subgraph.db;
    const club = await makeAssociation(db, { name: { fi: 'Kuntoseura ry' } });
    const klubb = await makeAssociation(db, {
      name: { fi: 'Ruotsinkielinen klubi ry' },
      municipalityCode: '098',
    });
    const gone = await makeAssociation(db, { name: { fi: 'Lopettanut ry' }, status: 'DISSOLVED' });
    await makeActivity(db, club, {
      name: { fi: 'Lasten liikuntakerho' },
      description: { fi: 'Leikkejä ja pelejä lapsille.' },
      targetGroups: ['CHILDREN', 'FAMILIES'],
    });
    await makeActivity(db, club, {
      name: { fi: 'Senioreiden kuntosali' },
      description: { fi: 'Ohjattua kuntosaliharjoittelua ikääntyneille.' },
      targetGroups: ['SENIORS'],
      isFree: false,
    });
    await makeActivity(db, klubb, {
      name: { fi: 'Keskusteluilta', sv: 'Diskussionskväll' },
      description: { fi: 'Keskustelua ruotsiksi.', sv: 'Vi diskuterar på svenska.' },
      targetGroups: ['ADULTS'],
      languages: ['sv'],
    });
    await makeActivity(db, gone, { name: { fi: 'Lasten kerho' }, targetGroups: ['CHILDREN'] });
  });

  afterAll(() => subgraph.stop());

  async function names(filter: Record<string, unknown>): Promise<string[]> {
    const answer = await subgraph.request<ListAnswer>(LIST, { filter });
    expect(answer.errors).toEqual([]);
    return answer.data!.activities.edges.map((e) => e.node.name.fi);
  }

  it('lists activities of living associations by Finnish name, with their association', async () => {
    const answer = await subgraph.request<ListAnswer>(LIST, { first: 2 });
    expect(answer.data!.activities.totalCount).toBe(3);
    expect(answer.data!.activities.edges.map((e) => e.node)).toEqual([
      { name: { fi: 'Keskusteluilta' }, association: { name: { fi: 'Ruotsinkielinen klubi ry' } } },
      { name: { fi: 'Lasten liikuntakerho' }, association: { name: { fi: 'Kuntoseura ry' } } },
    ]);
    const rest = await subgraph.request<ListAnswer>(LIST, {
      first: 2,
      after: answer.data!.activities.pageInfo.endCursor,
    });
    expect(rest.data!.activities.edges.map((e) => e.node.name.fi)).toEqual([
      'Senioreiden kuntosali',
    ]);
    expect(rest.data!.activities.pageInfo.hasNextPage).toBe(false);
  });

  it('filters by target group, language, price, municipality and inflected words', async () => {
    expect(await names({ targetGroups: ['CHILDREN'] })).toEqual(['Lasten liikuntakerho']);
    expect(await names({ targetGroups: ['SENIORS', 'ADULTS'] })).toEqual([
      'Keskusteluilta',
      'Senioreiden kuntosali',
    ]);
    expect(await names({ languages: ['sv'] })).toEqual(['Keskusteluilta']);
    expect(await names({ freeOnly: true })).toEqual(['Keskusteluilta', 'Lasten liikuntakerho']);
    expect(await names({ municipalityCodes: ['098'] })).toEqual(['Keskusteluilta']);
    // Inflected Finnish, Swedish, and a description's word.
    expect(await names({ search: 'liikuntakerhoon' })).toEqual(['Lasten liikuntakerho']);
    expect(await names({ search: 'svenska' })).toEqual(['Keskusteluilta']);
    expect(await names({ search: 'kuntosaliharjoittelu', freeOnly: true })).toEqual([]);
  });

  it('names every bad filter value, and lists nothing', async () => {
    const answer = await subgraph.request(LIST, {
      filter: { languages: ['finnish'], municipalityCodes: ['999'], associationIds: ['x'] },
    });
    expect(errorCodes(answer)).toEqual(['BAD_USER_INPUT']);
    expect(
      (answer.errors[0].extensions?.fields as Array<{ field: string }>).map((f) => f.field).sort(),
    ).toEqual(['filter.associationIds[0]', 'filter.languages[0]', 'filter.municipalityCodes[0]']);
  });
});
